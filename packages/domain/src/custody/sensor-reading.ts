// D-9.4, D-9.5: a sensor's readings count only when they are its own. Over MQTT
// each reading carries an HMAC-SHA256 with the sensor's secret over a canonical
// text that names the sensor, so a reading cannot be replayed under another
// sensor's topic; the same reading twice, or one too old, is refused.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const SENSOR_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const temperature = z.number().min(-40).max(80);
const humidity = z.number().min(0).max(100);
const lux = z.number().min(0).max(200_000);

/** One measurement as a sensor sends it; at least one value. */
export const readingValuesSchema = z
  .object({
    at: z.iso.datetime({ offset: true }),
    temperatureC: temperature.nullish(),
    humidityPct: humidity.nullish(),
    lux: lux.nullish(),
  })
  .refine((r) => r.temperatureC != null || r.humidityPct != null || r.lux != null, {
    message: "a reading needs temperatureC, humidityPct or lux",
  });
export type ReadingValues = z.infer<typeof readingValuesSchema>;

/** The MQTT payload: the reading and its signature (hex). */
export const signedReadingSchema = z.object({
  at: z.string(),
  temperatureC: z.unknown().optional(),
  humidityPct: z.unknown().optional(),
  lux: z.unknown().optional(),
  sig: z.string().optional(),
});

const num = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** What is signed: sensor code, time as sent and the values, `|`-separated. */
export function readingCanonical(
  code: string,
  r: { at: string; temperatureC?: unknown; humidityPct?: unknown; lux?: unknown },
): string {
  return ["dangan-reading-v1", code, r.at, num(r.temperatureC), num(r.humidityPct), num(r.lux)].join("|");
}

export function signReading(secret: string, code: string, r: Parameters<typeof readingCanonical>[1]): string {
  return createHmac("sha256", secret).update(readingCanonical(code, r)).digest("hex");
}

export function readingSignatureValid(
  secret: string,
  code: string,
  r: Parameters<typeof readingCanonical>[1] & { sig?: string | undefined },
): boolean {
  if (!r.sig || !/^[0-9a-f]{64}$/i.test(r.sig)) return false;
  const want = Buffer.from(signReading(secret, code, r), "hex");
  return timingSafeEqual(want, Buffer.from(r.sig.toLowerCase(), "hex"));
}

export type RefusalReason =
  | "unsigned"
  | "bad_signature"
  | "unknown_sensor"
  | "stale"
  | "replayed"
  | "invalid";

/** Live readings must be recent and not from the future (clock skew allowed). */
export function readingFreshness(
  at: Date,
  now: Date,
  maxAgeMs: number,
  maxSkewMs = 120_000,
): "fresh" | "stale" {
  const age = now.getTime() - at.getTime();
  return age > maxAgeMs || age < -maxSkewMs ? "stale" : "fresh";
}
