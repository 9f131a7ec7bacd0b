// SQL for organisations. Visibility is applied in the query (readScope).

import type { Database, Organisation } from "@dangan/db";
import type { Actor, ReadScope } from "@dangan/domain";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { likePattern } from "../../lib/page.ts";

export interface OrganisationFilter {
  kind?: "regulator" | "client" | "agency" | undefined;
  district?: string | undefined;
  serviceType?: string | undefined;
  registrationStatus?: "active" | "suspended" | "revoked" | undefined;
  foreignBacked?: boolean | undefined;
  q?: string | undefined;
}

/** Agencies and regulators are a public registry; clients are seen by themselves,
 *  their supervisors and the agencies that work for them. */
function visible(scope: ReadScope) {
  return (eb: ExpressionBuilder<Database, "organisation">) => {
    if (scope.kind === "all") return eb.val(true);
    const publicKinds = eb("organisation.kind", "!=", "client");
    if (scope.kind === "districts")
      return eb.or([publicKinds, eb("organisation.district", "in", scope.districts)]);
    return eb.or([
      publicKinds,
      eb("organisation.id", "=", scope.orgId),
      eb.exists(
        eb
          .selectFrom("project")
          .select("project.id")
          .whereRef("project.clientOrgId", "=", "organisation.id")
          .where("project.agencyOrgId", "=", scope.orgId),
      ),
    ]);
  };
}

export function organisationsRepository(db: Kysely<Database>) {
  const filtered = (scope: ReadScope, f: OrganisationFilter) => {
    let q = db.selectFrom("organisation").where(visible(scope));
    if (f.kind) q = q.where("kind", "=", f.kind);
    if (f.district) q = q.where("district", "=", f.district);
    if (f.serviceType) q = q.where(sql<boolean>`${f.serviceType} = ANY(service_types)`);
    if (f.registrationStatus) q = q.where("registrationStatus", "=", f.registrationStatus);
    if (f.foreignBacked !== undefined) q = q.where("foreignBacked", "=", f.foreignBacked);
    if (f.q)
      q = q.where((eb) => eb.or([eb("name", "ilike", likePattern(f.q!)), eb("creditCode", "=", f.q!)]));
    return q;
  };

  return {
    async list(scope: ReadScope, f: OrganisationFilter, limit: number, offset: number) {
      const base = filtered(scope, f);
      const [items, count] = await Promise.all([
        base.selectAll().orderBy("kind").orderBy("name").limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findVisible(scope: ReadScope, id: string): Promise<Organisation | undefined> {
      return db
        .selectFrom("organisation")
        .selectAll()
        .where("id", "=", id)
        .where(visible(scope))
        .executeTakeFirst();
    },

    findById(id: string, executor: Kysely<Database> = db): Promise<Organisation | undefined> {
      return executor.selectFrom("organisation").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Open (not completed or cancelled) national-scope projects held by an agency (G-3). */
    async openNationalScopeProjects(executor: Kysely<Database>, agencyId: string): Promise<number> {
      const r = await executor
        .selectFrom("project")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("agencyOrgId", "=", agencyId)
        .where("hasNationalScope", "=", true)
        .where("status", "not in", ["completed", "cancelled"])
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async sharesProject(a: string, b: string): Promise<boolean> {
      const r = await db
        .selectFrom("project")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("clientOrgId", "=", a), eb("agencyOrgId", "=", b)]),
            eb.and([eb("clientOrgId", "=", b), eb("agencyOrgId", "=", a)]),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}

export type OrganisationsRepository = ReturnType<typeof organisationsRepository>;
export type { Actor };
