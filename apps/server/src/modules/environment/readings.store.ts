// Stores a batch of authenticated readings inside the caller's transaction:
// one multi-row INSERT (a replay hits the primary key and is left out), the
// hourly roll-up, and the excursions it causes (D-9.4, D-9.5) as alerts.
import type { AuditRecorder, ReadingSource, Tx } from "@dangan/db";
import {
  type CarrierZone,
  type EffectiveLimits,
  type Excursion,
  limitFigures,
  readingExcursions,
} from "@dangan/domain";
import { sql } from "kysely";
import { type AlertDraft, mergeExcursion, raiseAlerts } from "./alerts.store.ts";
import { checkSwings } from "./swing.ts";

export interface ReadingRow {
  sensorId: string;
  vaultId: string;
  agencyOrgId: string;
  zone: CarrierZone;
  at: Date;
  temperatureC: number | null;
  humidityPct: number | null;
  lux: number | null;
  source: ReadingSource;
}

export type LimitsOf = (agencyOrgId: string, zone: CarrierZone) => Promise<EffectiveLimits>;

/**
 * The limits the rows need, read before the transaction: inside it the only
 * connection may be the transaction's own (embedded mode has one).
 */
export async function prefetchLimits(rows: ReadingRow[], limitsOf: LimitsOf): Promise<LimitsOf> {
  const found = new Map<string, EffectiveLimits>();
  for (const r of rows) {
    const k = `${r.agencyOrgId}|${r.zone}`;
    if (!found.has(k)) found.set(k, await limitsOf(r.agencyOrgId, r.zone));
  }
  return async (agencyOrgId, zone) => {
    const hit = found.get(`${agencyOrgId}|${zone}`);
    if (!hit) throw new Error(`limits for ${agencyOrgId}/${zone} were not prefetched`);
    return hit;
  };
}

const CHUNK = 1000;
const key = (sensorId: string, at: Date) => `${sensorId}|${at.getTime()}`;

export interface StoreResult {
  accepted: number;
  /** Rows whose sensor already had a reading at that time. */
  replayed: ReadingRow[];
  /** Alerts opened by this batch (not those updated). */
  opened: string[];
}

export async function storeReadings(
  trx: Tx,
  audit: AuditRecorder,
  rows: ReadingRow[],
  limitsOf: LimitsOf,
): Promise<StoreResult> {
  const stored = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const back = await trx
      .insertInto("environmentReading")
      .values(chunk.map(({ agencyOrgId: _a, zone: _z, ...r }) => r))
      .onConflict((oc) => oc.doNothing())
      .returning(["sensorId", "at"])
      .execute();
    for (const b of back) stored.add(key(b.sensorId, b.at));
  }
  const accepted = rows.filter((r) => stored.has(key(r.sensorId, r.at)));
  const replayed = rows.filter((r) => !stored.has(key(r.sensorId, r.at)));
  if (accepted.length === 0) return { accepted: 0, replayed, opened: [] };

  await rollUp(trx, accepted);
  const drafts = new Map<string, AlertDraft>();
  for (const r of accepted) {
    const f = limitFigures(await limitsOf(r.agencyOrgId, r.zone));
    for (const e of readingExcursions(r, f.zone, f.maxLux)) mergeExcursion(drafts, r, e);
  }
  for (const { row, excursion } of await checkSwings(trx, accepted, limitsOf))
    mergeExcursion(drafts, row, excursion as Excursion);
  const opened = await raiseAlerts(trx, audit, [...drafts.values()]);
  return { accepted: accepted.length, replayed, opened };
}

interface Bucket {
  sensorId: string;
  vaultId: string;
  hour: Date;
  tN: number;
  tMin: number | null;
  tMax: number | null;
  tSum: number;
  hN: number;
  hMin: number | null;
  hMax: number | null;
  hSum: number;
  lN: number;
  lMin: number | null;
  lMax: number | null;
  lSum: number;
}

const emptyBucket = (sensorId: string, vaultId: string, hour: Date): Bucket => ({
  sensorId,
  vaultId,
  hour,
  ...{ tN: 0, tMin: null, tMax: null, tSum: 0 },
  ...{ hN: 0, hMin: null, hMax: null, hSum: 0 },
  ...{ lN: 0, lMin: null, lMax: null, lSum: 0 },
});

function addValue(b: Bucket, p: "t" | "h" | "l", v: number | null) {
  if (v === null) return;
  b[`${p}N`]++;
  b[`${p}Sum`] += v;
  const min = b[`${p}Min`];
  const max = b[`${p}Max`];
  b[`${p}Min`] = min === null ? v : Math.min(min, v);
  b[`${p}Max`] = max === null ? v : Math.max(max, v);
}

/** Hourly min/max/sum/count per sensor, added to what the hour already has. */
async function rollUp(trx: Tx, rows: ReadingRow[]) {
  const buckets = new Map<string, Bucket>();
  for (const r of rows) {
    const hour = new Date(Math.floor(r.at.getTime() / 3_600_000) * 3_600_000);
    const k = key(r.sensorId, hour);
    const b = buckets.get(k) ?? emptyBucket(r.sensorId, r.vaultId, hour);
    buckets.set(k, b);
    addValue(b, "t", r.temperatureC);
    addValue(b, "h", r.humidityPct);
    addValue(b, "l", r.lux);
  }
  // Sorted, so that concurrent batches lock roll-up rows in the same order.
  const values = [...buckets.values()].sort(
    (a, b) => a.sensorId.localeCompare(b.sensorId) || a.hour.getTime() - b.hour.getTime(),
  );
  const add = (c: string) => sql<number>`environment_hourly.${sql.raw(c)} + excluded.${sql.raw(c)}`;
  const least = (c: string) => sql<number>`least(environment_hourly.${sql.raw(c)}, excluded.${sql.raw(c)})`;
  const most = (c: string) => sql<number>`greatest(environment_hourly.${sql.raw(c)}, excluded.${sql.raw(c)})`;
  for (let i = 0; i < values.length; i += CHUNK) {
    await trx
      .insertInto("environmentHourly")
      .values(values.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(["sensorId", "hour"]).doUpdateSet({
          tN: add("t_n"),
          tSum: add("t_sum"),
          tMin: least("t_min"),
          tMax: most("t_max"),
          hN: add("h_n"),
          hSum: add("h_sum"),
          hMin: least("h_min"),
          hMax: most("h_max"),
          lN: add("l_n"),
          lSum: add("l_sum"),
          lMin: least("l_min"),
          lMax: most("l_max"),
        }),
      )
      .execute();
  }
}
