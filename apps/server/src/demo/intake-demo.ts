// Demo intake (D-7.2, D-8.1 – D-8.8, D-9.11) on the running custody project,
// through the real services: the first catalogue moved in one batch from the
// site visit to shelving — one item treated for mould, one box found damaged
// and handled with the client — and the second catalogue's batch under way,
// its boxes being sealed. Does nothing without the demo catalogues and vaults.
import type { IntakeTransitionInput, UserActor } from "@dangan/domain";
import { loadUserActor } from "../modules/auth/actor.repository.ts";
import type { Services } from "../services.ts";

async function actors(s: Services) {
  const rows = await s.db.selectFrom("appUser").select(["id", "username"]).execute();
  const id = (u: string) => rows.find((r) => r.username === u)?.id;
  const as = async (u: string) => (id(u) ? loadUserActor(s.db, id(u)!) : null);
  return {
    officer: await as("client.officer"),
    manager: await as("custody.manager"),
    keeper: await as("custody.keeper"),
    id,
  };
}

export async function seedIntakeDemo(s: Services): Promise<void> {
  const { officer, manager, keeper, id } = await actors(s);
  if (!officer || !manager || !keeper) return;
  const cats = await s.db
    .selectFrom("handoverCatalogue as h")
    .innerJoin("project as p", "p.id", "h.projectId")
    .select(["h.id", "h.projectId", "h.title"])
    .where("p.status", "=", "active")
    .where("p.agencyOrgId", "=", manager.orgId)
    .orderBy("h.createdAt")
    .execute();
  if (cats.length < 2) return;
  const both = [id("client.officer")!, id("custody.manager")!];
  const step = (batchId: string, body: IntakeTransitionInput, by: UserActor = manager) =>
    s.intake.transition(by, batchId, body);

  // First batch: the whole way.
  const first = await s.intake.create(manager, {
    projectId: cats[0]!.projectId,
    title: "2005年文书档案第一批入库",
    catalogueIds: [cats[0]!.id],
  });
  await step(
    first.id,
    {
      action: "site_visit",
      people: both,
      performedOn: "2026-03-10",
      notes: "考察嘉定库区：温湿度、监控、消防均符合要求。",
    },
    officer,
  );
  const items = await s.intake.repo.items(first.id);
  await step(first.id, {
    action: "unshelve",
    people: [...both, id("custody.keeper")!],
    performedOn: "2026-03-16",
    counts: [{ catalogueId: cats[0]!.id, counted: items.length }],
  });
  await step(first.id, {
    action: "check_condition",
    people: both,
    performedOn: "2026-03-16",
    findings: [{ itemId: items[4]!.id, condition: "mould", note: "封面边角轻微霉斑" }],
  });
  // Small boxes of four files each, so that the retrieval and use-services demos
  // have enough shelved boxes to take out at the same time.
  const boxes = [];
  for (let n = 0; n < items.length; n += 4)
    boxes.push(
      await s.intakeBoxes.create(keeper, first.id, {
        kind: "transfer",
        carrier: "paper",
        itemIds: items.slice(n, n + 4).map((i) => i.id),
      }),
    );
  const mould = (
    await s.db
      .selectFrom("intakeCondition")
      .select("id")
      .where("batchId", "=", first.id)
      .executeTakeFirstOrThrow()
  ).id;
  await s.intakeConditions.treat(officer, mould, {
    method: "低温冷冻杀菌",
    treatedOn: "2026-03-18",
    treatedBy: "上海市档案保护技术中心",
  });
  await step(first.id, { action: "finish_boxing", people: both, performedOn: "2026-03-18" });
  for (const [n, b] of boxes.entries())
    await s.intakeBoxes.seal(keeper, b.id, {
      sealNumber: `FT-2026-${String(101 + n)}`,
      outsideOk: true,
      witnessUserId: id("client.officer")!,
    });
  await step(first.id, {
    action: "load",
    people: [...both, id("custody.keeper")!],
    performedOn: "2026-03-19",
    transport: { by: "agency", vehicle: "沪D·A3721" },
  });
  await step(first.id, {
    action: "arrive",
    people: [id("custody.keeper")!, id("custody.keeper2")!],
    performedOn: "2026-03-19",
  });
  for (const [n, b] of boxes.entries())
    await s.intakeBoxes.inspect(
      keeper,
      b.id,
      n === 1
        ? { sealIntact: true, damaged: true, missingItemIds: [], note: "箱体一角受压变形，箱内档案完好" }
        : { sealIntact: true, damaged: false, missingItemIds: [] },
    );
  await step(first.id, { action: "finish_inspection", people: both, performedOn: "2026-03-19" });
  const anomaly = await s.db
    .selectFrom("intakeInspection")
    .select("incidentId")
    .where("batchId", "=", first.id)
    .where("incidentId", "is not", null)
    .executeTakeFirst();
  if (anomaly?.incidentId)
    await s.incidents.update(officer, anomaly.incidentId, {
      status: "closed",
      resolution: "双方核对：箱体受压，档案无损；已更换档案箱。",
    });
  await step(first.id, { action: "skip_repacking", people: [], performedOn: "2026-03-19" });
  const locations = await s.intakeLocations(manager, first.id);
  let slot = 0;
  for (const b of boxes) {
    while ((locations[slot]?.capacity ?? 0) - (locations[slot]?.held ?? 0) <= 0 && slot < locations.length)
      slot++;
    const loc = locations[slot];
    if (!loc) return;
    await s.intakeBoxes.shelve(keeper, b.id, loc.id);
    loc.held++;
  }
  await step(
    first.id,
    {
      action: "complete",
      people: [id("custody.keeper")!, id("custody.keeper2")!],
      performedOn: "2026-03-20",
    },
    keeper,
  );

  // Second batch: under way, sealing box by box.
  const second = await s.intake.create(manager, {
    projectId: cats[1]!.projectId,
    title: "2006年文书档案入库",
    catalogueIds: [cats[1]!.id],
  });
  const more = await s.intake.repo.items(second.id);
  await step(second.id, {
    action: "unshelve",
    people: both,
    counts: [{ catalogueId: cats[1]!.id, counted: more.length }],
  });
  await step(second.id, { action: "check_condition", people: both, findings: [] });
  const next = [];
  for (let n = 0; n < more.length; n += 12)
    next.push(
      await s.intakeBoxes.create(keeper, second.id, {
        kind: "transfer",
        carrier: "paper",
        itemIds: more.slice(n, n + 12).map((i) => i.id),
      }),
    );
  await step(second.id, { action: "finish_boxing", people: both });
  await s.intakeBoxes.seal(keeper, next[0]!.id, {
    sealNumber: "FT-2026-201",
    outsideOk: true,
    witnessUserId: id("client.officer")!,
  });
}
