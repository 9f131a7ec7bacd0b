// Demo inventory (D-9.8): in the custody agency's first vault holding shelved
// boxes, a half-yearly plan and one completed check in which every box was on
// its shelf — so the vault shows one check this year and is flagged until the
// second. Does nothing when the demo has no shelved boxes. Runs after the
// facilities and intake demo data, through the real services.
import type { UserActor } from "@dangan/domain";
import { loadUserActor } from "../modules/auth/actor.repository.ts";
import type { Services } from "../services.ts";

export async function seedInventoryDemo(s: Services): Promise<void> {
  const actor = async (username: string) => {
    const u = await s.db
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirst();
    return u ? loadUserActor(s.db, u.id) : null;
  };
  const [keeper, keeper2] = [await actor("custody.keeper"), await actor("custody.keeper2")];
  if (!keeper || !keeper2) return;
  const shelved = await s.db
    .selectFrom("box as b")
    .innerJoin("location as l", "l.id", "b.locationId")
    .innerJoin("vault as v", "v.id", "l.vaultId")
    .select(["v.id as vaultId", "v.code as vaultCode", "l.code as location", "b.barcode"])
    .where("b.agencyOrgId", "=", keeper.orgId)
    .orderBy("v.code")
    .orderBy("l.code")
    .execute();
  const first = shelved[0];
  if (!first) return;
  await runCheck(
    s,
    keeper,
    keeper2,
    first.vaultId,
    first.vaultCode,
    shelved.filter((b) => b.vaultId === first.vaultId),
  );
}

async function runCheck(
  s: Services,
  keeper: UserActor,
  keeper2: UserActor,
  vaultId: string,
  vaultCode: string,
  boxes: { location: string; barcode: string }[],
) {
  const inv = s.inventory;
  const year = new Date().getFullYear();
  const plan = await inv.plans.create(keeper, {
    vaultId,
    title: `${vaultCode} 半年度全面盘点`,
    method: "full",
    periodMonths: 6,
    nextDueOn: `${year}-06-30`,
    requirements: "逐架扫描库位及档案盒条码；核对盒号、封条；检查有无虫害、霉变。",
  });
  const check = await inv.checks.start(keeper, {
    planId: plan.id,
    staffUserIds: [keeper.userId, keeper2.userId],
    note: "上半年盘点",
  });
  for (const location of [...new Set(boxes.map((b) => b.location))]) {
    await inv.scanning.openShelf(keeper, check.id, location);
    for (const b of boxes.filter((x) => x.location === location))
      await inv.scanning.scan(keeper, check.id, b.barcode);
    await inv.scanning.closeShelf(keeper, check.id);
  }
  await inv.completion.complete(keeper, check.id);
}
