// Sensors as ingestion needs them — by code (MQTT topic) or by HTTP token —
// with the decrypted HMAC secret and the zone whose limits apply. Cached for
// a minute (unknown codes for ten seconds); changes through the service forget
// the sensor at once.
import type { Database } from "@dangan/db";
import { CARRIER_ZONES, type CarrierZone } from "@dangan/domain";
import type { Kysely } from "kysely";
import { decryptSecret, tokenHash } from "./sensor-credentials.ts";

export interface SensorInfo {
  id: string;
  code: string;
  vaultId: string;
  agencyOrgId: string;
  /** The sensor's zone, or the vault's dominant zone. */
  zone: CarrierZone;
  secret: string;
  active: boolean;
}

const HIT_MS = 60_000;
const MISS_MS = 10_000;

/** D-9.1 zones of a vault's locations: the one with the most capacity (paper when none). */
export async function dominantZone(db: Kysely<Database>, vaultId: string): Promise<CarrierZone> {
  const top = await db
    .selectFrom("location")
    .select(["zone", (eb) => eb.fn.sum<number>("capacity").as("capacity")])
    .where("vaultId", "=", vaultId)
    .groupBy("zone")
    .orderBy("capacity", "desc")
    .orderBy("zone")
    .executeTakeFirst();
  return (CARRIER_ZONES as readonly string[]).includes(top?.zone ?? "")
    ? (top!.zone as CarrierZone)
    : "paper";
}

export function sensorDirectory(db: Kysely<Database>, key: Buffer) {
  const cache = new Map<string, { at: number; info: SensorInfo | null }>();

  async function load(where: "code" | "tokenHash", value: string): Promise<SensorInfo | null> {
    const s = await db
      .selectFrom("environmentSensor")
      .select(["id", "code", "vaultId", "agencyOrgId", "zone", "secretEnc", "active"])
      .where(where, "=", value)
      .executeTakeFirst();
    if (!s) return null;
    return {
      id: s.id,
      code: s.code,
      vaultId: s.vaultId,
      agencyOrgId: s.agencyOrgId,
      zone: (s.zone as CarrierZone | null) ?? (await dominantZone(db, s.vaultId)),
      secret: decryptSecret(s.secretEnc, key),
      active: s.active,
    };
  }

  async function cached(k: string, where: "code" | "tokenHash", value: string) {
    const hit = cache.get(k);
    if (hit && Date.now() - hit.at < (hit.info ? HIT_MS : MISS_MS)) return hit.info;
    const info = await load(where, value);
    cache.set(k, { at: Date.now(), info });
    return info;
  }

  return {
    byCode: (code: string) => cached(`c:${code}`, "code", code),
    byToken: (token: string) => {
      const h = tokenHash(token);
      return cached(`t:${h}`, "tokenHash", h);
    },
    /** After a change: the sensor is read again on its next reading. */
    forget(sensorId: string, code?: string) {
      if (code) cache.delete(`c:${code}`);
      for (const [k, v] of cache) if (v.info?.id === sensorId) cache.delete(k);
    },
    /** Zones change with the vault's locations: drop every vault's cached zone. */
    clear: () => cache.clear(),
  };
}
export type SensorDirectory = ReturnType<typeof sensorDirectory>;
