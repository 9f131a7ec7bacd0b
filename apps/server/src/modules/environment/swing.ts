// D-9.4 (JGJ 25-2010 5.2.3): the 24-hour swing of each sensor that just
// reported, up to its latest reading. The hourly roll-up answers first (its
// window is up to an hour wider, so it can only over-report); only a sensor it
// flags is checked exactly against the raw readings.
import type { Tx } from "@dangan/db";
import { type Excursion, limitFigures, swingExcursions } from "@dangan/domain";
import { sql } from "kysely";
import type { LimitsOf, ReadingRow } from "./readings.store.ts";

const DAY_MS = 86_400_000;

interface Extremes {
  minT: number | null;
  maxT: number | null;
  minH: number | null;
  maxH: number | null;
}

export async function checkSwings(
  trx: Tx,
  rows: ReadingRow[],
  limitsOf: LimitsOf,
): Promise<{ row: ReadingRow; excursion: Excursion }[]> {
  const latest = new Map<string, ReadingRow>();
  for (const r of rows) {
    const seen = latest.get(r.sensorId);
    if (!seen || r.at > seen.at) latest.set(r.sensorId, r);
  }
  const entries = [...latest.values()];
  const rough = await sql<Extremes & { sensorId: string }>`
    SELECT h.sensor_id, min(h.t_min) AS min_t, max(h.t_max) AS max_t, min(h.h_min) AS min_h, max(h.h_max) AS max_h
    FROM environment_hourly h
    JOIN (VALUES ${sql.join(entries.map((e) => sql`(${e.sensorId}::uuid, ${e.at}::timestamptz)`))}) AS s (sensor_id, until)
      ON h.sensor_id = s.sensor_id AND h.hour > s.until - interval '25 hours' AND h.hour <= s.until
    GROUP BY h.sensor_id`.execute(trx);

  const out: { row: ReadingRow; excursion: Excursion }[] = [];
  for (const x of rough.rows) {
    const row = latest.get(x.sensorId)!;
    const { swing } = limitFigures(await limitsOf(row.agencyOrgId, row.zone));
    if (swingExcursions(x, swing).length === 0) continue;
    const exact = await trx
      .selectFrom("environmentReading")
      .select((eb) => [
        eb.fn.min("temperatureC").as("minT"),
        eb.fn.max("temperatureC").as("maxT"),
        eb.fn.min("humidityPct").as("minH"),
        eb.fn.max("humidityPct").as("maxH"),
      ])
      .where("sensorId", "=", row.sensorId)
      .where("at", ">", new Date(row.at.getTime() - DAY_MS))
      .where("at", "<=", row.at)
      .executeTakeFirstOrThrow();
    for (const excursion of swingExcursions(exact as Extremes, swing)) out.push({ row, excursion });
  }
  return out;
}
