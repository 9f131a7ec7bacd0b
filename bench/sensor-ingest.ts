// Benchmark: vault sensor readings (D-9.4, D-9.5) published through the real
// Mosquitto broker, each signed with its sensor's HMAC secret, received by the
// real MQTT ingester and stored through the real ingest service (verification,
// batch INSERT, hourly roll-up, excursion and swing checks) — against a raw
// multi-row INSERT of the same rows into a copy of the readings table, in the
// same database, in the same run. The target is one reading per minute from
// 1,000 sensors (≈17/s).
// Usage: node --import tsx bench/sensor-ingest.ts [--sensors N] [--rounds N] [--mode embedded|server|both]
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { DbMode } from "@dangan/db";
import { createTestDatabase } from "@dangan/db/testing";
import { systemActor } from "@dangan/domain";
import {
  BlobStore,
  createServices,
  loadClauses,
  loadConfig,
  signedPayload,
  simulatedReading,
} from "@dangan/server";
import { sql } from "kysely";
import mqtt from "mqtt";

const { values } = parseArgs({
  options: {
    sensors: { type: "string", default: "1000" },
    rounds: { type: "string", default: "20" },
    mode: { type: "string", default: "both" },
    broker: { type: "string", default: process.env.DANGAN_MQTT_URL ?? "mqtt://127.0.0.1:1883" },
  },
});
const SENSORS = Number(values.sensors);
const ROUNDS = Number(values.rounds);
const modes: DbMode[] = values.mode === "both" ? ["embedded", "server"] : [values.mode as DbMode];
const TARGET = 1000 / 60;

interface Result {
  mode: DbMode;
  readings: number;
  publish: number;
  ingest: number;
  raw: number;
  warmup: number;
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 600_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function benchMode(mode: DbMode): Promise<Result> {
  const dbh = await createTestDatabase(mode === "embedded" ? "pglite" : "postgres");
  const dataDir = mkdtempSync(join(tmpdir(), "dangan-bench-sensors-"));
  const topicPrefix = `dangan-bench/${randomBytes(4).toString("hex")}/sensors`;
  const config = loadConfig(
    { DANGAN_SECRET: "22".repeat(32) },
    {
      dataDir,
      environment: { mqtt: { url: values.broker, topicPrefix }, limits: {}, maxReadingAgeMs: 3_600_000 },
    },
  );
  const s = createServices({
    dbh,
    config,
    blobs: new BlobStore(join(dataDir, "blobs")),
    clauses: loadClauses(),
  });
  const pub = await mqtt.connectAsync(values.broker, { clientId: `dangan-bench-pub-${process.pid}` });
  try {
    console.log(`\n${mode} (${dbh.target})`);
    const op = systemActor("bench sensor-ingest");
    const agency = await s.organisations.create(op, {
      kind: "agency",
      name: "基准测试托管公司",
      district: "jiading",
      serviceTypes: ["custody"],
      licenceNumber: "310114000999999",
    });
    const site = await s.db
      .insertInto("site")
      .values({ agencyOrgId: agency.id, name: "基准库区" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const vaults = [];
    for (let v = 0; v < 10; v++)
      vaults.push(
        await s.db
          .insertInto("vault")
          .values({ agencyOrgId: agency.id, siteId: site.id, code: `V${v}`, name: `基准库房${v}` })
          .returning("id")
          .executeTakeFirstOrThrow(),
      );
    const sensors: { code: string; secret: string }[] = [];
    for (let i = 0; i < SENSORS; i++) {
      const r = await s.environment.sensors.register(op, vaults[i % vaults.length]!.id, {
        code: `B-${i}`,
        name: `基准${i}`,
      });
      sensors.push({ code: r.sensor.code, secret: r.secret });
    }
    await s.environment.startIngester({ warn: () => {}, error: (o) => console.error(o) });
    const stats = s.environment.ingest.stats;
    const t0 = Date.now() - (ROUNDS + 2) * 60_000;
    const payloads = (round: number) =>
      sensors.map((x, i) => signedPayload(x, simulatedReading(i, new Date(t0 + round * 60_000))));
    const publishRound = (round: number) =>
      Promise.all(
        payloads(round).map((p, i) =>
          pub.publishAsync(`${topicPrefix}/${sensors[i]!.code}/readings`, p, { qos: 1 }),
        ),
      );

    // Warm-up: the first minute loads every sensor into the ingester's cache.
    let w = performance.now();
    await publishRound(0);
    await waitFor(() => stats.accepted >= SENSORS, "warm-up");
    const warmup = (performance.now() - w) / 1000;

    // One round (a minute of readings from every sensor) in flight at a time: the
    // broker queues at most 1,000 messages per subscriber (Mosquitto's default
    // max_queued_messages) and drops the rest, and real sensors report over a minute.
    const start = performance.now();
    for (let round = 1; round <= ROUNDS; round++) {
      await waitFor(() => stats.received >= round * SENSORS - SENSORS, `round ${round - 1}`);
      await publishRound(round);
    }
    const publish = (performance.now() - start) / 1000; // includes waiting for the previous round
    const n = SENSORS * ROUNDS;
    await waitFor(() => stats.accepted >= SENSORS + n, "ingestion");
    const ingest = (performance.now() - start) / 1000;
    const refused = Object.values(stats.refused).reduce((a, b) => a + b, 0);
    if (refused || stats.accepted !== SENSORS + n) throw new Error(`unexpected: ${JSON.stringify(stats)}`);

    // Baseline: the same rows, raw multi-row INSERTs of 500 into a copy of the table.
    await sql`CREATE TABLE bench_reading (LIKE environment_reading INCLUDING ALL)`.execute(s.db);
    const rows = await s.db
      .selectFrom("environmentReading")
      .selectAll()
      .where("at", ">", new Date(t0))
      .execute();
    w = performance.now();
    for (let i = 0; i < rows.length; i += 500)
      await s.db.transaction().execute((trx) =>
        sql`INSERT INTO bench_reading (sensor_id, vault_id, at, temperature_c, humidity_pct, lux, source)
            VALUES ${sql.join(rows.slice(i, i + 500).map((r) => sql`(${r.sensorId}, ${r.vaultId}, ${r.at}, ${r.temperatureC}, ${r.humidityPct}, ${r.lux}, ${r.source})`))}`.execute(
          trx,
        ),
      );
    const raw = (performance.now() - w) / 1000;
    console.log(
      `  ${n.toLocaleString("en")} readings: published in ${publish.toFixed(2)} s, stored in ${ingest.toFixed(2)} s; raw INSERT ${raw.toFixed(2)} s`,
    );
    return { mode, readings: n, publish, ingest, raw, warmup };
  } finally {
    await s.environment.stopIngester();
    await pub.endAsync();
    await dbh.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `sensor-ingest: ${SENSORS} sensors × ${ROUNDS} rounds through ${values.broker}, modes ${modes.join(", ")}`,
);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}`);
const results: Result[] = [];
for (const mode of modes) results.push(await benchMode(mode));

const pad = (v: string, n: number) => v.padStart(n);
console.log(
  `\n| mode | readings | warm-up s | publish s | stored s | readings/s | × target (17/s) | raw INSERT s | raw rows/s | vs raw |`,
);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const r of results) {
  const rate = r.readings / r.ingest;
  console.log(
    `| ${r.mode} | ${r.readings.toLocaleString("en")} | ${r.warmup.toFixed(2)} | ${r.publish.toFixed(2)} | ${r.ingest.toFixed(2)} | ${pad(Math.round(rate).toLocaleString("en"), 6)} | ${Math.round(rate / TARGET).toLocaleString("en")}× | ${r.raw.toFixed(2)} | ${Math.round(r.readings / r.raw).toLocaleString("en")} | ${(r.raw / r.ingest).toFixed(2)}× |`,
  );
}
