// Demo retrieval and use (D-10, D-11) on the running custody project, through
// the real services: written grants issued, drafted and revoked by the client,
// and use requests in each stage — submitted, accepted, in reading, returning
// and closed after the return check and re-shelving. Each request that takes
// boxes out does so while no other request holds that box out of the vault.
// Does nothing without three shelved boxes.
import { Readable } from "node:stream";
import type { UseRequestInput, UserActor } from "@dangan/domain";
import { loadUserActor } from "../modules/auth/actor.repository.ts";
import type { Services } from "../services.ts";
import { demoPdf } from "./demo-pdf.ts";

/** Today and a date `months` ahead, in Shanghai time (a grant's validity is by day). */
function days(months: number) {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const to = new Date(now);
  to.setUTCMonth(to.getUTCMonth() + months);
  return { today: now.toISOString().slice(0, 10), until: to.toISOString().slice(0, 10) };
}

export async function seedRetrievalDemo(s: Services): Promise<void> {
  const users = await s.db.selectFrom("appUser").select(["id", "username"]).execute();
  const as = async (u: string) => {
    const row = users.find((r) => r.username === u);
    return row ? loadUserActor(s.db, row.id) : null;
  };
  const [officer, keeper] = [await as("client.officer"), await as("custody.keeper")];
  if (!officer || !keeper) return;
  const shelved = await s.db
    .selectFrom("box as b")
    .innerJoin("project as p", "p.id", "b.projectId")
    .select(["b.id", "b.projectId", "b.locationId"])
    .where("b.status", "=", "shelved")
    .where("p.clientOrgId", "=", officer.orgId)
    .where("p.agencyOrgId", "=", keeper.orgId)
    .orderBy("b.boxNo")
    .execute();
  if (shelved.length < 3) return;
  type Box = (typeof shelved)[number];
  const projectId = shelved[0]!.projectId;
  const itemsOf = async (boxId: string, n: number) =>
    (
      await s.db
        .selectFrom("boxItem as bi")
        .innerJoin("catalogueItem as i", "i.id", "bi.itemId")
        .select("i.id")
        .where("bi.boxId", "=", boxId)
        .orderBy("i.referenceCode")
        .limit(n)
        .execute()
    ).map((i) => i.id);
  const [b0, b1, b2] = shelved as [Box, Box, Box];
  const { today, until } = days(6);

  // D-10.2, D-10.3: an auditor reads on site under the client's written grant.
  const auditor = { userName: "陈立新", userIdNumber: "310104198203156617" };
  const audit = await s.grants.draft(officer, {
    projectId,
    granteeKind: "person",
    granteeName: auditor.userName,
    granteeIdKind: "id_card",
    granteeIdNumber: auditor.userIdNumber,
    modes: ["reading", "remote_copy"],
    purpose: "上海立信会计师事务所 2025年度财务审计，查阅相关文书档案",
    validFrom: today,
    validTo: until,
    scope: { kind: "list", itemIds: [], boxIds: [b0.id, b1.id] },
  });
  await s.grants.issue(officer, audit.id);
  // A grant by catalogue query, still a draft: its scope is resolved only at issue.
  await s.grants.draft(officer, {
    projectId,
    granteeKind: "organisation",
    granteeName: "上海市浦东新区人民法院",
    modes: ["remote_copy"],
    purpose: "民事案件调查取证，调取2005年相关会议纪要",
    validFrom: today,
    validTo: days(1).until,
    scope: { kind: "query", query: { q: "会议纪要", year: 2005 } },
  });
  // Revoked: the client withdrew its consent; requests under it are refused (D-10.2).
  const revoked = await s.grants.draft(officer, {
    projectId,
    granteeKind: "person",
    granteeName: "王海燕",
    granteeIdKind: "work_card",
    granteeIdNumber: "SCJT-2019-0412",
    modes: ["reading"],
    purpose: "编写集团志，查阅历年工作总结",
    validFrom: today,
    validTo: until,
    scope: { kind: "list", itemIds: await itemsOf(b2.id, 3), boxIds: [] },
  });
  await s.grants.issue(officer, revoked.id);
  await s.grants.revoke(officer, revoked.id, "集团志编写工作已调整，由档案室直接提供");

  const submit = (
    by: UserActor,
    body: Omit<UseRequestInput, "projectId" | "priority"> & { priority?: "rush" },
  ) => s.useRequests.submit(by, { projectId, priority: "standard", ...body });
  const own = { mode: "reading" as const, userName: "周红", userOrgName: "档案室" };
  const third = {
    mode: "reading" as const,
    requesterKind: "third_party" as const,
    grantId: audit.id,
    userOrgName: "上海立信会计师事务所",
    userIdKind: "id_card" as const,
    ...auditor,
  };

  // Submitted: the client's own rush request, waiting in the agency's queue.
  await submit(officer, {
    ...own,
    purpose: "核对2005年干部任免审批表原件",
    priority: "rush",
    itemIds: await itemsOf(b2.id, 2),
  });
  // Accepted: the auditor's request recorded at the agency's desk under the grant.
  const accepted = await submit(keeper, {
    ...third,
    purpose: "审计查阅财务预算执行情况报告",
    itemIds: await itemsOf(b1.id, 2),
  });
  await s.useRequests.act(keeper, accepted.id, "accept", {});

  // In reading: letter and ID recorded (D-10.3, D-10.9), a session open in the reading room (D-10.6).
  const reading = await submit(keeper, {
    ...third,
    purpose: "审计查阅年度工作总结",
    itemIds: await itemsOf(b0.id, 3),
  });
  await serveOnSite(s, keeper, reading.id);

  // Returning: the client's own reading ended; the boxes wait for the return check (D-11.1).
  const returning = await submit(officer, {
    ...own,
    purpose: "查阅党组会议纪要",
    itemIds: await itemsOf(b2.id, 2),
  });
  const session = await serveOnSite(s, keeper, returning.id);
  await s.reading.end(keeper, session.id);
  await s.useRequests.act(keeper, returning.id, "finish_service", { note: "阅毕，档案交回" });
  // Closed: checked item by item, re-shelved at the recorded location (D-11.2), closed.
  const done = await submit(officer, {
    ...own,
    purpose: "查阅安全生产检查通知",
    itemIds: await itemsOf(b1.id, 1),
  });
  await s.reading.end(keeper, (await serveOnSite(s, keeper, done.id)).id);
  await s.useRequests.act(keeper, done.id, "finish_service", {});
  const out = await s.useRequests.repo.items(done.id);
  await s.useServices.returns.record(keeper, done.id, {
    returnerName: "周红",
    returnerDeclared: out.length,
    lines: out.map((i) => ({ itemId: i.itemId, outcome: "present" as const })),
  });
  await s.useServices.returns.reshelve(keeper, done.id, { boxId: b1.id, locationId: b1.locationId! });
  await s.useRequests.act(keeper, done.id, "close", { note: "已归位" });
}

/** Accept, take the box out, record letter and ID, open a reading session. */
async function serveOnSite(s: Services, keeper: UserActor, id: string) {
  await s.useRequests.act(keeper, id, "accept", {});
  await s.useRequests.retrieve(keeper, id);
  const att = (filename: string, label: string) =>
    s.attachments.add(
      keeper,
      "use_request",
      id,
      { filename, stream: Readable.from(demoPdf(filename)) },
      label,
    );
  const letter = await att("介绍信.pdf", "介绍信");
  const card = await att("身份证复印件.pdf", "身份证件");
  const r = await s.useRequests.repo.find(id);
  await s.reading.admit(keeper, id, {
    letterAttachmentId: letter.id,
    readerIdAttachmentId: card.id,
    readerIdKind: "id_card",
    readerIdNumber: r?.userIdNumber ?? "310115198807204426",
  });
  const { rooms } = await s.reading.rooms(keeper, id);
  const room = rooms.find((x) => x.cameras.some((c) => c.covers.includes("reading_room")));
  if (!room) throw new Error("the demo has no reading room under a camera");
  return s.reading.start(keeper, id, {
    roomId: room.id,
    cameraIds: room.cameras.filter((c) => c.covers.includes("reading_room")).map((c) => c.id),
  });
}
