// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), the second factor
// of ASVS 2.8: HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift either
// way. A code is accepted once: the caller stores the last step used and passes it
// back, so a code replayed within its step (or an older one) is refused.
import { createHmac, timingSafeEqual } from "node:crypto";

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock drift accepted either side of the current one. */
export const TOTP_WINDOW = 1;

export type TotpAlgorithm = "sha1" | "sha256" | "sha512";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding (what authenticator apps expect). */
export function base32Encode(data: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Case-insensitive; spaces, dashes and padding ignored; throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) throw new Error("not base32");
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP: dynamic truncation of HMAC(key, counter) to `digits` decimal digits. */
export function hotp(
  key: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: TotpAlgorithm = "sha1",
) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The time step (RFC 6238 T) of a moment given in milliseconds. */
export const totpStep = (atMs: number, stepSeconds = TOTP_STEP_SECONDS) =>
  Math.floor(atMs / 1000 / stepSeconds);

export function totp(
  key: Uint8Array,
  atMs: number,
  opts: { digits?: number; algorithm?: TotpAlgorithm; stepSeconds?: number } = {},
): string {
  return hotp(key, totpStep(atMs, opts.stepSeconds), opts.digits ?? TOTP_DIGITS, opts.algorithm ?? "sha1");
}

export type TotpCheck =
  | { ok: true; step: number }
  | { ok: false; reason: "invalid" }
  /** The code is right but its step was already used (replay). */
  | { ok: false; reason: "reused"; step: number };

export const isTotpCode = (code: string) => /^\d{6}$/.test(code);

/**
 * Checks a 6-digit code against the steps around `atMs` (± TOTP_WINDOW). Every
 * candidate is compared in constant time. A match at a step not after `lastStep`
 * is a replay and refused.
 */
export function verifyTotp(key: Uint8Array, code: string, atMs: number, lastStep: number | null): TotpCheck {
  if (!isTotpCode(code)) return { ok: false, reason: "invalid" };
  const now = totpStep(atMs);
  let matched: number | null = null;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const same = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code));
    if (same && matched === null) matched = step;
  }
  if (matched === null) return { ok: false, reason: "invalid" };
  if (lastStep !== null && matched <= lastStep) return { ok: false, reason: "reused", step: matched };
  return { ok: true, step: matched };
}

/** The Key URI Format authenticator apps read (otpauth://totp/Issuer:account?…). */
export function otpauthUri(opts: { issuer: string; account: string; secret: string }): string {
  const label = `${encodeURIComponent(opts.issuer)}:${encodeURIComponent(opts.account)}`;
  const q = new URLSearchParams({
    secret: opts.secret,
    issuer: opts.issuer,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${q.toString()}`;
}

/** Recovery codes: lower-case letters and digits without look-alikes, shown as xxxx-xxxx-xxxx. */
export const RECOVERY_CODE_COUNT = 8;
export const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_LENGTH = 12;

/** Builds a code from 12 random bytes, one character each (about 59 bits; the modulo bias is negligible). */
export function recoveryCodeFrom(random: Uint8Array): string {
  if (random.length < RECOVERY_LENGTH) throw new Error("need 12 random bytes");
  let s = "";
  for (let i = 0; i < RECOVERY_LENGTH; i++)
    s += RECOVERY_ALPHABET[(random[i] as number) % RECOVERY_ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** What is hashed and compared: lower case, no spaces or dashes. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");
