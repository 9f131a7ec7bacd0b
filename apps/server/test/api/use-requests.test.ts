import { Readable } from "node:stream";
import { testDbMode } from "@dangan/db/testing";
import { type Role, systemActor, type UserActor } from "@dangan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../src/demo/demo-pdf.ts";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { createInventoryWorld, type World } from "./inventory-world.ts";

let t: TestApp;
let w: World;
let client: Client;
let keeper: Client;
let grantee: Client;
let granteeOrgId: string;
let roomId: string;
let coveringCamera: string;
let lobbyCamera: string;
const P = "ur";
const item = async (title: string) =>
  (
    await t.services.db
      .selectFrom("catalogueItem")
      .select("id")
      .where("title", "=", title)
      .executeTakeFirstOrThrow()
  ).id;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

async function grant(body: Record<string, unknown>, issue = true) {
  const r = await client.post("/api/grants", {
    projectId: w.p1,
    granteeKind: "organisation",
    granteeName: "上海某审计事务所",
    granteeOrgId,
    modes: ["reading"],
    purpose: "年度审计查阅会计凭证",
    validFrom: today,
    validTo: nextYear,
    ...body,
  });
  expect(r.status).toBe(201);
  if (issue) expect((await client.post(`/api/grants/${r.body.id}/issue`)).status).toBe(200);
  return r.body.id as string;
}

describe(`use requests and written grants (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await createInventoryWorld(t.services, P);
    const op = systemActor("test");
    const org = await t.services.organisations.create(op, {
      kind: "client",
      name: "上海某审计事务所（被授权）",
      district: "fengxian",
    });
    granteeOrgId = org.id;
    await t.services.users.create(op, {
      orgId: org.id,
      username: `${P}.grantee`,
      displayName: "审计师王某",
      roles: ["client_archive_officer"] as Role[],
      password: DEMO_PASSWORD,
    });
    const db = t.services.db;
    const site = await db
      .selectFrom("site")
      .select("id")
      .where("agencyOrgId", "=", w.agencyId)
      .executeTakeFirstOrThrow();
    roomId = (
      await db
        .insertInto("facilityRoom")
        .values({ agencyOrgId: w.agencyId, siteId: site.id, roomFunction: "public_service", name: "查阅室" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const cam = (code: string, covers: string[]) =>
      db
        .insertInto("camera")
        .values({
          agencyOrgId: w.agencyId,
          siteId: site.id,
          code,
          covers,
          recordingAllDay: true,
          retentionDays: 90,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    coveringCamera = (await cam("CAM-R1", ["reading_room"])).id;
    lobbyCamera = (await cam("CAM-L1", ["lift"])).id;
    client = await t.as(`${P}.client`);
    keeper = await t.as(`${P}.keeper`);
    grantee = await t.as(`${P}.grantee`);
  });
  afterAll(() => t.close());

  it("[D-10.2] serves the client's own staff without a grant; a refusal must give its reason", async () => {
    const r = await client.post("/api/use-requests", {
      projectId: w.p1,
      mode: "reading",
      userName: "档案员",
      purpose: "核对合同原件",
      priority: "rush",
      itemIds: [await item("B2-1")],
    });
    expect(r.status).toBe(201);
    expect(new Date(r.body.dueAt).getTime() - Date.now()).toBeLessThanOrEqual(8 * 3_600_000);
    const bare = await keeper.post(`/api/use-requests/${r.body.id}/actions/reject`, {});
    expect(bare.body).toMatchObject({ code: "REASON_REQUIRED", clause: "D-10.2" });
    const ok = await keeper.post(`/api/use-requests/${r.body.id}/actions/reject`, { reason: "档案正在修复" });
    expect(ok.body.status).toBe("rejected");
  });

  it("[D-10.2] refuses anyone else without a grant, with a draft grant, and lets only the client issue", async () => {
    const body = {
      projectId: w.p1,
      mode: "reading",
      userName: "审计师王某",
      purpose: "审计",
      itemIds: [await item("B2-1")],
    };
    const none = await keeper.post("/api/use-requests", { ...body, requesterKind: "third_party" });
    expect(none.body).toMatchObject({ code: "GRANT_REQUIRED", clause: "D-10.2" });
    const draftId = await grant({ scope: { kind: "list", itemIds: [await item("B2-1")] } }, false);
    const viaDraft = await grantee.post("/api/use-requests", { ...body, grantId: draftId });
    expect(viaDraft.body).toMatchObject({ code: "GRANT_NOT_ISSUED", clause: "D-10.2" });
    expect((await keeper.post(`/api/grants/${draftId}/issue`)).status).toBe(403);
    const issued = await client.post(`/api/grants/${draftId}/issue`);
    expect(issued.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const conf = await client.get(`/api/confirmations?entityType=written_grant&entityId=${draftId}`);
    expect(conf.body.items?.[0] ?? conf.body[0]).toMatchObject({
      documentDigest: issued.body.digest,
      valid: true,
    });
    const pdf = await grantee.get(`/api/grants/${draftId}/document.pdf`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.body.subarray(0, 5))).toBe("%PDF-");
    expect((await grantee.post("/api/use-requests", { ...body, grantId: draftId })).status).toBe(201);
  });

  it("[D-10.5] refuses items outside the grant; a grant naming the box covers its items", async () => {
    const g = await grant({ scope: { kind: "list", boxIds: [w.boxes.B3!] } });
    const base = { projectId: w.p1, mode: "reading", userName: "审计师王某", purpose: "审计", grantId: g };
    const outside = await grantee.post("/api/use-requests", {
      ...base,
      itemIds: [await item("B3-1"), await item("B2-1")],
    });
    expect(outside.body).toMatchObject({
      code: "ITEM_OUTSIDE_GRANT",
      clause: "D-10.5",
      details: { count: 1 },
    });
    const inside = await grantee.post("/api/use-requests", {
      ...base,
      itemIds: [await item("B3-1"), await item("B3-2")],
    });
    expect(inside.status).toBe(201);
    const picker = await grantee.get(`/api/use-requests/items?projectId=${w.p1}&grantId=${g}`);
    expect(picker.body.items.map((i: { title: string }) => i.title).sort()).toEqual(["B3-1", "B3-2", "B3-3"]);
    expect((await grantee.get(`/api/use-requests/items?projectId=${w.p1}`)).status).toBe(404);
  });

  it("[D-10.3] refuses a mode the grant does not cover; [D-10.7] proxy search needs the client's commission", async () => {
    const g = await grant({ scope: { kind: "list", itemIds: [await item("B2-1")] } });
    const copy = await grantee.post("/api/use-requests", {
      projectId: w.p1,
      mode: "loan",
      grantId: g,
      userName: "审计师王某",
      purpose: "借出",
      itemIds: [await item("B2-1")],
    });
    expect(copy.body).toMatchObject({ code: "GRANT_MODE_NOT_COVERED", clause: "D-10.3" });
    const proxy = await keeper.post("/api/use-requests", {
      projectId: w.p1,
      mode: "proxy_search",
      requesterKind: "agency_proxy",
      userName: "库管员",
      purpose: "代查",
      itemIds: [await item("B2-1")],
    });
    expect(proxy.body).toMatchObject({ code: "PROXY_SEARCH_NEEDS_GRANT", clause: "D-10.7" });
  });

  it("[D-10.2] a revoked grant stops the request at acceptance", async () => {
    const g = await grant({ scope: { kind: "query", query: { q: "B1" } } });
    expect((await client.get(`/api/grants/${g}`)).body.items).toHaveLength(2);
    const r = await grantee.post("/api/use-requests", {
      projectId: w.p1,
      mode: "reading",
      grantId: g,
      userName: "审计师王某",
      purpose: "审计",
      itemIds: [await item("B1-1")],
    });
    expect(r.status).toBe(201);
    expect((await client.post(`/api/grants/${g}/revoke`, { reason: "审计已取消" })).body.status).toBe(
      "revoked",
    );
    const accept = await keeper.post(`/api/use-requests/${r.body.id}/actions/accept`, {});
    expect(accept.body).toMatchObject({ code: "GRANT_REVOKED", clause: "D-10.2" });
  });

  it("[D-10.3] [D-10.6] [D-10.9] on-site reading: letter and ID first, a covered reading room, session start and end", async () => {
    const g = await grant({ scope: { kind: "list", itemIds: [await item("B2-1")] } });
    const r = await grantee.post("/api/use-requests", {
      projectId: w.p1,
      mode: "reading",
      grantId: g,
      userName: "审计师王某",
      purpose: "审计",
      itemIds: [await item("B2-1")],
    });
    const id = r.body.id as string;
    expect((await grantee.post(`/api/use-requests/${id}/actions/accept`, {})).status).toBe(403);
    expect((await keeper.post(`/api/use-requests/${id}/actions/accept`, {})).body.status).toBe("accepted");
    const out = await keeper.post(`/api/use-requests/${id}/retrieve`);
    expect(out.body).toMatchObject({ status: "retrieved", boxesCheckedOut: 1 });
    const box = await t.services.db
      .selectFrom("box")
      .select(["status", "locationId"])
      .where("id", "=", w.boxes.B2!)
      .executeTakeFirstOrThrow();
    expect(box).toEqual({ status: "checked_out", locationId: null });

    const session = { roomId, cameraIds: [coveringCamera] };
    const noLetter = await keeper.post(`/api/use-requests/${id}/reading-sessions`, session);
    expect(noLetter.body).toMatchObject({ code: "LETTER_REQUIRED", clause: "D-10.3" });

    const keeperActor: UserActor = {
      type: "user",
      userId: w.users.keeper,
      orgId: w.agencyId,
      orgKind: "agency",
      roles: ["agency_vault_keeper"],
      regulatorLevel: null,
      supervisedDistricts: [],
    };
    const att = (name: string) =>
      t.services.attachments.add(keeperActor, "use_request", id, {
        filename: name,
        stream: Readable.from(demoPdf(name)),
      });
    const letter = await att("介绍信.pdf");
    const idCard = await att("身份证.pdf");
    const admitted = await keeper.post(`/api/use-requests/${id}/admission`, {
      letterAttachmentId: letter.id,
      readerIdAttachmentId: idCard.id,
      readerIdKind: "id_card",
      readerIdNumber: "310101199001011234",
    });
    expect(admitted.status).toBe(200);
    const uncovered = await keeper.post(`/api/use-requests/${id}/reading-sessions`, {
      roomId,
      cameraIds: [lobbyCamera],
    });
    expect(uncovered.body).toMatchObject({ code: "READING_ROOM_NOT_COVERED", clause: "D-10.6" });
    const started = await keeper.post(`/api/use-requests/${id}/reading-sessions`, session);
    expect(started.status).toBe(201);
    const open = await keeper.post(`/api/use-requests/${id}/actions/finish_service`, {});
    expect(open.body).toMatchObject({ code: "SERVICE_STILL_OPEN" });
    expect((await keeper.post(`/api/reading-sessions/${started.body.id}/end`)).status).toBe(200);
    expect((await keeper.post(`/api/use-requests/${id}/actions/finish_service`, {})).body.status).toBe(
      "returning",
    );

    const detail = await client.get(`/api/use-requests/${id}`);
    expect(detail.body.admission.readerIdNumber).not.toContain("199001011234");
    expect(detail.body.sessions[0]).toMatchObject({ roomName: "查阅室", cameraCodes: "CAM-R1" });
    expect(detail.body.steps.map((s: { action: string }) => s.action)).toEqual([
      "submit",
      "accept",
      "retrieve",
      "start_service",
      "finish_service",
    ]);
  });

  it("[D-10.4] the use register lists acceptance, retrieval, user and content, filters, pages and exports", async () => {
    const reg = await keeper.get("/api/use-register?mode=reading&status=returning");
    expect(reg.body.total).toBe(1);
    expect(reg.body.items[0]).toMatchObject({
      userName: "审计师王某",
      itemCount: 1,
      content: expect.stringContaining("B2-1"),
    });
    expect(reg.body.items[0].acceptedAt).toBeTruthy();
    expect(reg.body.items[0].retrievedByName).toBe(`${P}keeper`);
    expect((await keeper.get("/api/use-register?q=B3-2")).body.total).toBe(1);
    expect((await keeper.get("/api/use-register?pageSize=2")).body.items).toHaveLength(2);
    const x = await keeper.get("/api/use-register/export.xlsx?q=B3-2");
    expect(x.status).toBe(200);
    expect(String(x.body.subarray(0, 2))).toBe("PK");
    const regulator = await t.as(`${P}.regulator`);
    expect((await regulator.get("/api/use-register")).body.total).toBe(0);
    expect((await regulator.get("/api/grants")).body.total).toBe(0);
    const foreign = await t.as("client.officer");
    const mine = (await foreign.get("/api/use-register")).body.items.filter(
      (i: { projectId: string }) => i.projectId === w.p1,
    );
    expect(mine).toHaveLength(0);
    const ownOnly = (await grantee.get("/api/use-register")).body.items;
    expect(ownOnly.every((i: { submitterOrgId: string }) => i.submitterOrgId === granteeOrgId)).toBe(true);
  });

  it("[D-11.2] closes a returned request only once its boxes are back at their recorded location", async () => {
    const [r] = (await keeper.get("/api/use-register?status=returning")).body.items;
    const items = (await keeper.get(`/api/use-requests/${r.id}`)).body.items as { itemId: string }[];
    const check = await keeper.post(`/api/use-services/requests/${r.id}/return-checks`, {
      returnerName: "审计师王某",
      returnerDeclared: items.length,
      lines: items.map((i) => ({ itemId: i.itemId, outcome: "present" })),
    });
    expect(check.status).toBe(201);
    const early = await keeper.post(`/api/use-requests/${r.id}/actions/close`, {});
    expect(early.body).toMatchObject({ code: "BOXES_NOT_RESHELVED", clause: "D-11.2" });
    const home = await t.services.db
      .selectFrom("box")
      .select("homeLocationId")
      .where("id", "=", w.boxes.B2!)
      .executeTakeFirstOrThrow();
    const back = await keeper.post(`/api/use-services/requests/${r.id}/reshelve`, {
      boxId: w.boxes.B2,
      locationId: home.homeLocationId,
    });
    expect(back.status).toBe(200);
    expect((await grantee.post(`/api/use-requests/${r.id}/actions/close`, {})).status).toBe(403);
    const closed = await keeper.post(`/api/use-requests/${r.id}/actions/close`, {});
    expect(closed.body.status).toBe("closed");
  });
});
