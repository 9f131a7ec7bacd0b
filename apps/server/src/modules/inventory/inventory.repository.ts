// SQL for inventory plans and checks (D-9.8). Plans and checks belong to the
// vault's agency; the read scope is the agency itself or a supervising regulator.
import type { Database } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";

type VaultFrom = Database & { v: Database["vault"]; a: Database["organisation"] };

/** Vaults whose inventory the scope may read. */
export function visibleVaults(scope: ReadScope) {
  return (eb: ExpressionBuilder<VaultFrom, "v" | "a">) => {
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "districts") return eb("a.district", "in", scope.districts);
    return eb("v.agencyOrgId", "=", scope.orgId);
  };
}

/** Shortfall status is also shown to the clients an agency works for. */
export function vaultsOfPartners(scope: ReadScope) {
  return (eb: ExpressionBuilder<VaultFrom, "v" | "a">) =>
    scope.kind !== "party"
      ? visibleVaults(scope)(eb)
      : eb.or([
          eb("v.agencyOrgId", "=", scope.orgId),
          eb.exists(
            eb
              .selectFrom("project as pp")
              .select("pp.id")
              .whereRef("pp.agencyOrgId", "=", "v.agencyOrgId")
              .where("pp.clientOrgId", "=", scope.orgId),
          ),
        ]);
}

/** The Shanghai calendar year of a timestamp column. */
export const shanghaiYear = (column: string) =>
  sql<number>`extract(year FROM ${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai')::int`;

export function inventoryRepository(db: Kysely<Database>) {
  const vaults = (executor: Kysely<Database> = db) =>
    executor
      .selectFrom("vault as v")
      .innerJoin("organisation as a", "a.id", "v.agencyOrgId")
      .innerJoin("site as s", "s.id", "v.siteId");

  return {
    vaults,

    /** The vault with its agency's district, for the policy; regardless of scope. */
    vaultParty(id: string, executor: Kysely<Database> = db) {
      return vaults(executor)
        .select([
          "v.id",
          "v.code",
          "v.name",
          "v.agencyOrgId",
          "a.district as agencyDistrict",
          "a.name as agencyName",
        ])
        .where("v.id", "=", id)
        .executeTakeFirst();
    },

    plan(id: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("inventoryPlan as ip")
        .innerJoin("vault as v", "v.id", "ip.vaultId")
        .innerJoin("organisation as a", "a.id", "ip.agencyOrgId")
        .leftJoin("organisation as cl", "cl.id", "ip.clientOrgId")
        .selectAll("ip")
        .select([
          "v.code as vaultCode",
          "v.name as vaultName",
          "a.district as agencyDistrict",
          "a.name as agencyName",
          "cl.name as clientName",
        ])
        .where("ip.id", "=", id)
        .executeTakeFirst();
    },

    check(id: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("inventoryCheck as k")
        .innerJoin("inventoryPlan as ip", "ip.id", "k.planId")
        .innerJoin("vault as v", "v.id", "k.vaultId")
        .innerJoin("organisation as a", "a.id", "k.agencyOrgId")
        .leftJoin("organisation as cl", "cl.id", "k.clientOrgId")
        .selectAll("k")
        .select([
          "ip.title as planTitle",
          "ip.periodMonths",
          "v.code as vaultCode",
          "v.name as vaultName",
          "a.district as agencyDistrict",
          "a.name as agencyName",
          "cl.name as clientName",
        ])
        .where("k.id", "=", id)
        .executeTakeFirst();
    },

    /** Completed checks per vault in a Shanghai calendar year. */
    completedIn(year: number) {
      return db
        .selectFrom("inventoryCheck as k")
        .select([
          "k.vaultId",
          (eb) => eb.fn.countAll<number>().as("n"),
          (eb) => eb.fn.max("k.completedAt").as("last"),
        ])
        .where("k.status", "=", "completed")
        .where(shanghaiYear("k.completed_at"), "=", year)
        .groupBy("k.vaultId");
    },

    /** Users of the agency who may go into its vaults. */
    staff(agencyOrgId: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("appUser")
        .select(["id", "displayName", "roles"])
        .where("orgId", "=", agencyOrgId)
        .where("active", "=", true)
        .orderBy("displayName")
        .execute();
    },

    /** The location of the vault named by a scanned location barcode (its code). */
    locationByBarcode(vaultId: string, barcode: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("location")
        .select(["id", "code"])
        .where("vaultId", "=", vaultId)
        .where(sql<string>`upper(code)`, "=", barcode.trim().toUpperCase())
        .executeTakeFirst();
    },
  };
}
export type InventoryRepository = ReturnType<typeof inventoryRepository>;
