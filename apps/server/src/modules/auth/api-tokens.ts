// API tokens for machine clients (ASVS 3.5): shown once, stored as their hash,
// listed and revoked by their owner; each use is stamped.
import { inTransaction } from "@dangan/db";
import { notFound, type UserActor } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { newSecret, secretHash } from "../../lib/tokens.ts";
import { loadUserActor } from "./actor.repository.ts";

export function apiTokens({ dbh: { db } }: Deps) {
  return {
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
  };
}
