// TOTP (RFC 6238) and HOTP (RFC 4226) against the RFCs' own test vectors, the
// drift window, replay refusal, base32 and the otpauth:// URI.
import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  hotp,
  mfaDisableSchema,
  mfaLoginSchema,
  normaliseRecoveryCode,
  otpauthUri,
  recoveryCodeFrom,
  type TotpAlgorithm,
  totp,
  totpStep,
  verifyTotp,
} from "../src/index.ts";

const SEED_SHA1 = Buffer.from("12345678901234567890", "ascii");
const SEED_SHA256 = Buffer.from("12345678901234567890123456789012", "ascii");
const SEED_SHA512 = Buffer.from("1234567890123456789012345678901234567890123456789012345678901234", "ascii");

describe("TOTP (RFC 6238)", () => {
  it("[ASVS 2.8.1] gives RFC 4226 appendix D's HOTP values", () => {
    const expected = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    expect(expected.map((_, i) => hotp(SEED_SHA1, i))).toEqual(expected);
  });

  it("[ASVS 2.8.1] gives RFC 6238 appendix B's values for SHA-1, SHA-256 and SHA-512", () => {
    // Unix time (s), then the 8-digit code per algorithm.
    const vectors: [number, string, string, string][] = [
      [59, "94287082", "46119246", "90693936"],
      [1111111109, "07081804", "68084774", "25091201"],
      [1111111111, "14050471", "67062674", "99943326"],
      [1234567890, "89005924", "91819424", "93441116"],
      [2000000000, "69279037", "90698825", "38618901"],
      [20000000000, "65353130", "77737706", "47863826"],
    ];
    const seeds: [TotpAlgorithm, Buffer][] = [
      ["sha1", SEED_SHA1],
      ["sha256", SEED_SHA256],
      ["sha512", SEED_SHA512],
    ];
    for (const [time, ...codes] of vectors)
      seeds.forEach(([algorithm, seed], i) => {
        expect(totp(seed, time * 1000, { digits: 8, algorithm }), `${algorithm} at ${time}`).toBe(codes[i]);
      });
    // The 6-digit code is the last six digits of the 8-digit one.
    expect(totp(SEED_SHA1, 59_000)).toBe("287082");
  });

  it("[ASVS 2.8.3] accepts one step of drift either way, not two", () => {
    const at = 1_700_000_000_000;
    const step = totpStep(at);
    const codeAt = (s: number) => hotp(SEED_SHA1, s);
    expect(verifyTotp(SEED_SHA1, codeAt(step), at, null)).toEqual({ ok: true, step });
    expect(verifyTotp(SEED_SHA1, codeAt(step - 1), at, null)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(SEED_SHA1, codeAt(step + 1), at, null)).toEqual({ ok: true, step: step + 1 });
    expect(verifyTotp(SEED_SHA1, codeAt(step - 2), at, null).ok).toBe(false);
    expect(verifyTotp(SEED_SHA1, codeAt(step + 2), at, null).ok).toBe(false);
    expect(verifyTotp(SEED_SHA1, "12345", at, null)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyTotp(SEED_SHA1, "abcdef", at, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("[ASVS 2.8.4] refuses a code whose step was already used (replay), and older ones", () => {
    const at = 1_700_000_000_000;
    const step = totpStep(at);
    const code = hotp(SEED_SHA1, step);
    expect(verifyTotp(SEED_SHA1, code, at, step)).toEqual({ ok: false, reason: "reused", step });
    expect(verifyTotp(SEED_SHA1, hotp(SEED_SHA1, step - 1), at, step).ok).toBe(false);
    expect(verifyTotp(SEED_SHA1, hotp(SEED_SHA1, step + 1), at, step)).toEqual({ ok: true, step: step + 1 });
  });

  it("encodes base32 as RFC 4648 does and round-trips", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("fooba"))).toBe("MZXW6YTB");
    expect(base32Encode(SEED_SHA1)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode("mzxw 6ytb-oi==").toString()).toBe("foobar");
    expect(() => base32Decode("MZ1")).toThrow();
  });

  it("writes the otpauth:// key URI authenticator apps read", () => {
    const uri = otpauthUri({ issuer: "Dangan", account: "client.admin", secret: "JBSWY3DPEHPK3PXP" });
    expect(uri).toBe(
      "otpauth://totp/Dangan:client.admin?secret=JBSWY3DPEHPK3PXP&issuer=Dangan&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("makes recovery codes of 12 unambiguous characters and normalises what users type", () => {
    const code = recoveryCodeFrom(Buffer.from([...Array(12).keys()].map((i) => i * 21)));
    expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(code).not.toMatch(/[ilo01]/);
    expect(normaliseRecoveryCode(` ${code.toUpperCase()} `)).toBe(code.replaceAll("-", ""));
  });

  it("takes either a code or a recovery code as the second factor, not both or neither", () => {
    expect(mfaLoginSchema.safeParse({ challenge: "c".repeat(20), code: "123456" }).success).toBe(true);
    expect(
      mfaLoginSchema.safeParse({ challenge: "c".repeat(20), recoveryCode: "abcd-efgh-jkmn" }).success,
    ).toBe(true);
    expect(mfaLoginSchema.safeParse({ challenge: "c".repeat(20) }).success).toBe(false);
    expect(
      mfaLoginSchema.safeParse({ challenge: "c".repeat(20), code: "123456", recoveryCode: "abcd-efgh-jkmn" })
        .success,
    ).toBe(false);
    expect(mfaDisableSchema.safeParse({ password: "x", code: "12345a" }).success).toBe(false);
  });
});
