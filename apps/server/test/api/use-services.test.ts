// Remote copies (D-3.12, D-10.8), loans (D-10.6) and returns (D-11.1, D-11.2)
// through the HTTP API, on requests driven by the use-requests service.
import type { UserActor } from "@dangan/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../src/demo/demo-pdf.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { renderPage } from "../support/marked-pages.ts";
import { multipart } from "../support/qc-archives.ts";

let t: TestApp;
let client: Client;
let keeper: Client;
let operator: Client;
let other: Client;
const actors: Record<string, UserActor> = {};
let projectId: string;
const boxes: { id: string; homeLocationId: string; items: string[] }[] = [];
let workstationCamera: string;
let liftCamera: string;

async function actor(username: string): Promise<UserActor> {
  const u = await t.services.db
    .selectFrom("appUser as u")
    .innerJoin("organisation as o", "o.id", "u.orgId")
    .select(["u.id", "u.orgId", "u.roles", "o.kind"])
    .where("u.username", "=", username)
    .executeTakeFirstOrThrow();
  return {
    type: "user",
    userId: u.id,
    orgId: u.orgId,
    orgKind: u.kind,
    roles: u.roles,
    regulatorLevel: null,
    supervisedDistricts: [],
  } as UserActor;
}

/** Submits as the client officer and walks the request to `until`. */
async function request(
  mode: string,
  itemIds: string[],
  until: "retrieved" | "in_service",
  extra: Record<string, unknown> = {},
) {
  const s = t.services;
  const r = await s.useRequests.submit(actors.officer!, {
    projectId,
    mode: mode as "loan",
    userName: "周红",
    purpose: "编史修志查考",
    priority: "standard",
    itemIds,
    ...extra,
  });
  await s.useRequests.act(actors.keeper!, r.id, "accept", {});
  await s.useRequests.retrieve(actors.keeper!, r.id);
  if (until === "in_service") await s.useRequests.act(actors.keeper!, r.id, "start_service", {});
  return r.id;
}

const upload = (
  id: string,
  scanJobId: string,
  days?: number,
  file = { name: "扫描件.pdf", data: demoPdf("scan") },
) => {
  const m = multipart(file.name, file.data);
  return keeper.request({
    method: "POST",
    url: `/api/use-services/requests/${id}/deliveries?scanJobId=${scanJobId}${days ? `&expiresInDays=${days}` : ""}`,
    headers: m.headers,
    payload: m.payload,
  });
};

/** A scanned page as a remote copy would carry it, with or without a classification mark. */
const scannedPage = async (mark: string | null) =>
  (
    await renderPage({
      dpi: 100,
      mark,
      font: "AR PL UMing CN",
      markPt: 16,
      colour: "red",
      place: "top-left",
      rotateDeg: 0,
      noise: 20,
      title: "关于做好年度档案移交工作的通知",
      letterhead: true,
    })
  ).png;

beforeAll(async () => {
  t = await startTestApp();
  client = await t.as("client.officer");
  keeper = await t.as("custody.keeper");
  operator = await t.as("custody.operator");
  other = await t.as("client2.admin");
  actors.officer = await actor("client.officer");
  actors.keeper = await actor("custody.keeper");
  const db = t.services.db;
  // Boxes of our own, shelved at home, so other modules' demo data cannot use them up.
  const seedItem = await db
    .selectFrom("catalogueItem as i")
    .innerJoin("project as p", "p.id", "i.projectId")
    .select(["i.catalogueId", "i.projectId", "i.clientOrgId", "p.agencyOrgId"])
    .where("i.clientOrgId", "=", actors.officer.orgId)
    .where("p.agencyOrgId", "=", actors.keeper.orgId)
    .executeTakeFirstOrThrow();
  projectId = seedItem.projectId;
  const locations = await db
    .selectFrom("location as l")
    .innerJoin("vault as v", "v.id", "l.vaultId")
    .select("l.id")
    .where("v.agencyOrgId", "=", actors.keeper.orgId)
    .orderBy("l.code")
    .limit(3)
    .execute();
  for (const [n, loc] of locations.entries()) {
    const box = await db
      .insertInto("box")
      .values({
        projectId,
        clientOrgId: seedItem.clientOrgId,
        agencyOrgId: seedItem.agencyOrgId,
        boxNo: `US-${n}`,
        barcode: `US-TEST-${n}`,
        kind: "storage",
        status: "shelved",
        locationId: loc.id,
        homeLocationId: loc.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const items = await db
      .insertInto("catalogueItem")
      .values(
        [1, 2].map((k) => ({
          catalogueId: seedItem.catalogueId,
          projectId,
          clientOrgId: seedItem.clientOrgId,
          rowNo: 900_000 + n * 10 + k,
          referenceCode: `US-${n}-${k}`,
          title: `调阅测试件${n}-${k}`,
        })),
      )
      .returning("id")
      .execute();
    await db
      .insertInto("boxItem")
      .values(items.map((i) => ({ boxId: box.id, itemId: i.id })))
      .execute();
    boxes.push({ id: box.id, homeLocationId: loc.id, items: items.map((i) => i.id) });
  }
  const site = await db
    .selectFrom("site")
    .select(["id", "agencyOrgId"])
    .where("agencyOrgId", "=", actors.keeper.orgId)
    .executeTakeFirstOrThrow();
  const cams = await db
    .insertInto("camera")
    .values([
      {
        agencyOrgId: site.agencyOrgId,
        siteId: site.id,
        code: "T-SCAN",
        covers: ["workstation"],
        recordingAllDay: true,
      },
      {
        agencyOrgId: site.agencyOrgId,
        siteId: site.id,
        code: "T-LIFT",
        covers: ["lift"],
        recordingAllDay: true,
      },
    ])
    .returning("id")
    .execute();
  workstationCamera = cams[0]!.id;
  liftCamera = cams[1]!.id;
}, 400_000);
afterAll(() => t?.close());

describe("remote copies", () => {
  let id: string;
  let jobId: string;
  let deliveryId: string;
  beforeAll(async () => {
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    id = await request("remote_copy", boxes[0]!.items.slice(0, 1), "retrieved");
  });

  it("[D-10.8] refuses a scan job under a camera that does not cover a workstation", async () => {
    const r = await keeper.post(`/api/use-services/requests/${id}/scan-jobs`, {
      operatorUserId: actors.keeper!.userId,
      cameraId: liftCamera,
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "SCAN_CAMERA_NOT_COVERING", clause: "D-10.8" });
  });

  it("[D-10.8] service starts only after a scan job names its operator and camera", async () => {
    const blocked = await keeper.post(`/api/use-requests/${id}/actions/start_service`, {});
    if (blocked.status !== 404) expect(blocked.body.code).toBe("SCAN_NOT_UNDER_CAMERA");
    const r = await keeper.post(`/api/use-services/requests/${id}/scan-jobs`, {
      operatorUserId: actors.keeper!.userId,
      cameraId: workstationCamera,
    });
    expect(r.status).toBe(201);
    jobId = r.body.id;
    await t.services.useRequests.act(actors.keeper!, id, "start_service", {});
  });

  it("[D-3.12] delivers a file with SM3 and SHA-256 digests; only the requesting side downloads it", async () => {
    const up = await upload(id, jobId);
    expect(up.statusCode).toBe(201);
    deliveryId = up.json().id;
    expect(up.json().sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(up.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const got = await client.request({
      method: "GET",
      url: `/api/use-services/deliveries/${deliveryId}/download`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers["x-content-sm3"]).toBe(up.json().sm3);
    expect(up.json().screening).toBe("passed");
    expect(got.body.startsWith("%PDF-")).toBe(true);
    expect((await keeper.get(`/api/use-services/deliveries/${deliveryId}/download`)).status).toBe(403);
    expect((await other.get(`/api/use-services/deliveries/${deliveryId}/download`)).status).toBe(404);
  });

  it("[D-3.12] refuses an expired download and logs every attempt", async () => {
    await t.services.db
      .updateTable("remoteCopyDelivery")
      .set({ expiresAt: new Date(Date.now() - 1000), deliveredAt: new Date(Date.now() - 5000) })
      .where("id", "=", deliveryId)
      .execute();
    const r = await client.get(`/api/use-services/deliveries/${deliveryId}/download`);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: "DOWNLOAD_EXPIRED", clause: "D-3.12" });
    const log = await t.services.db
      .selectFrom("remoteCopyDownload")
      .select("outcome")
      .where("deliveryId", "=", deliveryId)
      .orderBy("at")
      .execute();
    expect(log.map((l) => l.outcome)).toEqual(["served", "expired"]);
    const list = await client.get("/api/use-services/deliveries");
    expect(list.body.items.find((d: { id: string }) => d.id === deliveryId).downloads).toBe(1);
  });

  it("[D-10.8] holds a remote copy whose page bears a classification mark until the client decides", async () => {
    const up = await upload(id, jobId, undefined, {
      name: "扫描件-第2页.png",
      data: await scannedPage("秘密★1年"),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ screening: "held", screenedPages: 1 });
    const held = await client.get(`/api/use-services/deliveries/${up.json().id}/download`);
    expect(held.status).toBe(423);
    expect(held.body).toMatchObject({ code: "DELIVERY_HELD_CLASSIFIED", clause: "D-10.8" });
    const log = await t.services.db
      .selectFrom("remoteCopyDownload")
      .select("outcome")
      .where("deliveryId", "=", up.json().id)
      .execute();
    expect(log.map((l) => l.outcome)).toEqual(["held"]);
    const alerts = await client.get("/api/screening/hits?source=remote_copy&status=open");
    const hit = alerts.body.items.find((h: { remoteCopyId: string }) => h.remoteCopyId === up.json().id);
    expect(hit).toMatchObject({ level: "秘密", period: "1年", page: 1, canDecide: true });
    const img = await client.request({ method: "GET", url: `/api/screening/hits/${hit.id}/image` });
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toBe("image/jpeg");
    expect((await other.get(`/api/screening/hits/${hit.id}`)).status).toBe(404);
    const byAgency = await keeper.post(`/api/screening/remote-copies/${up.json().id}/decision`, {
      decision: "clear",
    });
    expect(byAgency.status).toBe(403);
    expect(byAgency.body).toMatchObject({ code: "SCREENING_DECIDED_BY_CLIENT", clause: "Z-7.3" });
    const released = await client.post(`/api/screening/remote-copies/${up.json().id}/decision`, {
      decision: "clear",
      note: "该页为已解密文件，解密通知见附件",
    });
    expect(released.body).toMatchObject({ screening: "released" });
    expect((await client.get(`/api/use-services/deliveries/${up.json().id}/download`)).status).toBe(200);
    expect((await client.get(`/api/screening/hits/${hit.id}`)).body).toMatchObject({ status: "cleared" });
    const events = await t.services.db
      .selectFrom("auditEvent")
      .select("action")
      .where("action", "in", ["mark_screening.hit", "remote_copy.released"])
      .where(sql<boolean>`payload->>'deliveryId' = ${up.json().id}`)
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(["mark_screening.hit", "remote_copy.released"]);
  });

  it("[D-10.8] a clean page passes; a file the OCR cannot read is held and the client may block it", async () => {
    const clean = await upload(id, jobId, undefined, {
      name: "扫描件-第3页.png",
      data: await scannedPage(null),
    });
    expect(clean.json()).toMatchObject({ screening: "passed", screenedPages: 1 });
    const odd = await upload(id, jobId, undefined, {
      name: "扫描件.pdf",
      data: Buffer.from("%PDF-1.4 not a real pdf"),
    });
    expect(odd.json().screening).toBe("unscreenable");
    expect((await client.get(`/api/use-services/deliveries/${odd.json().id}/download`)).status).toBe(423);
    const blocked = await client.post(`/api/screening/remote-copies/${odd.json().id}/decision`, {
      decision: "confirm",
    });
    expect(blocked.body).toMatchObject({ screening: "blocked" });
    expect((await client.get(`/api/use-services/deliveries/${odd.json().id}/download`)).status).toBe(423);
    const again = await client.post(`/api/screening/remote-copies/${odd.json().id}/decision`, {
      decision: "clear",
    });
    expect(again.body).toMatchObject({ code: "SCREENING_ALREADY_DECIDED" });
  });

  it("[D-11.1] a complete return check passes and the boxes go home (D-11.2)", async () => {
    await keeper.post(`/api/use-services/scan-jobs/${jobId}/finish`, { pages: 12 });
    await t.services.useRequests.act(actors.keeper!, id, "finish_service", {});
    const item = boxes[0]!.items[0]!;
    const r = await keeper.post(`/api/use-services/requests/${id}/return-checks`, {
      returnerName: "何军",
      returnerDeclared: 1,
      lines: [{ itemId: item, outcome: "present" }],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ outcome: "passed", requestStatus: "returned" });
    const back = await keeper.post(`/api/use-services/requests/${id}/reshelve`, {
      boxId: boxes[0]!.id,
      locationId: boxes[0]!.homeLocationId,
    });
    expect(back.status).toBe(200);
  });
});

describe("loans and returns", () => {
  let id: string;
  let loanId: string;
  const items = () => [...boxes[1]!.items, ...boxes[2]!.items];
  beforeAll(async () => {
    id = await request("loan", items(), "retrieved", {
      userIdKind: "id_card",
      userIdNumber: "310101198001011234",
    });
  });

  it("[D-10.6] refuses a loan record without the client's written consent; the agency cannot consent", async () => {
    const body = {
      dueOn: "2099-01-01",
      deliveryPlace: "委托方档案室",
      deliveryAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const r = await keeper.post(`/api/use-services/requests/${id}/loan`, body);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "LOAN_CONSENT_REQUIRED", clause: "D-10.6" });
    expect(
      (await keeper.post(`/api/use-services/requests/${id}/loan-consent`, { statement: "同意" })).status,
    ).toBe(403);
    expect(
      (
        await client.post(`/api/use-services/requests/${id}/loan-consent`, {
          statement: "同意出借，限期归还",
        })
      ).status,
    ).toBe(201);
    expect((await keeper.post(`/api/use-services/requests/${id}/loan`, body)).body.code).toBe(
      "LOAN_TOO_LONG",
    );
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const ok = await keeper.post(`/api/use-services/requests/${id}/loan`, { ...body, dueOn: due });
    expect(ok.status).toBe(201);
    loanId = ok.body.id;
  });

  it("[D-10.6] hands over only to the person named after the ID check", async () => {
    const wrong = await keeper.post(`/api/use-services/loans/${loanId}/handover`, {
      receiverName: "李四",
      receiverIdKind: "id_card",
      receiverIdNumber: "310101198001011234",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe("RECEIVER_MISMATCH");
    await expect(t.services.useRequests.act(actors.keeper!, id, "start_service", {})).rejects.toMatchObject({
      code: "RECEIVER_ID_NOT_CHECKED",
    });
    const ok = await keeper.post(`/api/use-services/loans/${loanId}/handover`, {
      receiverName: "周红",
      receiverIdKind: "id_card",
      receiverIdNumber: "310101198001011234",
    });
    expect(ok.status).toBe(200);
    await t.services.useRequests.act(actors.keeper!, id, "start_service", {});
    const view = await client.get(`/api/use-services/requests/${id}`);
    expect(view.body.loan.receiverIdNumber).not.toContain("19800101");
  });

  it("[D-10.6] an overdue loan shows in the list and the home count and alerts once", async () => {
    await t.services.db.updateTable("loan").set({ dueOn: "2020-01-01" }).where("id", "=", loanId).execute();
    const list = await keeper.get("/api/use-services/loans?status=overdue");
    expect(list.body.items.map((l: { id: string }) => l.id)).toContain(loanId);
    expect((await client.get("/api/use-services/summary")).body.overdueLoans).toBeGreaterThanOrEqual(1);
    expect((await other.get("/api/use-services/loans?status=overdue")).body.items).toEqual([]);
    expect(await t.services.useServices.loans.checkOverdue()).toBeGreaterThanOrEqual(1);
    expect(await t.services.useServices.loans.checkOverdue()).toBe(0);
    const xlsx = await keeper.request({
      method: "GET",
      url: "/api/use-services/loans/export.xlsx?status=overdue",
    });
    expect(xlsx.statusCode).toBe(200);
  });

  it("[D-11.1] a missing item stops the return, opens an incident and needs a written report", async () => {
    await keeper.post(`/api/use-services/loans/${loanId}/received-back`, { returnedByName: "周红" });
    await t.services.useRequests.act(actors.keeper!, id, "finish_service", {});
    const [first, ...rest] = items();
    const lines = [
      { itemId: first!, outcome: "missing" },
      ...rest.map((itemId) => ({ itemId, outcome: "present" })),
    ];
    const disagree = await keeper.post(`/api/use-services/requests/${id}/return-checks`, {
      returnerName: "周红",
      returnerDeclared: items().length,
      lines,
    });
    expect(disagree.body.code).toBe("RETURN_QUANTITY_NOT_AGREED");
    const partial = await keeper.post(`/api/use-services/requests/${id}/return-checks`, {
      returnerName: "周红",
      returnerDeclared: 0,
      lines: lines.slice(0, 1),
    });
    expect(partial.body.code).toBe(items().length > 1 ? "RETURN_NOT_CHECKED" : "RETURN_QUANTITY_NOT_AGREED");
    const r = await keeper.post(`/api/use-services/requests/${id}/return-checks`, {
      returnerName: "周红",
      returnerDeclared: rest.length,
      lines,
    });
    expect(r.body.code ?? r.status).toBe(201);
    expect(r.body).toMatchObject({
      outcome: "discrepancy",
      requestStatus: "return_blocked",
      missing: [first],
    });
    const incident = await t.services.db
      .selectFrom("incident")
      .selectAll()
      .where("id", "=", r.body.incidentId)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ kind: "discrepancy", source: "system", clauseId: "D-11.1" });
    const refused = await keeper.post(`/api/use-services/requests/${id}/reshelve`, {
      boxId: boxes[1]!.id,
      locationId: boxes[1]!.homeLocationId,
    });
    expect(refused.body.code).toBe("DISCREPANCY_NOT_REPORTED");
    const rep = await keeper.post(`/api/use-services/return-checks/${r.body.id}/report`, {
      cause: "借阅期间遗失于委托方办公室，已查明",
      handling: "委托方补交复印件并追责",
    });
    expect(rep.status).toBe(200);
    expect(rep.body.requestStatus).toBe("returned");
    const pdf = await client.request({
      method: "GET",
      url: `/api/use-services/return-checks/${r.body.id}/report.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    expect((await other.get(`/api/use-services/return-checks/${r.body.id}/report.pdf`)).status).toBe(404);
  });

  it("[D-11.2] a returned box goes back to its recorded location only, and the move is registered", async () => {
    const b = boxes[1]!;
    const elsewhere = (
      await t.services.db
        .selectFrom("location")
        .select("id")
        .where("id", "<>", b.homeLocationId)
        .executeTakeFirstOrThrow()
    ).id;
    const wrong = await operator.post(`/api/use-services/requests/${id}/reshelve`, {
      boxId: b.id,
      locationId: elsewhere,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: "RESHELVE_NOT_HOME", clause: "D-11.2" });
    const ok = await operator.post(`/api/use-services/requests/${id}/reshelve`, {
      boxId: b.id,
      locationId: b.homeLocationId,
    });
    expect(ok.status).toBe(200);
    const m = await t.services.db
      .selectFrom("boxMovement")
      .selectAll()
      .where("id", "=", ok.body.movementId)
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({
      kind: "return",
      toLocationId: b.homeLocationId,
      referenceType: "use_request",
      referenceId: id,
    });
    const box = await t.services.db
      .selectFrom("box")
      .select(["status", "locationId"])
      .where("id", "=", b.id)
      .executeTakeFirstOrThrow();
    expect(box).toEqual({ status: "shelved", locationId: b.homeLocationId });
    const view = await keeper.get(`/api/use-services/requests/${id}`);
    expect(view.body.facts.boxesNotReshelved).toHaveLength(1);
  });
});
