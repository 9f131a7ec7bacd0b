// The victim agency's inventory and movement records: a vault with two shelves,
// a box shelved through recordMovement, a plan and a completed check in which
// the box was found on the wrong shelf (a misplaced result to re-shelve).
import { inTransaction } from "@dangan/db";
import { systemActor, type UserActor } from "@dangan/domain";
import { DEMO_PASSWORD } from "../src/demo/demo-world.ts";
import { recordMovement } from "../src/modules/movements/record.ts";
import type { Services } from "../src/services.ts";

export interface VictimInventory {
  vaultId: string;
  boxId: string;
  planId: string;
  checkId: string;
  resultId: string;
  keeperIds: string[];
}

/** Strings of these records that must never reach a foreign user. */
export const INVENTORY_MARKERS = ["VICTIM-BOX-ZORKMID", "GRUE", "FROTZ", "BLORB"];

export async function victimInventory(
  s: Services,
  p: { agencyId: string; clientId: string; projectId: string },
): Promise<VictimInventory> {
  const op = systemActor("test victim world");
  const keepers: UserActor[] = [];
  for (const n of [1, 2]) {
    const u = await s.users.create(op, {
      orgId: p.agencyId,
      username: `victim.keeper${n}`,
      displayName: `隔离库管${n}`,
      roles: ["agency_vault_keeper"],
      password: DEMO_PASSWORD,
    });
    keepers.push({
      type: "user",
      userId: u.id,
      orgId: p.agencyId,
      orgKind: "agency",
      roles: ["agency_vault_keeper"],
      regulatorLevel: null,
      supervisedDistricts: [],
    });
  }
  const keeper = keepers[0]!;
  const db = s.db;
  const site = await db
    .insertInto("site")
    .values({ agencyOrgId: p.agencyId, name: "隔离盘点库区" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const vault = await db
    .insertInto("vault")
    .values({ agencyOrgId: p.agencyId, siteId: site.id, code: "INV-BLORB", name: "隔离盘点库房" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const [l1] = await db
    .insertInto("location")
    .values(
      [1, 2].map((n) => ({
        vaultId: vault.id,
        code: `VX-${n}`,
        rowNo: 1,
        columnNo: 1,
        sectionNo: 1,
        shelfNo: n,
      })),
    )
    .returning("id")
    .execute();
  const box = await db
    .insertInto("box")
    .values({
      projectId: p.projectId,
      clientOrgId: p.clientId,
      agencyOrgId: p.agencyId,
      boxNo: "VX-001",
      barcode: "VICTIM-BOX-ZORKMID",
      kind: "storage",
      status: "received",
      homeLocationId: l1!.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await inTransaction(db, { userId: keeper.userId, orgId: p.agencyId }, async (trx, audit) => {
    const m = { boxId: box.id, fromLocationId: null, byUserId: keeper.userId, note: "隔离入库FROTZ" };
    await recordMovement(trx, audit, { ...m, kind: "intake", toLocationId: null });
    await recordMovement(trx, audit, { ...m, kind: "shelve", toLocationId: l1!.id, status: "shelved" });
  });

  const inv = s.inventory;
  const plan = await inv.plans.create(keeper, {
    vaultId: vault.id,
    title: "隔离盘点计划GRUE",
    method: "full",
    periodMonths: 6,
    nextDueOn: "2026-06-30",
  });
  const check = await inv.checks.start(keeper, {
    planId: plan.id,
    staffUserIds: keepers.map((k) => k.userId),
  });
  await inv.scanning.openShelf(keeper, check.id, "VX-2");
  await inv.scanning.scan(keeper, check.id, "VICTIM-BOX-ZORKMID");
  await inv.scanning.closeShelf(keeper, check.id);
  await inv.completion.complete(keeper, check.id);
  const result = await db
    .selectFrom("inventoryResult")
    .select("id")
    .where("checkId", "=", check.id)
    .where("result", "=", "misplaced")
    .executeTakeFirstOrThrow();
  return {
    vaultId: vault.id,
    boxId: box.id,
    planId: plan.id,
    checkId: check.id,
    resultId: result.id,
    keeperIds: keepers.map((k) => k.userId),
  };
}
