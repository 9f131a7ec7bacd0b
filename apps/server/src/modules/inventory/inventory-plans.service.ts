// D-9.8: inventory plans per vault (or per client within a vault) — period,
// scope, method and requirements — and the twice-a-year status of each vault.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertInventoryPlan,
  authorize,
  type InventoryPlanCreate,
  type InventoryPlanUpdate,
  inventoryPermissions,
  inventoryPolicy,
  inventoryShortfall,
  notFound,
  readScope,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { inventoryRepository, vaultsOfPartners, visibleVaults } from "./inventory.repository.ts";

const party = (r: { agencyOrgId: string; agencyDistrict: string }) => r;

/** The current Shanghai calendar year. */
export const currentYear = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

export function inventoryPlansService({ dbh: { db } }: Deps) {
  const repo = inventoryRepository(db);

  async function readablePlan(actor: Actor, id: string) {
    const p = await repo.plan(id);
    if (!p || !inventoryPolicy.read(actor, party(p))) throw notFound("inventory plan", id);
    return p;
  }

  return {
    repo,
    readablePlan,

    /** Form choices: the vaults, the agency's clients and its staff. */
    async options(actor: Actor) {
      const vaults = await repo
        .vaults()
        .select(["v.id", "v.code", "v.name", "v.agencyOrgId", "s.name as siteName"])
        .where(visibleVaults(readScope(actor)))
        .orderBy("v.code")
        .execute();
      if (actor.type !== "user" || actor.orgKind !== "agency") return { vaults, clients: [], staff: [] };
      const [clients, staff] = await Promise.all([
        db
          .selectFrom("project as p")
          .innerJoin("organisation as c", "c.id", "p.clientOrgId")
          .select(["c.id", "c.name"])
          .distinct()
          .where("p.agencyOrgId", "=", actor.orgId)
          .orderBy("c.name")
          .execute(),
        repo.staff(actor.orgId),
      ]);
      return { vaults, clients, staff };
    },

    async list(actor: Actor, f: { vaultId?: string | undefined }) {
      let q = db
        .selectFrom("inventoryPlan as ip")
        .innerJoin("vault as v", "v.id", "ip.vaultId")
        .innerJoin("organisation as a", "a.id", "ip.agencyOrgId")
        .leftJoin("organisation as cl", "cl.id", "ip.clientOrgId")
        .leftJoin(repo.completedIn(currentYear()).as("y"), "y.vaultId", "ip.vaultId")
        .where(visibleVaults(readScope(actor)));
      if (f.vaultId) q = q.where("ip.vaultId", "=", f.vaultId);
      const rows = await q
        .selectAll("ip")
        .select([
          "v.code as vaultCode",
          "v.name as vaultName",
          "a.name as agencyName",
          "cl.name as clientName",
        ])
        .select(["a.district as agencyDistrict", "y.n as checksThisYear", "y.last as lastCompletedAt"])
        .orderBy("ip.nextDueOn")
        .execute();
      return rows.map((r) => ({
        ...r,
        checksThisYear: Number(r.checksThisYear ?? 0),
        permissions: inventoryPermissions(actor, r),
      }));
    },

    async create(actor: Actor, input: InventoryPlanCreate) {
      const v = await repo.vaultParty(input.vaultId);
      if (!v || !inventoryPolicy.read(actor, v)) throw notFound("vault", input.vaultId);
      authorize(inventoryPolicy.plan(actor, v), "plan inventory checks in this vault");
      assertInventoryPlan(input, input.clientOrgId);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("inventoryPlan")
          .values({
            ...input,
            clientOrgId: input.clientOrgId ?? null,
            agencyOrgId: v.agencyOrgId,
            createdBy: actor.type === "user" ? actor.userId : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "inventory_plan.created",
          entityType: "inventory_plan",
          entityId: row.id,
          payload: { ...input, ...operatorNote(actor) },
          scopeOrgIds: [v.agencyOrgId],
        });
        return row;
      });
    },

    async update(actor: Actor, id: string, patch: InventoryPlanUpdate) {
      const p = await readablePlan(actor, id);
      authorize(inventoryPolicy.plan(actor, party(p)), "change this inventory plan");
      assertInventoryPlan(
        { method: patch.method ?? p.method, periodMonths: patch.periodMonths },
        p.clientOrgId,
      );
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .updateTable("inventoryPlan")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "inventory_plan.updated",
          entityType: "inventory_plan",
          entityId: id,
          payload: { changes: changes(p, patch), ...operatorNote(actor) },
          scopeOrgIds: [p.agencyOrgId],
        });
        return row;
      });
    },

    /**
     * D-9.8: per vault, completed checks in a calendar year; fewer than two is
     * flagged. Regulators' checklists reuse this.
     */
    async shortfall(actor: Actor, year: number) {
      const rows = await repo
        .vaults()
        .leftJoin(repo.completedIn(year).as("y"), "y.vaultId", "v.id")
        .select([
          "v.id as vaultId",
          "v.code",
          "v.name",
          "v.agencyOrgId",
          "a.name as agencyName",
          "s.name as siteName",
        ])
        .select(["y.n", "y.last"])
        .select((eb) =>
          eb
            .selectFrom("inventoryPlan as ip")
            .select((e) => e.fn.min("ip.nextDueOn").as("d"))
            .whereRef("ip.vaultId", "=", "v.id")
            .where("ip.active", "=", true)
            .as("nextDueOn"),
        )
        .where(vaultsOfPartners(readScope(actor)))
        .orderBy("a.name")
        .orderBy("v.code")
        .execute();
      return rows.map(({ n, last, ...r }) => {
        const completed = Number(n ?? 0);
        const shortfall = inventoryShortfall(completed);
        return { ...r, year, completed, lastCompletedAt: last ?? null, shortfall, flagged: shortfall > 0 };
      });
    },
  };
}
export type InventoryPlansService = ReturnType<typeof inventoryPlansService>;
