// D-9.8: inventory checks — listing, reading and starting them. Two agency staff
// start a check (D-9.9: they go into the vault together); scanning is in
// inventory-scanning.ts, completing in inventory-complete.ts.
import { inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  assertVaultEntryAllowed,
  authorize,
  conflict,
  DomainError,
  type InventoryCheckStart,
  inventoryPermissions,
  inventoryPolicy,
  notFound,
  readScope,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { type InventoryRepository, shanghaiYear, visibleVaults } from "./inventory.repository.ts";
import type { InventoryPlansService } from "./inventory-plans.service.ts";
import { inventoryView } from "./inventory-view.ts";

export type CheckRow = NonNullable<Awaited<ReturnType<InventoryRepository["check"]>>>;

const userId = (actor: Actor) => (actor.type === "user" ? actor.userId : null);

const staffRefused = () =>
  new DomainError({
    code: "STAFF_NOT_AGENCY",
    status: 422,
    clause: "D-9.9",
    message: {
      zh: "盘点人员须为本机构在职工作人员",
      en: "The staff of a check must be active staff of the vault's agency",
    },
  });

export function inventoryChecksService({ dbh: { db } }: Deps, plans: InventoryPlansService) {
  const repo: InventoryRepository = plans.repo;
  const view = inventoryView(db);

  async function readable(actor: Actor, id: string, executor = db) {
    const k = await repo.check(id, executor);
    if (!k || !inventoryPolicy.read(actor, k)) throw notFound("inventory check", id);
    return k;
  }

  /** The check, locked, for a change by the counting staff while it runs. */
  async function running(trx: Tx, actor: Actor, id: string) {
    await trx.selectFrom("inventoryCheck").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
    const k = await readable(actor, id, trx);
    authorize(inventoryPolicy.count(actor, k), "work on this inventory check");
    if (k.status !== "in_progress")
      throw conflict("INVENTORY_CHECK_COMPLETED", {
        zh: "盘点已完成",
        en: "The inventory check is completed",
      });
    return k;
  }

  return {
    readable,
    running,

    async list(
      actor: Actor,
      f: {
        vaultId?: string | undefined;
        status?: "in_progress" | "completed" | undefined;
        year?: number | undefined;
      },
      page: number,
      pageSize: number,
    ) {
      let q = db
        .selectFrom("inventoryCheck as k")
        .innerJoin("inventoryPlan as ip", "ip.id", "k.planId")
        .innerJoin("vault as v", "v.id", "k.vaultId")
        .innerJoin("organisation as a", "a.id", "k.agencyOrgId")
        .leftJoin("organisation as cl", "cl.id", "k.clientOrgId")
        .where(visibleVaults(readScope(actor)));
      if (f.vaultId) q = q.where("k.vaultId", "=", f.vaultId);
      if (f.status) q = q.where("k.status", "=", f.status);
      if (f.year) q = q.where(shanghaiYear("k.started_at"), "=", f.year);
      const [items, count] = await Promise.all([
        q
          .selectAll("k")
          .select([
            "ip.title as planTitle",
            "v.code as vaultCode",
            "v.name as vaultName",
            "a.name as agencyName",
          ])
          .select("cl.name as clientName")
          .orderBy("k.startedAt", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    async get(actor: Actor, id: string) {
      const k = await readable(actor, id);
      const [shelves, staff, results, findings, expected, scans] = await Promise.all([
        view.shelves(id),
        view.staffNames(k.staffUserIds),
        k.status === "completed" ? view.results(id) : Promise.resolve([]),
        view.findings(id),
        view.expected(k),
        view.scans(id, k.agencyOrgId),
      ]);
      const open = shelves.find((s) => !s.closedAt) ?? null;
      return {
        ...k,
        staff,
        shelves: shelves.map((s) => ({ ...s, scans: Number(s.scans) })),
        openShelf: open && { ...open, scans: scans.filter((s) => s.locationId === open.locationId) },
        scanned: scans.length,
        expected,
        results,
        findings,
        permissions: {
          ...inventoryPermissions(actor, k),
          count: inventoryPolicy.count(actor, k) && k.status === "in_progress",
          reshelve: inventoryPolicy.count(actor, k) && k.status === "completed",
        },
      };
    },

    async start(actor: Actor, input: InventoryCheckStart) {
      const plan = await plans.readablePlan(actor, input.planId);
      authorize(inventoryPolicy.count(actor, plan), "start an inventory check in this vault");
      const staffUserIds = [...new Set(input.staffUserIds)];
      assertVaultEntryAllowed({ staffUserIds, visitors: [], approvedByLeader: false });
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const staff = await repo.staff(plan.agencyOrgId, trx);
        if (!staffUserIds.every((id) => staff.some((s) => s.id === id))) throw staffRefused();
        const running = await trx
          .selectFrom("inventoryCheck")
          .select("id")
          .where("vaultId", "=", plan.vaultId)
          .where("status", "=", "in_progress")
          .executeTakeFirst();
        if (running)
          throw conflict(
            "INVENTORY_CHECK_RUNNING",
            { zh: "该库房已有进行中的盘点", en: "A check of this vault is already running" },
            { checkId: running.id },
          );
        if (!plan.active)
          throw conflict("INVENTORY_PLAN_INACTIVE", {
            zh: "盘点计划已停用",
            en: "The inventory plan is inactive",
          });
        const row = await trx
          .insertInto("inventoryCheck")
          .values({
            planId: plan.id,
            agencyOrgId: plan.agencyOrgId,
            vaultId: plan.vaultId,
            clientOrgId: plan.clientOrgId,
            method: plan.method,
            staffUserIds,
            note: input.note ?? null,
            startedBy: userId(actor),
          })
          .returning(["id", "startedAt"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "inventory_check.started",
          entityType: "inventory_check",
          entityId: row.id,
          payload: {
            planId: plan.id,
            vaultId: plan.vaultId,
            method: plan.method,
            staffUserIds,
            note: input.note ?? null,
          },
          scopeOrgIds: [plan.agencyOrgId],
        });
        return row;
      });
    },
  };
}
export type InventoryChecksService = ReturnType<typeof inventoryChecksService>;
