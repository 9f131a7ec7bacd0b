// Chart data: a vault's readings over 24 hours, 7 or 30 days, downsampled in the
// database to min/avg/max per bucket — 15 minutes from the raw readings for a
// day, and 1 or 3 hours from the hourly roll-up for a week or a month — so that
// 30 days of one-minute readings come back as a few hundred points per sensor.
import type { Database } from "@dangan/db";
import type { Actor, CarrierZone } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import type { LimitsService } from "./limits.service.ts";
import { dominantZone } from "./sensor-directory.ts";
import { loadVault } from "./vault-scope.ts";

export const SERIES_RANGES = {
  "24h": { hours: 24, bucketSeconds: 900, source: "raw" },
  "7d": { hours: 168, bucketSeconds: 3600, source: "hourly" },
  "30d": { hours: 720, bucketSeconds: 10_800, source: "hourly" },
} as const;
export type SeriesRange = keyof typeof SERIES_RANGES;

export interface SeriesPoint {
  sensorId: string;
  t: Date;
  tMin: number | null;
  tAvg: number | null;
  tMax: number | null;
  hMin: number | null;
  hAvg: number | null;
  hMax: number | null;
  lAvg: number | null;
  lMax: number | null;
}

const ORIGIN = "2000-01-01T00:00:00+08:00";

function points(
  db: Kysely<Database>,
  vaultId: string,
  range: SeriesRange,
  from: Date,
  to: Date,
  sensorId?: string,
) {
  const r = SERIES_RANGES[range];
  const bucket = sql`${`${r.bucketSeconds} seconds`}::interval`;
  const only = sensorId ? sql`AND sensor_id = ${sensorId}` : sql``;
  if (r.source === "raw")
    return sql<SeriesPoint>`
      SELECT sensor_id, date_bin(${bucket}, at, ${ORIGIN}::timestamptz) AS t,
        min(temperature_c) AS t_min, round(avg(temperature_c)::numeric, 2) AS t_avg, max(temperature_c) AS t_max,
        min(humidity_pct) AS h_min, round(avg(humidity_pct)::numeric, 2) AS h_avg, max(humidity_pct) AS h_max,
        round(avg(lux)::numeric, 1) AS l_avg, max(lux) AS l_max
      FROM environment_reading
      WHERE vault_id = ${vaultId} AND at > ${from} AND at <= ${to} ${only}
      GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  return sql<SeriesPoint>`
    SELECT sensor_id, date_bin(${bucket}, hour, ${ORIGIN}::timestamptz) AS t,
      min(t_min) AS t_min, round((sum(t_sum) / nullif(sum(t_n), 0))::numeric, 2) AS t_avg, max(t_max) AS t_max,
      min(h_min) AS h_min, round((sum(h_sum) / nullif(sum(h_n), 0))::numeric, 2) AS h_avg, max(h_max) AS h_max,
      round((sum(l_sum) / nullif(sum(l_n), 0))::numeric, 1) AS l_avg, max(l_max) AS l_max
    FROM environment_hourly
    WHERE vault_id = ${vaultId} AND hour > ${new Date(from.getTime() - 3_600_000)} AND hour <= ${to} ${only}
    GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
}

export function seriesService(db: Kysely<Database>, limits: LimitsService) {
  return {
    async series(actor: Actor, vaultId: string, range: SeriesRange, sensorId?: string, now = new Date()) {
      const vault = await loadVault(db, actor, vaultId);
      const from = new Date(now.getTime() - SERIES_RANGES[range].hours * 3_600_000);
      let q = db
        .selectFrom("environmentSensor")
        .select(["id", "code", "name", "zone", "active"])
        .where("vaultId", "=", vaultId)
        .orderBy("code");
      if (sensorId) q = q.where("id", "=", sensorId);
      const [sensors, rows, fallbackZone] = await Promise.all([
        q.execute(),
        points(db, vaultId, range, from, now, sensorId),
        dominantZone(db, vaultId),
      ]);
      const series = await Promise.all(
        sensors.map(async (s) => {
          const zone = (s.zone as CarrierZone | null) ?? fallbackZone;
          return {
            sensor: s,
            zone,
            limits: await limits.effectiveFor(vault.agencyOrgId, zone),
            points: rows.rows.filter((p) => p.sensorId === s.id).map(({ sensorId: _s, ...p }) => p),
          };
        }),
      );
      return { vaultId, range, bucketSeconds: SERIES_RANGES[range].bucketSeconds, from, to: now, series };
    },
  };
}
export type SeriesService = ReturnType<typeof seriesService>;
