// Reading the audit trail (scoped like everything else) and verifying the chain.

import { type Database, verifyAuditChain } from "@dangan/db";
import { type Actor, authorize, policy, readScope } from "@dangan/domain";
import { type ExpressionBuilder, sql } from "kysely";
import type { Deps } from "../../context.ts";
import { likeEscape, pageOf } from "../../lib/page.ts";
import type { EntityAccessResolver, EntityType } from "../attachments/entity-access.ts";

export interface AuditFilter {
  action?: string | undefined;
  /** e.g. "project." for every project event. */
  actionPrefix?: string | undefined;
  excludeActionPrefix?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function visibleEvents(actor: Actor) {
  const scope = readScope(actor);
  return (eb: ExpressionBuilder<Database & { e: Database["auditEvent"] }, "e">) => {
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "party") {
      return eb.or([
        eb("e.actorOrgId", "=", scope.orgId),
        sql<boolean>`e.scope_org_ids @> ARRAY[${scope.orgId}]::uuid[]`,
      ]);
    }
    return sql<boolean>`e.scope_org_ids && ARRAY(SELECT id FROM organisation WHERE district = ANY(${scope.districts}::text[]))`;
  };
}

export function auditService({ dbh: { db } }: Deps, access: EntityAccessResolver) {
  return {
    async list(actor: Actor, f: AuditFilter, page: number, pageSize: number) {
      let q = db
        .selectFrom("auditEvent as e")
        .leftJoin("appUser as u", "u.id", "e.actorUserId")
        .where(visibleEvents(actor));
      if (f.action) q = q.where("e.action", "=", f.action);
      if (f.actionPrefix) q = q.where("e.action", "like", `${likeEscape(f.actionPrefix)}%`);
      if (f.excludeActionPrefix) q = q.where("e.action", "not like", `${likeEscape(f.excludeActionPrefix)}%`);
      if (f.entityType) q = q.where("e.entityType", "=", f.entityType);
      if (f.entityId) q = q.where("e.entityId", "=", f.entityId);
      if (f.actorUserId) q = q.where("e.actorUserId", "=", f.actorUserId);
      if (f.from) q = q.where("e.at", ">=", new Date(f.from));
      if (f.to) q = q.where("e.at", "<", new Date(f.to));
      const [items, count] = await Promise.all([
        q
          .selectAll("e")
          .select("u.displayName as actorName")
          .orderBy("e.seq", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    /** The trail of one record: every event about it, for anyone who may read it. */
    async trail(actor: Actor, entityType: EntityType, entityId: string) {
      await access(actor, entityType, entityId);
      const related =
        entityType === "project"
          ? await db.selectFrom("contract").select("id").where("projectId", "=", entityId).execute()
          : [];
      const ids = [entityId, ...related.map((r) => r.id)];
      return db
        .selectFrom("auditEvent as e")
        .leftJoin("appUser as u", "u.id", "e.actorUserId")
        .selectAll("e")
        .select("u.displayName as actorName")
        .where((eb) =>
          eb.or([eb("e.entityId", "in", ids), sql<boolean>`e.payload->>'projectId' = ${entityId}`]),
        )
        .orderBy("e.seq", "desc")
        .limit(500)
        .execute();
    },

    async verify(actor: Actor) {
      authorize(policy.verifyAudit(actor), "verify the audit chain");
      return verifyAuditChain(db);
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
