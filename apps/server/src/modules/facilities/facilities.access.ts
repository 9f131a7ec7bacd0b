// Read access to an agency's facilities, in SQL for lists and per record for
// reads and changes: the agency itself, regulators supervising its district,
// and clients that have a project with it. Anyone else gets NOT_FOUND.
import type { Database } from "@dangan/db";
import {
  type Actor,
  type FacilityRelation,
  facilityRelation,
  notFound,
  type ReadScope,
} from "@dangan/domain";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";

/** WHERE clause on a column holding the owning agency's id (e.g. "v.agency_org_id"). */
export function agencyVisible(scope: ReadScope, column: string): Expression<SqlBool> {
  const ref = sql.ref(column);
  if (scope.kind === "all") return sql<SqlBool>`true`;
  if (scope.kind === "districts")
    return sql<SqlBool>`${ref} IN (SELECT id FROM organisation WHERE district = ANY(${scope.districts}))`;
  return sql<SqlBool>`(${ref} = ${scope.orgId} OR ${ref} IN (SELECT agency_org_id FROM project WHERE client_org_id = ${scope.orgId}))`;
}

export interface Related<T> {
  row: T;
  rel: FacilityRelation;
}

export function facilitiesAccess(db: Kysely<Database>) {
  /** The actor's relation to the agency, or null. */
  async function relationTo(actor: Actor, agencyOrgId: string, executor: Kysely<Database> = db) {
    const agency = await executor
      .selectFrom("organisation")
      .select(["id", "district", "kind"])
      .where("id", "=", agencyOrgId)
      .executeTakeFirst();
    if (!agency) return null;
    const shares =
      actor.type === "user" && actor.orgKind === "client"
        ? !!(await executor
            .selectFrom("project")
            .select("id")
            .where("clientOrgId", "=", actor.orgId)
            .where("agencyOrgId", "=", agencyOrgId)
            .limit(1)
            .executeTakeFirst())
        : false;
    return facilityRelation(actor, agency, shares);
  }

  /** A record of the agency's facilities the actor may read, with the relation; NOT_FOUND otherwise. */
  async function related<T extends { agencyOrgId: string }>(
    actor: Actor,
    entity: string,
    row: T | undefined,
    executor: Kysely<Database> = db,
  ): Promise<Related<T>> {
    const rel = row ? await relationTo(actor, row.agencyOrgId, executor) : null;
    if (!row || !rel) throw notFound(entity);
    return { row, rel };
  }

  return {
    relationTo,
    related,
    site: (actor: Actor, id: string, executor: Kysely<Database> = db) =>
      executor
        .selectFrom("site")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst()
        .then((row) => related(actor, "site", row, executor)),
    vault: (actor: Actor, id: string, executor: Kysely<Database> = db) =>
      executor
        .selectFrom("vault")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst()
        .then((row) => related(actor, "vault", row, executor)),
    /** The agency itself, for agency-wide views (staff, compliance summary). */
    async agency(actor: Actor, agencyOrgId: string) {
      const org = await db
        .selectFrom("organisation")
        .select(["id", "name", "district", "kind"])
        .where("id", "=", agencyOrgId)
        .executeTakeFirst();
      const rel = org?.kind === "agency" ? await relationTo(actor, org.id) : null;
      if (!org || !rel) throw notFound("organisation");
      return { row: org, rel };
    },
  };
}
export type FacilitiesAccess = ReturnType<typeof facilitiesAccess>;
