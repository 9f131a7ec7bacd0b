// SQL for filings: the read scope as a WHERE clause (clients and agencies see
// their own deposits, district regulators their districts, the city all).
import type { Database } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import type { ExpressionBuilder, Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";

type From = Database & { f: Database["filing"]; c: Database["organisation"]; a: Database["organisation"] };

export function visibleFilings(scope: ReadScope, orgId: string | null) {
  return (eb: ExpressionBuilder<From, "f" | "c" | "a">) => {
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "districts")
      return eb.or([
        eb("c.district", "in", scope.districts),
        eb("a.district", "in", scope.districts),
        eb("f.regulatorOrgId", "=", orgId ?? ""),
      ]);
    return eb.or([eb("f.clientOrgId", "=", scope.orgId), eb("f.agencyOrgId", "=", scope.orgId)]);
  };
}

export interface FilingFilter {
  status?: "submitted" | "returned" | "verified" | undefined;
  q?: string | undefined;
  projectId?: string | undefined;
}

export function filingsRepository(db: Kysely<Database>) {
  const base = (scope: ReadScope, orgId: string | null, f: FilingFilter, executor: Kysely<Database> = db) => {
    let q = executor
      .selectFrom("filing as f")
      .innerJoin("project as p", "p.id", "f.projectId")
      .innerJoin("organisation as c", "c.id", "f.clientOrgId")
      .innerJoin("organisation as a", "a.id", "f.agencyOrgId")
      .innerJoin("organisation as r", "r.id", "f.regulatorOrgId")
      .where(visibleFilings(scope, orgId));
    if (f.status) q = q.where("f.status", "=", f.status);
    if (f.projectId) q = q.where("f.projectId", "=", f.projectId);
    if (f.q) {
      const pat = likePattern(f.q);
      q = q.where((eb) =>
        eb.or([eb("f.filingNo", "ilike", pat), eb("p.name", "ilike", pat), eb("c.name", "ilike", pat)]),
      );
    }
    return q;
  };
  const columns = [
    "f.id",
    "f.filingNo",
    "f.projectId",
    "f.clientOrgId",
    "f.agencyOrgId",
    "f.regulatorOrgId",
    "f.status",
    "f.trigger",
    "f.round",
    "f.questions",
    "f.answer",
    "f.submittedAt",
    "f.returnedAt",
    "f.verifiedAt",
    "p.code as projectCode",
    "p.name as projectName",
    "c.name as clientName",
    "c.district as clientDistrict",
    "a.name as agencyName",
    "a.district as agencyDistrict",
    "r.name as regulatorName",
  ] as const;

  return {
    async page(scope: ReadScope, orgId: string | null, f: FilingFilter, page: number, pageSize: number) {
      const q = base(scope, orgId, f);
      const [items, count] = await Promise.all([
        q
          .select(columns)
          .orderBy("f.submittedAt", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
    all: (scope: ReadScope, orgId: string | null, f: FilingFilter) =>
      base(scope, orgId, f).select(columns).orderBy("f.submittedAt", "desc").limit(10_000).execute(),
    one: (scope: ReadScope, orgId: string | null, id: string, executor: Kysely<Database> = db) =>
      base(scope, orgId, {}, executor)
        .select([...columns, "f.content"])
        .where("f.id", "=", id)
        .executeTakeFirst(),
    exchanges: (filingId: string) =>
      db
        .selectFrom("filingExchange as x")
        .leftJoin("organisation as o", "o.id", "x.orgId")
        .leftJoin("appUser as u", "u.id", "x.userId")
        .select([
          "x.id",
          "x.round",
          "x.kind",
          "x.text",
          "x.at",
          "o.name as orgName",
          "u.displayName as userName",
        ])
        .where("x.filingId", "=", filingId)
        .orderBy("x.at")
        .execute(),
    /** G-7: national-scope deposits in custody that have no filing yet. */
    unfiled: (scope: ReadScope) =>
      db
        .selectFrom("project as p")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .leftJoin("filing as f", "f.projectId", "p.id")
        .select([
          "p.id as projectId",
          "p.code as projectCode",
          "p.name as projectName",
          "p.status",
          "p.startedAt",
          "c.name as clientName",
          "a.name as agencyName",
        ])
        .where("f.id", "is", null)
        .where("p.hasNationalScope", "=", true)
        .where("p.serviceType", "=", "custody")
        .where("p.status", "in", ["active", "suspended", "completed"])
        .where((eb) => {
          if (scope.kind === "all") return eb.val(true);
          if (scope.kind === "districts")
            return eb.or([eb("c.district", "in", scope.districts), eb("a.district", "in", scope.districts)]);
          return eb.or([eb("p.clientOrgId", "=", scope.orgId), eb("p.agencyOrgId", "=", scope.orgId)]);
        })
        .orderBy("p.startedAt")
        .limit(500)
        .execute(),
  };
}
