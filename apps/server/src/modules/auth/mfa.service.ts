// Two-factor sign-in (ASVS 2.8): the TOTP secret, encrypted at rest under a key
// derived from the instance secret and bound to its user (AES-256-GCM, the user id
// as associated data), one-time recovery codes kept as keyed hashes, setup and
// enable. Checking and consuming a second factor are separate so that a sign-in
// can count a wrong code as a failure (auth.service.ts) and consume a right one in
// the transaction that opens the session.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { inTransaction, type Tx } from "@dangan/db";
import {
  base32Encode,
  mfaAlreadyEnabled,
  mfaCodeInvalid,
  mfaCodeReused,
  mfaNotSetUp,
  normaliseRecoveryCode,
  otpauthUri,
  RECOVERY_CODE_COUNT,
  recoveryCodeFrom,
  type UserActor,
  verifyTotp,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";

/** The second factor a user typed: the authenticator's code or one recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export type FactorCheck =
  | { ok: true; kind: "totp"; step: number }
  | { ok: true; kind: "recovery_code"; id: string }
  | { ok: false; reason: "invalid" | "reused" };

const key = (secret: Buffer, info: string) => Buffer.from(hkdfSync("sha256", secret, "", info, 32));

export type MfaStore = ReturnType<typeof mfaStore>;

export function mfaStore({ dbh: { db }, config }: Deps) {
  const secretKey = key(config.secret, "dangan/mfa/totp-secret/v1");
  const recoveryKey = key(config.secret, "dangan/mfa/recovery-code/v1");

  function encrypt(plain: Buffer, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", secretKey, iv);
    cipher.setAAD(Buffer.from(userId));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ["v1", iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === "string" ? p : p.toString("base64")))
      .join(".");
  }

  function decrypt(enc: string, userId: string): Buffer {
    const [v, iv, tag, body] = enc.split(".");
    if (v !== "v1" || !iv || !tag || !body) throw new Error("unknown TOTP secret format");
    const d = createDecipheriv("aes-256-gcm", secretKey, Buffer.from(iv, "base64"));
    d.setAAD(Buffer.from(userId));
    d.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([d.update(Buffer.from(body, "base64")), d.final()]);
  }

  const recoveryHash = (userId: string, code: string) =>
    createHmac("sha256", recoveryKey)
      .update(`${userId}:${normaliseRecoveryCode(code)}`)
      .digest("hex");

  const row = (userId: string) =>
    db.selectFrom("userMfa").selectAll().where("userId", "=", userId).executeTakeFirst();

  return {
    async enabled(userId: string): Promise<boolean> {
      return !!(await row(userId))?.enabledAt;
    },

    async status(userId: string) {
      const r = await row(userId);
      const left = await db
        .selectFrom("userRecoveryCode")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("userId", "=", userId)
        .where("usedAt", "is", null)
        .executeTakeFirstOrThrow();
      return {
        enabled: !!r?.enabledAt,
        enabledAt: r?.enabledAt ?? null,
        pending: !!r && !r.enabledAt,
        recoveryCodesLeft: r?.enabledAt ? Number(left.n) : 0,
      };
    },

    /** A new secret, not yet in force; replaces an unconfirmed one. */
    async setup(actor: UserActor, username: string) {
      const secret = randomBytes(20);
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const current = await trx
          .selectFrom("userMfa")
          .select("enabledAt")
          .where("userId", "=", actor.userId)
          .forUpdate()
          .executeTakeFirst();
        if (current?.enabledAt) throw mfaAlreadyEnabled();
        const secretEnc = encrypt(secret, actor.userId);
        await trx
          .insertInto("userMfa")
          .values({ userId: actor.userId, secretEnc })
          .onConflict((oc) =>
            oc
              .column("userId")
              .doUpdateSet({ secretEnc, enabledAt: null, lastStep: null, updatedAt: new Date() }),
          )
          .execute();
        audit.record({
          action: "user.mfa_setup_started",
          entityType: "user",
          entityId: actor.userId,
          payload: {},
          scopeOrgIds: [actor.orgId],
        });
      });
      const b32 = base32Encode(secret);
      return {
        secret: b32,
        otpauthUri: otpauthUri({ issuer: config.mfa.issuer, account: username, secret: b32 }),
      };
    },

    /** Confirms the pending secret with a code; returns the recovery codes (shown once). */
    async enable(actor: UserActor, code: string): Promise<{ recoveryCodes: string[] }> {
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
        recoveryCodeFrom(randomBytes(12)),
      );
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await trx
          .selectFrom("userMfa")
          .selectAll()
          .where("userId", "=", actor.userId)
          .forUpdate()
          .executeTakeFirst();
        if (!r) throw mfaNotSetUp();
        if (r.enabledAt) throw mfaAlreadyEnabled();
        const check = verifyTotp(decrypt(r.secretEnc, actor.userId), code, Date.now(), r.lastStep);
        if (!check.ok) throw check.reason === "reused" ? mfaCodeReused() : mfaCodeInvalid();
        await trx
          .updateTable("userMfa")
          .set({ enabledAt: new Date(), lastStep: check.step, updatedAt: new Date() })
          .where("userId", "=", actor.userId)
          .execute();
        await trx.deleteFrom("userRecoveryCode").where("userId", "=", actor.userId).execute();
        await trx
          .insertInto("userRecoveryCode")
          .values(
            recoveryCodes.map((c) => ({ userId: actor.userId, codeHash: recoveryHash(actor.userId, c) })),
          )
          .execute();
        // The session no longer waits for enrolment (DANGAN_MFA_REQUIRED_ROLES).
        await trx
          .updateTable("userSession")
          .set({ mfaEnrolmentRequired: false })
          .where("userId", "=", actor.userId)
          .execute();
        audit.record({
          action: "user.mfa_enabled",
          entityType: "user",
          entityId: actor.userId,
          payload: { recoveryCodes: recoveryCodes.length },
          scopeOrgIds: [actor.orgId],
        });
      });
      return { recoveryCodes };
    },

    /** Whether the factor is right for this user now; changes nothing. */
    async check(userId: string, factor: SecondFactor): Promise<FactorCheck> {
      const r = await row(userId);
      if (!r?.enabledAt) return { ok: false, reason: "invalid" };
      if ("code" in factor) {
        const c = verifyTotp(decrypt(r.secretEnc, userId), factor.code, Date.now(), r.lastStep);
        return c.ok ? { ok: true, kind: "totp", step: c.step } : { ok: false, reason: c.reason };
      }
      const hit = await db
        .selectFrom("userRecoveryCode")
        .select(["id", "usedAt"])
        .where("userId", "=", userId)
        .where("codeHash", "=", recoveryHash(userId, factor.recoveryCode))
        .executeTakeFirst();
      if (!hit) return { ok: false, reason: "invalid" };
      if (hit.usedAt) return { ok: false, reason: "reused" };
      return { ok: true, kind: "recovery_code", id: hit.id };
    },

    /**
     * Uses a checked factor up inside the caller's transaction: the TOTP step becomes
     * the last one (a concurrent use of the same code loses), a recovery code is marked
     * used. Returns the recovery codes left, or throws when another request won.
     */
    async consume(trx: Tx, userId: string, ok: Extract<FactorCheck, { ok: true }>): Promise<number | null> {
      if (ok.kind === "totp") {
        const won = await trx
          .updateTable("userMfa")
          .set({ lastStep: ok.step, updatedAt: new Date() })
          .where("userId", "=", userId)
          .where((eb) => eb.or([eb("lastStep", "is", null), eb("lastStep", "<", ok.step)]))
          .returning("userId")
          .executeTakeFirst();
        if (!won) throw mfaCodeReused();
        return null;
      }
      const won = await trx
        .updateTable("userRecoveryCode")
        .set({ usedAt: new Date() })
        .where("id", "=", ok.id)
        .where("usedAt", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!won) throw mfaCodeReused();
      const left = await trx
        .selectFrom("userRecoveryCode")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("userId", "=", userId)
        .where("usedAt", "is", null)
        .executeTakeFirstOrThrow();
      return Number(left.n);
    },

    /** Removes the secret and the recovery codes inside the caller's transaction. */
    async remove(trx: Tx, userId: string): Promise<void> {
      await trx.deleteFrom("userRecoveryCode").where("userId", "=", userId).execute();
      await trx.deleteFrom("userMfa").where("userId", "=", userId).execute();
    },
  };
}
