// G-7: major problems are published as notices (通报) to the regulator's area:
// every organisation in its supervised districts (all of Shanghai for the city)
// reads them; the agency concerned reads its own wherever it is.

import type { Database } from "@dangan/db";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertNoticeWorthy,
  authorize,
  type NoticeCreate,
  notFound,
  oversightPolicy,
  readScope,
} from "@dangan/domain";
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import type { InspectionsService } from "./inspections.service.ts";
import type { OversightRepository } from "./oversight.repository.ts";

type From = Database & { n: Database["notice"] };

/** Notices the actor's organisation is in the area of. */
function inArea(actor: Actor) {
  return (eb: ExpressionBuilder<From, "n">): Expression<SqlBool> => {
    const scope = readScope(actor);
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "districts")
      return eb.or([
        eb("n.areaAll", "=", true),
        sql<SqlBool>`n.area_districts && ${sql.val(scope.districts)}::text[]`,
      ]);
    return eb.or([
      eb("n.areaAll", "=", true),
      eb("n.agencyOrgId", "=", scope.orgId),
      sql<SqlBool>`(SELECT district FROM organisation WHERE id = ${scope.orgId}) = ANY(n.area_districts)`,
    ]);
  };
}

export function noticesService(
  { dbh: { db } }: Deps,
  repo: OversightRepository,
  inspections: InspectionsService,
) {
  const base = () =>
    db
      .selectFrom("notice as n")
      .innerJoin("organisation as o", "o.id", "n.regulatorOrgId")
      .innerJoin("organisation as a", "a.id", "n.agencyOrgId")
      .innerJoin("project as p", "p.id", "n.projectId");
  const columns = ["o.name as regulatorName", "a.name as agencyName", "p.name as projectName"] as const;

  return {
    async publish(actor: Actor, input: NoticeCreate) {
      const finding = await repo.finding(input.findingId);
      if (!finding) throw notFound("finding", input.findingId);
      const i = await inspections.readable(actor, finding.inspectionId);
      authorize(oversightPolicy.regulate(actor, i) && i.inspectorKind === "regulator", "publish a notice");
      assertNoticeWorthy(finding.severity);
      const regulator = await db
        .selectFrom("organisation")
        .select(["id", "regulatorLevel", "supervisedDistricts"])
        .where("id", "=", i.inspectorOrgId)
        .executeTakeFirstOrThrow();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("notice")
          .values({
            regulatorOrgId: regulator.id,
            areaAll: regulator.regulatorLevel === "city",
            areaDistricts: regulator.supervisedDistricts,
            findingId: finding.id,
            projectId: i.projectId,
            agencyOrgId: i.agencyOrgId,
            clauseId: finding.clauseId,
            severity: finding.severity as "major",
            title: input.title,
            body: input.body,
            publishedBy: actor.type === "user" ? actor.userId : null,
          })
          .returning(["id", "publishedAt"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "notice.published",
          entityType: "notice",
          entityId: row.id,
          payload: {
            findingId: finding.id,
            title: input.title,
            clause: finding.clauseId,
            severity: finding.severity,
          },
          scopeOrgIds: [i.clientOrgId, i.agencyOrgId, regulator.id],
        });
        return row;
      });
    },

    async list(actor: Actor, f: { q?: string | undefined }, page: number, pageSize: number) {
      let q = base().where(inArea(actor));
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([eb("n.title", "like", like), eb("n.body", "like", like)]));
      }
      const [items, count] = await Promise.all([
        q
          .selectAll("n")
          .select(columns)
          .orderBy("n.publishedAt", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    async get(actor: Actor, id: string) {
      const n = await base()
        .where(inArea(actor))
        .selectAll("n")
        .select(columns)
        .where("n.id", "=", id)
        .executeTakeFirst();
      if (!n) throw notFound("notice", id);
      return n;
    },
  };
}
export type NoticesService = ReturnType<typeof noticesService>;
