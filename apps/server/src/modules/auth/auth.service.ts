// Sign-in with lockout and rate limiting, cookie sessions, API tokens.

import { inTransaction } from "@dangan/db";
import type { Actor, UserActor } from "@dangan/domain";
import { notFound } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { RateLimiter } from "../../lib/rate-limiter.ts";
import { newSecret, secretHash } from "../../lib/tokens.ts";
import { loadUserActor } from "./actor.repository.ts";
import { accountLocked, invalidCredentials, rateLimited } from "./auth.errors.ts";
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from "./password.ts";

export interface SignIn {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  actor: UserActor;
}

export type AuthService = ReturnType<typeof authService>;

export function authService({ dbh: { db }, config }: Deps) {
  const limiter = new RateLimiter(config.login.perIpPerMinute, 60_000);

  async function recordFailure(
    user: { id: string; orgId: string; failedLogins: number } | undefined,
    username: string,
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
        payload: { failures },
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

  return {
    async signIn(
      username: string,
      password: string,
      meta: { ip: string; userAgent?: string | undefined },
    ): Promise<SignIn> {
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
      const sessionToken = newSecret();
      const csrfToken = newSecret();
      const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
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
          })
          .execute();
        audit.record({
          action: "auth.signed_in",
          entityType: "user",
          entityId: user.id,
          payload: { ip: meta.ip },
          scopeOrgIds: [user.orgId],
        });
      });
      return { sessionToken, csrfToken, expiresAt, actor };
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

    /** The session's actor and CSRF token, or null when absent or expired. */
    async fromSession(sessionToken: string): Promise<{ actor: UserActor; csrfToken: string } | null> {
      const s = await db
        .selectFrom("userSession")
        .select(["userId", "csrfToken", "expiresAt", "lastSeenAt"])
        .where("idHash", "=", secretHash(sessionToken))
        .executeTakeFirst();
      if (!s || s.expiresAt <= new Date()) return null;
      const actor = await loadUserActor(db, s.userId);
      if (!actor) return null;
      if (Date.now() - s.lastSeenAt.getTime() > 60_000) {
        await db
          .updateTable("userSession")
          .set({ lastSeenAt: new Date() })
          .where("idHash", "=", secretHash(sessionToken))
          .execute();
      }
      return { actor, csrfToken: s.csrfToken };
    },

    async fromApiToken(token: string): Promise<UserActor | null> {
      const t = await db
        .selectFrom("apiToken")
        .select(["id", "userId", "expiresAt", "revokedAt"])
        .where("tokenHash", "=", secretHash(token))
        .executeTakeFirst();
      if (!t || t.revokedAt || (t.expiresAt && t.expiresAt <= new Date())) return null;
      await db.updateTable("apiToken").set({ lastUsedAt: new Date() }).where("id", "=", t.id).execute();
      return loadUserActor(db, t.userId);
    },

    async createToken(actor: UserActor, name: string, expiresInDays: number | undefined) {
      const secret = `dgn_${newSecret(24)}`;
      const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
      const row = await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await trx
          .insertInto("apiToken")
          .values({
            userId: actor.userId,
            name,
            tokenHash: secretHash(secret),
            prefix: secret.slice(0, 8),
            expiresAt,
          })
          .returning(["id", "name", "prefix", "createdAt", "expiresAt"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "api_token.created",
          entityType: "api_token",
          entityId: r.id,
          payload: { name, prefix: r.prefix },
          scopeOrgIds: [actor.orgId],
        });
        return r;
      });
      return { ...row, token: secret };
    },

    listTokens(actor: UserActor) {
      return db
        .selectFrom("apiToken")
        .select(["id", "name", "prefix", "createdAt", "expiresAt", "lastUsedAt", "revokedAt"])
        .where("userId", "=", actor.userId)
        .orderBy("createdAt", "desc")
        .execute();
    },

    async revokeToken(actor: UserActor, id: string): Promise<void> {
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await trx
          .updateTable("apiToken")
          .set({ revokedAt: new Date() })
          .where("id", "=", id)
          .where("userId", "=", actor.userId)
          .where("revokedAt", "is", null)
          .returning("id")
          .executeTakeFirst();
        if (!r) throw notFound("api_token", id);
        audit.record({
          action: "api_token.revoked",
          entityType: "api_token",
          entityId: id,
          payload: {},
          scopeOrgIds: [actor.orgId],
        });
      });
    },

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
        audit.record({
          action: "user.password_changed",
          entityType: "user",
          entityId: actor.userId,
          payload: { by: "self" },
          scopeOrgIds: [actor.orgId],
        });
      });
    },
  };
}
