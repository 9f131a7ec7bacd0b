// Vault environment monitoring (D-9.4, D-9.5), wired once: limits, sensors,
// live ingestion (MQTT when configured, HTTP tokens), CSV imports, alerts and
// chart data. The MQTT ingester starts and stops with the HTTP server.
import { sql } from "kysely";
import type { Deps } from "../../context.ts";
import { alertsService } from "./alerts.service.ts";
import { importService } from "./import.service.ts";
import { ingestService } from "./ingest.service.ts";
import { limitsService } from "./limits.service.ts";
import { type MqttIngester, mqttIngester } from "./mqtt-ingester.ts";
import { sensorDirectory } from "./sensor-directory.ts";
import { sensorsService } from "./sensors.service.ts";
import { seriesService } from "./series.service.ts";
import { vaultEnvironmentService } from "./vault-environment.service.ts";

export function environmentService(deps: Deps) {
  const { db } = deps.dbh;
  const cfg = deps.config.environment;
  const limits = limitsService(deps);
  const directory = sensorDirectory(db, deps.config.secret);
  const ingest = ingestService(db, directory, limits, cfg.maxReadingAgeMs);
  let ingester: MqttIngester | null = null;

  return {
    limits,
    directory,
    ingest,
    sensors: sensorsService(db, deps.config.secret, directory),
    alerts: alertsService(db),
    series: seriesService(db, limits),
    vaults: vaultEnvironmentService(db, limits),
    imports: importService(db, limits),

    /** Starts MQTT ingestion if a broker is configured; returns whether it did. */
    async startIngester(log: { warn(o: object, msg: string): void; error(o: object, msg: string): void }) {
      if (!cfg.mqtt || ingester) return false;
      ingest.onLog((msg, detail) => log.warn(detail, msg));
      ingester = mqttIngester(cfg.mqtt, ingest, (err) => log.error({ err }, "MQTT ingestion"));
      await ingester.start();
      return true;
    },
    async stopIngester() {
      await ingester?.stop();
      ingester = null;
    },
    drainIngester: () => ingester?.drain() ?? Promise.resolve(),

    /** Monthly partitions of the readings, kept three months ahead (migration 0020). */
    async addPartitions(): Promise<number> {
      const r = await sql<{ n: number }>`SELECT environment_reading_add_partitions(3) AS n`.execute(db);
      return r.rows[0]?.n ?? 0;
    },
  };
}
export type EnvironmentService = ReturnType<typeof environmentService>;
