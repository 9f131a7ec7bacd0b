// Sign-in with lockout and rate limiting, cookie sessions (API tokens in
// api-tokens.ts); the second step of a sign-in when the user has MFA on (ASVS 2.8).

import { type AppUser, type AuditRecorder, inTransaction, type Tx } from "@dangan/db";
import type { Actor, UserActor } from "@dangan/domain";
import { mfaChallengeInvalid, mfaCodeInvalid, mfaCodeReused, mfaNotEnabled } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { RateLimiter } from "../../lib/rate-limiter.ts";
import { newSecret, secretHash } from "../../lib/tokens.ts";
import { loadUserActor } from "./actor.repository.ts";
import { apiTokens } from "./api-tokens.ts";
import { accountLocked, invalidCredentials, rateLimited } from "./auth.errors.ts";
import { mfaStore, type SecondFactor } from "./mfa.service.ts";
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from "./password.ts";

export interface SignIn {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  actor: UserActor;
  /** DANGAN_MFA_REQUIRED_ROLES names one of the user's roles and MFA is off: enrolment first. */
  mfaEnrolmentRequired: boolean;
}

/** The password was right and the user has MFA on: no session yet, a second step. */
export interface MfaChallenge {
  mfaRequired: true;
  challenge: string;
  expiresAt: Date;
}

/** How long the second step of a sign-in may take. */
const CHALLENGE_MS = 5 * 60_000;

export type AuthService = ReturnType<typeof authService>;

export function authService(deps: Deps) {
  const {
    dbh: { db },
    config,
  } = deps;
  const mfa = mfaStore(deps);
  const requiredRoles: readonly string[] = config.mfa.requiredRoles;
  const limiter = new RateLimiter(config.login.perIpPerMinute, 60_000);
  const idleMs = config.sessionIdleMinutes * 60_000;
  /** How stale `lastSeenAt` may get: one write a minute, finer for very short idle limits. */
  const seenResolutionMs = Math.min(60_000, idleMs / 4);

  async function recordFailure(
    user: { id: string; orgId: string; failedLogins: number } | undefined,
    username: string,
    reason?: "wrong_mfa_code" | "reused_mfa_code",
  ) {
    await inTransaction(db, { userId: null, orgId: null }, async (trx, audit) => {
      if (!user) {
        audit.record({
          action: "auth.sign_in_failed",
          entityType: "user",
          entityId: username,
          payload: { reason: "unknown_user" },
          scopeOrgIds: [],
        });
        return;
      }
      const failures = user.failedLogins + 1;
      const lock =
        failures >= config.login.maxFailures
          ? new Date(Date.now() + config.login.lockMinutes * 60_000)
          : null;
      await trx
        .updateTable("appUser")
        .set({ failedLogins: failures, ...(lock ? { lockedUntil: lock } : {}) })
        .where("id", "=", user.id)
        .execute();
      audit.record({
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user.id,
        payload: { failures, ...(reason ? { reason } : {}) },
        scopeOrgIds: [user.orgId],
      });
      if (lock)
        audit.record({
          action: "user.locked",
          entityType: "user",
          entityId: user.id,
          payload: { until: lock.toISOString() },
          scopeOrgIds: [user.orgId],
        });
    });
  }

  /** A new session inside the caller's transaction: failures reset, `auth.signed_in` audited. */
  async function openSession(
    trx: Tx,
    audit: AuditRecorder,
    user: AppUser,
    meta: { ip: string; userAgent?: string | undefined },
    mfaPayload: Record<string, unknown>,
  ): Promise<Omit<SignIn, "actor">> {
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
    const mfaOn = await trx
      .selectFrom("userMfa")
      .select("userId")
      .where("userId", "=", user.id)
      .where("enabledAt", "is not", null)
      .executeTakeFirst();
    const mfaEnrolmentRequired = !mfaOn && user.roles.some((r) => requiredRoles.includes(r));
    await trx
      .updateTable("appUser")
      .set({ failedLogins: 0, lockedUntil: null })
      .where("id", "=", user.id)
      .execute();
    await trx
      .insertInto("userSession")
      .values({
        idHash: secretHash(sessionToken),
        userId: user.id,
        csrfToken,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        mfaEnrolmentRequired,
      })
      .execute();
    audit.record({
      action: "auth.signed_in",
      entityType: "user",
      entityId: user.id,
      payload: { ip: meta.ip, ...mfaPayload, ...(mfaEnrolmentRequired ? { mfaEnrolmentRequired } : {}) },
      scopeOrgIds: [user.orgId],
    });
    return { sessionToken, csrfToken, expiresAt, mfaEnrolmentRequired };
  }

  return {
    /**
     * The password step. A user without MFA gets a session, as before; a user with MFA
     * gets a five-minute challenge for `completeMfaSignIn` and no session.
     */
    async signIn(
      username: string,
      password: string,
      meta: { ip: string; userAgent?: string | undefined },
    ): Promise<SignIn | MfaChallenge> {
      if (!limiter.take(meta.ip)) throw rateLimited();
      const user = await db
        .selectFrom("appUser")
        .selectAll()
        .where("username", "=", username)
        .executeTakeFirst();
      if (user?.lockedUntil && user.lockedUntil > new Date()) throw accountLocked(user.lockedUntil);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!user || !ok || !user.active) {
        await recordFailure(user, username);
        throw invalidCredentials();
      }
      const actor = await loadUserActor(db, user.id);
      if (!actor) throw invalidCredentials();
      if (await mfa.enabled(user.id)) {
        // Failures are not reset yet: only the completed second step resets them.
        const challenge = newSecret();
        const expiresAt = new Date(Date.now() + CHALLENGE_MS);
        await inTransaction(db, auditActor(actor), async (trx, audit) => {
          await trx
            .deleteFrom("mfaChallenge")
            .where("userId", "=", user.id)
            .where("expiresAt", "<=", new Date())
            .execute();
          await trx
            .insertInto("mfaChallenge")
            .values({ idHash: secretHash(challenge), userId: user.id, expiresAt, ip: meta.ip })
            .execute();
          audit.record({
            action: "auth.mfa_challenged",
            entityType: "user",
            entityId: user.id,
            payload: { ip: meta.ip },
            scopeOrgIds: [user.orgId],
          });
        });
        return { mfaRequired: true, challenge, expiresAt };
      }
      const s = await inTransaction(db, auditActor(actor), (trx, audit) =>
        openSession(trx, audit, user, meta, {}),
      );
      return { ...s, actor };
    },

    /**
     * The second step: the challenge from `signIn` and a TOTP code or a recovery code.
     * A wrong or replayed code counts toward the account lockout like a wrong password,
     * and every attempt toward the per-address rate limit.
     */
    async completeMfaSignIn(
      challenge: string,
      factor: SecondFactor,
      meta: { ip: string; userAgent?: string | undefined },
    ): Promise<SignIn> {
      if (!limiter.take(meta.ip)) throw rateLimited();
      const c = await db
        .selectFrom("mfaChallenge")
        .selectAll()
        .where("idHash", "=", secretHash(challenge))
        .executeTakeFirst();
      if (!c || c.expiresAt.getTime() <= Date.now()) throw mfaChallengeInvalid();
      const user = await db
        .selectFrom("appUser")
        .selectAll()
        .where("id", "=", c.userId)
        .executeTakeFirstOrThrow();
      if (user.lockedUntil && user.lockedUntil > new Date()) throw accountLocked(user.lockedUntil);
      // A password changed since the first step voids the challenge.
      if (user.passwordChangedAt > c.createdAt) throw mfaChallengeInvalid();
      const actor = await loadUserActor(db, user.id);
      if (!actor) throw invalidCredentials();
      const check = await mfa.check(user.id, factor);
      if (!check.ok) {
        const reused = check.reason === "reused";
        await recordFailure(user, user.username, reused ? "reused_mfa_code" : "wrong_mfa_code");
        throw reused ? mfaCodeReused() : mfaCodeInvalid();
      }
      const s = await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const gone = await trx
          .deleteFrom("mfaChallenge")
          .where("idHash", "=", c.idHash)
          .returning("idHash")
          .executeTakeFirst();
        if (!gone) throw mfaChallengeInvalid();
        const left = await mfa.consume(trx, user.id, check);
        if (check.kind === "recovery_code")
          audit.record({
            action: "user.mfa_recovery_code_used",
            entityType: "user",
            entityId: user.id,
            payload: { remaining: left },
            scopeOrgIds: [user.orgId],
          });
        return openSession(trx, audit, user, meta, { mfa: check.kind });
      });
      return { ...s, actor };
    },

    async signOut(sessionToken: string, actor: UserActor): Promise<void> {
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx.deleteFrom("userSession").where("idHash", "=", secretHash(sessionToken)).execute();
        audit.record({
          action: "auth.signed_out",
          entityType: "user",
          entityId: actor.userId,
          payload: {},
          scopeOrgIds: [actor.orgId],
        });
      });
    },

    /**
     * The session's actor and CSRF token, or null when absent, expired (ASVS 3.3.1) or idle
     * longer than `sessionIdleMinutes` (ASVS 3.3.2): an idle session is deleted, so the request
     * (and every later one with that cookie) is refused as UNAUTHENTICATED, while a public route
     * such as sign-in still works. `lastSeenAt` is written at most once per `seenResolutionMs`.
     */
    async fromSession(
      sessionToken: string,
    ): Promise<{ actor: UserActor; csrfToken: string; mfaEnrolmentRequired: boolean } | null> {
      const idHash = secretHash(sessionToken);
      const s = await db
        .selectFrom("userSession")
        .select(["userId", "csrfToken", "expiresAt", "lastSeenAt", "mfaEnrolmentRequired"])
        .where("idHash", "=", idHash)
        .executeTakeFirst();
      const now = Date.now();
      if (!s || s.expiresAt.getTime() <= now) return null;
      const idle = now - s.lastSeenAt.getTime();
      if (idle > idleMs) {
        await db.deleteFrom("userSession").where("idHash", "=", idHash).execute();
        return null;
      }
      const actor = await loadUserActor(db, s.userId);
      if (!actor) return null;
      if (idle > seenResolutionMs)
        await db
          .updateTable("userSession")
          .set({ lastSeenAt: new Date(now) })
          .where("idHash", "=", idHash)
          .execute();
      return { actor, csrfToken: s.csrfToken, mfaEnrolmentRequired: s.mfaEnrolmentRequired };
    },

    ...apiTokens(deps),

    async changePassword(actor: Actor & { type: "user" }, current: string, next: string): Promise<void> {
      const user = await db
        .selectFrom("appUser")
        .select(["passwordHash"])
        .where("id", "=", actor.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(current, user.passwordHash))) throw invalidCredentials();
      const passwordHash = await hashPassword(next);
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx
          .updateTable("appUser")
          .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
          .where("id", "=", actor.userId)
          .execute();
        // Other sessions end when the password changes (ASVS 3.3.3).
        await trx.deleteFrom("userSession").where("userId", "=", actor.userId).execute();
        await trx.deleteFrom("mfaChallenge").where("userId", "=", actor.userId).execute();
        audit.record({
          action: "user.password_changed",
          entityType: "user",
          entityId: actor.userId,
          payload: { by: "self" },
          scopeOrgIds: [actor.orgId],
        });
      });
    },

    /** The signed-in user's own second factor: setup, enable, disable, status. */
    mfa: {
      status: (actor: UserActor) => mfa.status(actor.userId),
      enabled: (actor: UserActor) => mfa.enabled(actor.userId),
      async setup(actor: UserActor) {
        const u = await db
          .selectFrom("appUser")
          .select("username")
          .where("id", "=", actor.userId)
          .executeTakeFirstOrThrow();
        return mfa.setup(actor, u.username);
      },
      enable: (actor: UserActor, code: string) => mfa.enable(actor, code),

      /** Needs the password and a second factor; a wrong factor counts toward the lockout. */
      async disable(actor: UserActor, password: string, factor: SecondFactor): Promise<void> {
        const user = await db
          .selectFrom("appUser")
          .selectAll()
          .where("id", "=", actor.userId)
          .executeTakeFirstOrThrow();
        if (!(await mfa.enabled(user.id))) throw mfaNotEnabled();
        if (user.lockedUntil && user.lockedUntil > new Date()) throw accountLocked(user.lockedUntil);
        if (!(await verifyPassword(password, user.passwordHash))) throw invalidCredentials();
        const check = await mfa.check(user.id, factor);
        if (!check.ok) {
          const reused = check.reason === "reused";
          await recordFailure(user, user.username, reused ? "reused_mfa_code" : "wrong_mfa_code");
          throw reused ? mfaCodeReused() : mfaCodeInvalid();
        }
        const required = user.roles.some((r) => requiredRoles.includes(r));
        await inTransaction(db, auditActor(actor), async (trx, audit) => {
          await mfa.consume(trx, user.id, check);
          await mfa.remove(trx, user.id);
          await trx.deleteFrom("mfaChallenge").where("userId", "=", user.id).execute();
          // A role that requires MFA sends the user's sessions back to enrolment.
          if (required)
            await trx
              .updateTable("userSession")
              .set({ mfaEnrolmentRequired: true })
              .where("userId", "=", user.id)
              .execute();
          audit.record({
            action: "user.mfa_disabled",
            entityType: "user",
            entityId: user.id,
            payload: { with: check.kind },
            scopeOrgIds: [user.orgId],
          });
        });
      },
    },
  };
}
