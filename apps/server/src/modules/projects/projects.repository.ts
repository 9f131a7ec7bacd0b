// SQL for projects; every read joins the parties so that the scope and the
// policy see both districts.

import type { Database } from "@dangan/db";
import type { ProjectParties, ReadScope } from "@dangan/domain";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { likePattern } from "../../lib/page.ts";

export interface ProjectFilter {
  q?: string | undefined;
  status?: string | undefined;
  serviceType?: string | undefined;
  clientOrgId?: string | undefined;
  agencyOrgId?: string | undefined;
  district?: string | undefined;
  nationalScope?: boolean | undefined;
  contractStatus?: "draft" | "signed" | undefined;
}

type From = Database & {
  c: Database["organisation"];
  a: Database["organisation"];
  p: Database["project"];
  k: Database["contract"];
};

/** Rows of `project as p` joined with `c` (client) and `a` (agency) that the scope may read. */
export function visibleProjects(scope: ReadScope) {
  return (eb: ExpressionBuilder<From, "p" | "c" | "a">) => {
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "districts")
      return eb.or([eb("c.district", "in", scope.districts), eb("a.district", "in", scope.districts)]);
    return eb.or([eb("p.clientOrgId", "=", scope.orgId), eb("p.agencyOrgId", "=", scope.orgId)]);
  };
}

export function projectsRepository(db: Kysely<Database>) {
  const joined = (executor: Kysely<Database> = db) =>
    executor
      .selectFrom("project as p")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .innerJoin("contract as k", "k.projectId", "p.id");

  const columns = [
    "p.id",
    "p.code",
    "p.name",
    "p.clientOrgId",
    "p.agencyOrgId",
    "p.serviceType",
    "p.custodyMode",
    "p.hasClassified",
    "p.hasNationalScope",
    "p.responsibleLeader",
    "p.responsibleDepartment",
    "p.siteKind",
    "p.siteAddress",
    "p.description",
    "p.status",
    "p.createdAt",
    "p.updatedAt",
    "p.startedAt",
    "p.completedAt",
    "c.name as clientName",
    "c.district as clientDistrict",
    "a.name as agencyName",
    "a.district as agencyDistrict",
    "a.foreignBacked as agencyForeignBacked",
    "k.status as contractStatus",
  ] as const;

  /** G-11: problems in the project ledger not yet closed by a rectification. */
  const openProblems = (eb: ExpressionBuilder<From, "p">) =>
    eb
      .selectFrom("ledgerEntry as l")
      .select((e) => e.fn.countAll<number>().as("n"))
      .whereRef("l.projectId", "=", "p.id")
      .where("l.status", "=", "open")
      .as("openProblems");

  const filtered = (scope: ReadScope, f: ProjectFilter) => {
    let q = joined().where(visibleProjects(scope));
    if (f.q)
      q = q.where((eb) =>
        eb.or([
          eb("p.name", "ilike", likePattern(f.q!)),
          eb("p.code", "ilike", likePattern(f.q!)),
          eb("c.name", "ilike", likePattern(f.q!)),
          eb("a.name", "ilike", likePattern(f.q!)),
        ]),
      );
    if (f.status) q = q.where("p.status", "=", f.status as "draft");
    if (f.serviceType) q = q.where("p.serviceType", "=", f.serviceType as "custody");
    if (f.clientOrgId) q = q.where("p.clientOrgId", "=", f.clientOrgId);
    if (f.agencyOrgId) q = q.where("p.agencyOrgId", "=", f.agencyOrgId);
    if (f.district)
      q = q.where((eb) => eb.or([eb("c.district", "=", f.district!), eb("a.district", "=", f.district!)]));
    if (f.nationalScope !== undefined) q = q.where("p.hasNationalScope", "=", f.nationalScope);
    if (f.contractStatus) q = q.where("k.status", "=", f.contractStatus);
    return q;
  };

  return {
    async list(scope: ReadScope, f: ProjectFilter, limit: number, offset: number) {
      const base = filtered(scope, f);
      const [items, count] = await Promise.all([
        base
          .select(columns)
          .select(openProblems)
          .orderBy("p.createdAt", "desc")
          .orderBy("p.code", "desc")
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Row with parties, regardless of scope; callers apply the policy. */
    find(id: string, executor: Kysely<Database> = db) {
      return joined(executor).select(columns).where("p.id", "=", id).executeTakeFirst();
    },

    async nextCode(executor: Kysely<Database>): Promise<string> {
      const r = await sql<{ n: number }>`SELECT nextval('project_number_seq') AS n`.execute(executor);
      return `P${new Date().getFullYear()}-${String(r.rows[0]!.n).padStart(4, "0")}`;
    },
  };
}

export type ProjectRow = NonNullable<Awaited<ReturnType<ReturnType<typeof projectsRepository>["find"]>>>;

export const partiesOf = (p: ProjectRow): ProjectParties => ({
  clientOrgId: p.clientOrgId,
  agencyOrgId: p.agencyOrgId,
  clientDistrict: p.clientDistrict,
  agencyDistrict: p.agencyDistrict,
});
