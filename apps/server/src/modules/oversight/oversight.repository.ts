// SQL for inspections, rectification orders and notices. Every read joins the
// project's parties so that the read scope (G-4) applies in the query.
import type { Database } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import type { ExpressionBuilder, Kysely } from "kysely";

type From = Database & { c: Database["organisation"]; a: Database["organisation"]; p: Database["project"] };

/** Rows whose project the scope may read: parties, or supervisors of either district. */
export function visibleParties(scope: ReadScope) {
  return (eb: ExpressionBuilder<From, "c" | "a" | "p">) => {
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "districts")
      return eb.or([eb("c.district", "in", scope.districts), eb("a.district", "in", scope.districts)]);
    return eb.or([eb("p.clientOrgId", "=", scope.orgId), eb("p.agencyOrgId", "=", scope.orgId)]);
  };
}

export function oversightRepository(db: Kysely<Database>) {
  const inspections = (executor: Kysely<Database> = db) =>
    executor
      .selectFrom("inspection as i")
      .innerJoin("project as p", "p.id", "i.projectId")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .innerJoin("organisation as o", "o.id", "i.inspectorOrgId");

  const inspectionColumns = [
    "p.code as projectCode",
    "p.name as projectName",
    "c.name as clientName",
    "a.name as agencyName",
    "o.name as inspectorName",
    "o.kind as inspectorKind",
    "c.district as clientDistrict",
    "a.district as agencyDistrict",
  ] as const;

  const orders = (executor: Kysely<Database> = db) =>
    executor
      .selectFrom("rectificationOrder as r")
      .innerJoin("project as p", "p.id", "r.projectId")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .innerJoin("organisation as o", "o.id", "r.issuerOrgId");

  return {
    inspections,
    inspectionColumns,
    orders,
    inspection: (id: string, executor: Kysely<Database> = db) =>
      inspections(executor)
        .selectAll("i")
        .select(inspectionColumns)
        .where("i.id", "=", id)
        .executeTakeFirst(),
    order: (id: string, executor: Kysely<Database> = db) =>
      orders(executor)
        .selectAll("r")
        .select([
          "p.code as projectCode",
          "p.name as projectName",
          "c.name as clientName",
          "a.name as agencyName",
          "o.name as issuerName",
          "c.district as clientDistrict",
          "a.district as agencyDistrict",
        ])
        .where("r.id", "=", id)
        .executeTakeFirst(),
    finding: (id: string, executor: Kysely<Database> = db) =>
      executor.selectFrom("inspectionFinding").selectAll().where("id", "=", id).executeTakeFirst(),
  };
}
export type OversightRepository = ReturnType<typeof oversightRepository>;
