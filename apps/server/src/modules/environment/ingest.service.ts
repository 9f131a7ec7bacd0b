// Live readings from sensors (D-9.4, D-9.5): signed MQTT messages and HTTP
// posts with a sensor token. Each reading must be the sensor's own (HMAC or
// token), recent and new; the rest are refused, counted per reason (in memory
// and on the sensor's row) and logged. Accepted readings go in as one batch.
import { type Database, inTransaction } from "@dangan/db";
import {
  DomainError,
  type ReadingValues,
  type RefusalReason,
  readingFreshness,
  readingSignatureValid,
  readingValuesSchema,
  signedReadingSchema,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { LimitsService } from "./limits.service.ts";
import { prefetchLimits, type ReadingRow, storeReadings } from "./readings.store.ts";
import type { SensorDirectory, SensorInfo } from "./sensor-directory.ts";

export interface IngestStats {
  received: number;
  accepted: number;
  refused: Record<RefusalReason, number>;
  batches: number;
}

export interface Refusal {
  code: string;
  sensorId: string | null;
  reason: RefusalReason;
}

export interface IngestResult {
  accepted: number;
  refusals: Refusal[];
}

export type IngestLog = (msg: string, detail: Record<string, unknown>) => void;

const SYSTEM = { userId: null, orgId: null };

export const invalidSensorToken = () =>
  new DomainError({
    code: "SENSOR_TOKEN_INVALID",
    status: 401,
    clause: "D-9.4",
    message: { zh: "传感器令牌无效", en: "The sensor token is not valid" },
  });

const toRow = (s: SensorInfo, v: ReadingValues, source: ReadingRow["source"]): ReadingRow => ({
  sensorId: s.id,
  vaultId: s.vaultId,
  agencyOrgId: s.agencyOrgId,
  zone: s.zone,
  at: new Date(v.at),
  temperatureC: v.temperatureC ?? null,
  humidityPct: v.humidityPct ?? null,
  lux: v.lux ?? null,
  source,
});

export function ingestService(
  db: Kysely<Database>,
  sensors: SensorDirectory,
  limits: LimitsService,
  maxAgeMs: number,
) {
  const stats: IngestStats = {
    received: 0,
    accepted: 0,
    batches: 0,
    refused: { unsigned: 0, bad_signature: 0, unknown_sensor: 0, stale: 0, replayed: 0, invalid: 0 },
  };
  let log: IngestLog = () => {};

  /** Why one MQTT message is refused, or its row. */
  async function check(code: string, payload: Buffer | string, now: Date): Promise<ReadingRow | Refusal> {
    const s = await sensors.byCode(code);
    if (!s?.active) return { code, sensorId: null, reason: "unknown_sensor" };
    const refuse = (reason: RefusalReason): Refusal => ({ code, sensorId: s.id, reason });
    let json: unknown;
    try {
      json = JSON.parse(payload.toString());
    } catch {
      return refuse("invalid");
    }
    const signed = signedReadingSchema.safeParse(json);
    if (!signed.success) return refuse("invalid");
    if (!signed.data.sig) return refuse("unsigned");
    if (!readingSignatureValid(s.secret, code, signed.data)) return refuse("bad_signature");
    const v = readingValuesSchema.safeParse(signed.data);
    if (!v.success) return refuse("invalid");
    if (readingFreshness(new Date(v.data.at), now, maxAgeMs) === "stale") return refuse("stale");
    return toRow(s, v.data, "mqtt");
  }

  /** Stores the rows, counts what was refused (replays found by the insert included). */
  async function commit(rows: ReadingRow[], refusals: Refusal[]): Promise<IngestResult> {
    const limitsOf = await prefetchLimits(rows, limits.effectiveFor);
    const result = await inTransaction(db, SYSTEM, async (trx, audit) => {
      const stored = rows.length
        ? await storeReadings(trx, audit, rows, limitsOf)
        : { accepted: 0, replayed: [] };
      const all = [
        ...refusals,
        ...stored.replayed.map((r) => ({ code: "", sensorId: r.sensorId, reason: "replayed" as const })),
      ];
      const perSensor = new Map<string, { n: number; reason: RefusalReason }>();
      for (const r of all)
        if (r.sensorId)
          perSensor.set(r.sensorId, { n: (perSensor.get(r.sensorId)?.n ?? 0) + 1, reason: r.reason });
      for (const [id, { n, reason }] of [...perSensor].sort(([a], [b]) => a.localeCompare(b)))
        await trx
          .updateTable("environmentSensor")
          .set((eb) => ({
            refusedCount: eb("refusedCount", "+", n),
            lastRefusal: reason,
            lastRefusedAt: new Date(),
          }))
          .where("id", "=", id)
          .execute();
      return { accepted: stored.accepted, refusals: all };
    });
    stats.batches++;
    stats.received += rows.length + refusals.length;
    stats.accepted += result.accepted;
    for (const r of result.refusals) stats.refused[r.reason]++;
    if (result.refusals.length) {
      const byReason: Partial<Record<RefusalReason, number>> = {};
      for (const r of result.refusals) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
      const codes = [...new Set(result.refusals.map((r) => r.code).filter(Boolean))].slice(0, 20);
      log("sensor readings refused", { refused: byReason, codes });
    }
    return result;
  }

  return {
    stats,
    onLog(fn: IngestLog) {
      log = fn;
    },

    /** MQTT messages: `code` from the topic, the payload as received. */
    async ingestSigned(messages: { code: string; payload: Buffer | string }[], now = new Date()) {
      const rows: ReadingRow[] = [];
      const refusals: Refusal[] = [];
      for (const m of messages) {
        const r = await check(m.code, m.payload, now);
        if ("reason" in r) refusals.push(r);
        else rows.push(r);
      }
      return commit(dedupe(rows, refusals), refusals);
    },

    /** HTTP: the token names the sensor; each reading is checked for freshness. */
    async ingestWithToken(token: string, readings: ReadingValues[], now = new Date()) {
      const s = token ? await sensors.byToken(token) : null;
      if (!s?.active) throw invalidSensorToken();
      const rows: ReadingRow[] = [];
      const refusals: Refusal[] = [];
      for (const v of readings) {
        if (readingFreshness(new Date(v.at), now, maxAgeMs) === "stale")
          refusals.push({ code: s.code, sensorId: s.id, reason: "stale" });
        else rows.push(toRow(s, v, "http"));
      }
      const r = await commit(dedupe(rows, refusals), refusals);
      const refused: Partial<Record<RefusalReason, number>> = {};
      for (const x of r.refusals) refused[x.reason] = (refused[x.reason] ?? 0) + 1;
      return { sensorCode: s.code, accepted: r.accepted, refused };
    },
  };
}

/** The same reading twice in one batch: the second is a replay. */
function dedupe(rows: ReadingRow[], refusals: Refusal[]): ReadingRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.sensorId}|${r.at.getTime()}`;
    if (!seen.has(k)) return seen.add(k);
    refusals.push({ code: "", sensorId: r.sensorId, reason: "replayed" });
    return false;
  });
}
export type IngestService = ReturnType<typeof ingestService>;
