// Final acceptance (G-11, Z-8.2): the client's checklist from the system's data,
// a pass refused while anything is open, a failure that raises a rectification
// order the agency answers and the client decides, and the regulator's view.
import { testDbMode } from "@dangan/db/testing";
import { sha256Hex, sm3Hex } from "@dangan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../src/demo/demo-pdf.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
let client: Client;
let agency: Client;

function evidence(c: Client, orderId: string) {
  const boundary = "----acceptance-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="补交介质.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  return c.request({
    method: "POST",
    url: `/api/attachments?entityType=rectification_order&entityId=${orderId}&label=evidence`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), demoPdf("evidence"), Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

/** A fresh custody project between the demo client and custody agency, under way, with nothing open. */
async function cleanProject(name: string) {
  const created = await client.post("/api/projects", {
    name,
    clientOrgId: t.ids["上海申城建设集团有限公司（演示）"],
    agencyOrgId: t.ids["上海安存档案寄存托管有限公司（演示）"],
    serviceType: "custody",
    custodyMode: "custody",
    hasClassified: false,
    hasNationalScope: false,
    responsibleLeader: "吴志强",
    responsibleDepartment: "档案室",
  });
  expect(created.status).toBe(201);
  await t.services.db
    .updateTable("project")
    .set({ status: "active", startedAt: new Date() })
    .where("id", "=", created.body.id)
    .execute();
  return created.body.id as string;
}

describe(`final acceptance (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    client = await t.as("client.officer");
    agency = await t.as("custody.manager");
  });
  afterAll(() => t.close());

  it("[Z-8.2] lists devices, media handover, CCTV, originals and QC for a digitization project, with open points from data", async () => {
    const digit = (await client.get("/api/projects?serviceType=digitization&status=active")).body.items[0];
    const r = await client.get(`/api/projects/${digit.id}/acceptance`);
    expect(r.status).toBe(200);
    const keys = r.body.items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "devices",
        "media_handover",
        "cctv_recordings",
        "originals_returned",
        "quality",
      ]),
    );
    // The demo project is under way: originals are out and results not handed over.
    const item = (k: string) => r.body.items.find((i: { key: string }) => i.key === k);
    expect(item("originals_returned").ok).toBe(false);
    expect(item("originals_returned").open.length).toBeGreaterThan(0);
    expect(item("media_handover").ok).toBe(false);
    const pass = await client.post(`/api/projects/${digit.id}/acceptances`, {
      verdict: "passed",
      confirmed: ["cctv_recordings"],
    });
    expect(pass.status).toBe(422);
    expect(pass.body).toMatchObject({ code: "ACCEPTANCE_ITEMS_OPEN", clause: "Z-8.2" });
    expect(pass.body.details?.open ?? []).toContain("originals_returned");
  });

  it("[Z-7.7][Z-8.2] refuses to complete a digitization project without a passed acceptance", async () => {
    const digit = (await client.get("/api/projects?serviceType=digitization&status=active")).body.items[0];
    const detail = (await client.get(`/api/projects/${digit.id}`)).body;
    const complete = detail.nextActions.find((a: { action: string }) => a.action === "complete");
    expect(complete.blockedBy).toMatchObject({ code: "ACCEPTANCE_NOT_PASSED", clause: "Z-8.2" });
    const res = await client.post(`/api/projects/${digit.id}/transitions`, { action: "complete" });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "ACCEPTANCE_NOT_PASSED" });
  });

  it("[G-11][G-7] turns a failed acceptance into a rectification order the agency answers and the client decides", async () => {
    const id = await cleanProject("验收整改项目");
    expect(
      (await agency.post(`/api/projects/${id}/acceptances`, { verdict: "failed", requirement: "x" })).status,
    ).toBe(403);
    const noRequirement = await client.post(`/api/projects/${id}/acceptances`, { verdict: "failed" });
    expect(noRequirement.status).toBe(400);
    const failed = await client.post(`/api/projects/${id}/acceptances`, {
      verdict: "failed",
      requirement: "补交库房温湿度记录并说明超标原因",
      note: "温湿度记录缺两周",
    });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ round: 1, verdict: "failed" });
    const orderId = failed.body.orderId as string;
    const order = (await agency.get(`/api/oversight/rectifications/${orderId}`)).body;
    expect(order).toMatchObject({ addressee: "agency", status: "open" });
    // The open order now stands in the way of passing.
    const blocked = await client.post(`/api/projects/${id}/acceptances`, { verdict: "passed" });
    expect(blocked.body).toMatchObject({
      code: "ACCEPTANCE_ITEMS_OPEN",
      details: { open: ["rectifications"] },
    });

    expect((await evidence(agency, orderId)).statusCode).toBe(201);
    expect(
      (await agency.post(`/api/oversight/rectifications/${orderId}/respond`, { response: "已补交" })).status,
    ).toBe(200);
    expect(
      (await agency.post(`/api/oversight/rectifications/${orderId}/decide`, { decision: "accept" })).status,
    ).toBe(403);
    const decided = await client.post(`/api/oversight/rectifications/${orderId}/decide`, {
      decision: "accept",
    });
    expect(decided.status).toBe(200);

    const passed = await client.post(`/api/projects/${id}/acceptances`, {
      verdict: "passed",
      note: "复验合格",
    });
    expect(passed.status).toBe(201);
    expect(passed.body).toMatchObject({ round: 2, verdict: "passed", orderId: null });
    const history = (await client.get(`/api/projects/${id}/acceptance`)).body.history;
    expect(history.map((h: { verdict: string }) => h.verdict)).toEqual(["passed", "failed"]);
    const trail = await client.get(
      `/api/audit/trail?entityType=project_acceptance&entityId=${passed.body.id}`,
    );
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain("acceptance.passed");
  });

  it("[Z-8.2][Z-7.7][Z-8.3] passes a digitization project once its results are handed over, then lets it close", async () => {
    const created = await client.post("/api/projects", {
      name: "验收结项数字化项目",
      clientOrgId: t.ids["上海申城建设集团有限公司（演示）"],
      agencyOrgId: t.ids["上海数典档案数字化服务有限公司（演示）"],
      serviceType: "digitization",
      hasClassified: false,
      hasNationalScope: false,
      responsibleLeader: "吴志强",
      responsibleDepartment: "档案室",
      siteKind: "client_premises",
      siteAddress: "B1 数字化用房",
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await t.services.db
      .updateTable("project")
      .set({ status: "active", startedAt: new Date() })
      .where("id", "=", id)
      .execute();
    const open = async () =>
      ((await client.get(`/api/projects/${id}/acceptance`)).body.items as { key: string; ok: boolean }[])
        .filter((i) => !i.ok)
        .map((i) => i.key);
    expect(await open()).toEqual(["media_handover", "cctv_recordings"]);

    // Z-7.7: the results medium handed over with its manifest, verified by the client, no copy kept.
    const digit = await t.as("digit.manager");
    const S = "/api/digitization-site";
    const medium = await digit.post(`${S}/projects/${id}/media`, {
      label: "R-9",
      kind: "hdd",
      capacityGb: 2000,
      purpose: "results",
    });
    expect(medium.status).toBe(201);
    const files = [{ path: "R-9/0001.tif", sizeBytes: 4, sm3: sm3Hex("page"), sha256: sha256Hex("page") }];
    const h = await digit.post(`${S}/projects/${id}/handovers`, {
      mediaIds: [medium.body.id],
      receivedByName: "周红",
      files,
    });
    expect(h.status).toBe(201);
    expect(
      (await client.post(`${S}/handovers/${h.body.id}/verify`, { manifest: JSON.stringify(files) })).body
        .outcome,
    ).toBe("match");
    expect((await digit.post(`${S}/handovers/${h.body.id}/no-copy`)).status).toBe(201);
    expect(await open()).toEqual(["cctv_recordings"]);

    const passed = await client.post(`/api/projects/${id}/acceptances`, {
      verdict: "passed",
      confirmed: ["cctv_recordings"],
    });
    expect(passed.status).toBe(201);
    const done = await client.post(`/api/projects/${id}/transitions`, { action: "complete" });
    expect(done.status).toBe(200);
    expect((await client.get(`/api/projects/${id}`)).body.status).toBe("completed");
  });

  it("[G-11][G-4] shows acceptances to the project's regulator, never to a stranger", async () => {
    const id = await cleanProject("验收可见性项目");
    await client.post(`/api/projects/${id}/acceptances`, { verdict: "failed", requirement: "整改" });
    const city = await t.as("city.inspector");
    const list = await city.get("/api/acceptances?verdict=failed");
    expect(list.body.items.map((a: { projectId: string }) => a.projectId)).toContain(id);
    const stranger = await t.as("client2.officer");
    expect(
      (await stranger.get("/api/acceptances")).body.items.map((a: { projectId: string }) => a.projectId),
    ).not.toContain(id);
    expect((await stranger.get(`/api/projects/${id}/acceptance`)).status).toBe(404);
    const draft = (
      await client.post("/api/projects", {
        name: "草稿项目",
        clientOrgId: t.ids["上海申城建设集团有限公司（演示）"],
        agencyOrgId: t.ids["上海安存档案寄存托管有限公司（演示）"],
        serviceType: "custody",
        custodyMode: "custody",
        hasClassified: false,
        hasNationalScope: false,
        responsibleLeader: "吴志强",
        responsibleDepartment: "档案室",
      })
    ).body.id;
    const early = await client.post(`/api/projects/${draft}/acceptances`, { verdict: "passed" });
    expect(early.body).toMatchObject({ code: "PROJECT_NOT_ACTIVE", clause: "G-11" });
    const xlsx = await city.request({ method: "GET", url: "/api/acceptances/export.xlsx" });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});
