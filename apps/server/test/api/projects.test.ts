import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
const CLIENT_A = "上海申城建设集团有限公司（演示）";
const FOREIGN = "华美国际档案服务（上海）有限公司（演示）";
const CUSTODY = "上海安存档案寄存托管有限公司（演示）";
const DIGITIZATION = "上海数典档案数字化服务有限公司（演示）";

const base = () => ({
  name: "测试项目",
  clientOrgId: t.ids[CLIENT_A]!,
  agencyOrgId: t.ids[CUSTODY]!,
  serviceType: "custody",
  hasClassified: false,
  hasNationalScope: false,
  responsibleLeader: "吴志强",
  responsibleDepartment: "档案室",
});

describe(`projects API (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("[G-3][Z-4.4] refuses national-scope archives to a foreign-backed agency, citing the clause", async () => {
    const c = await t.as("client.officer");
    const custody = await c.post("/api/projects", {
      ...base(),
      agencyOrgId: t.ids[FOREIGN],
      hasNationalScope: true,
    });
    expect(custody.status).toBe(422);
    expect(custody.body).toMatchObject({ code: "NATIONAL_SCOPE_FOREIGN_AGENCY", clause: "G-3" });
    expect(custody.body.message.zh).toContain("外资背景");
    expect(custody.body.message.en).toContain("foreign-backed");
    const digit = await c.post("/api/projects", {
      ...base(),
      serviceType: "digitization",
      agencyOrgId: t.ids[FOREIGN],
      hasNationalScope: true,
      siteKind: "client_premises",
      siteAddress: "B1",
    });
    expect(digit.body).toMatchObject({ code: "NATIONAL_SCOPE_FOREIGN_AGENCY", clause: "Z-4.4" });
  });

  it("[G-3][D-4.5][Z-4.3] refuses classified archives for every service type", async () => {
    const c = await t.as("client.officer");
    const r1 = await c.post("/api/projects", { ...base(), hasClassified: true });
    expect(r1.body).toMatchObject({ code: "CLASSIFIED_ARCHIVES_FORBIDDEN", clause: "D-4.5" });
    const r2 = await c.post("/api/projects", {
      ...base(),
      serviceType: "digitization",
      agencyOrgId: t.ids[DIGITIZATION],
      hasClassified: true,
      siteKind: "client_premises",
      siteAddress: "x",
    });
    expect(r2.body).toMatchObject({ code: "CLASSIFIED_ARCHIVES_FORBIDDEN", clause: "Z-4.3" });
    const r3 = await c.post("/api/projects", {
      ...base(),
      serviceType: "arrangement",
      agencyOrgId: t.ids[DIGITIZATION],
      hasClassified: true,
    });
    expect(r3.body).toMatchObject({ code: "CLASSIFIED_ARCHIVES_FORBIDDEN", clause: "G-3" });
  });

  it("[Z-4.2] refuses digitization away from the client's premises or a designated site", async () => {
    const c = await t.as("client.officer");
    const r = await c.post("/api/projects", {
      ...base(),
      serviceType: "digitization",
      agencyOrgId: t.ids[DIGITIZATION],
      siteKind: "agency_premises",
      siteAddress: "徐汇",
    });
    expect(r.body).toMatchObject({ code: "DIGITIZATION_SITE_NOT_ALLOWED", clause: "Z-4.2" });
  });

  it("[G-2] refuses a service type the agency is not registered for", async () => {
    const c = await t.as("client.officer");
    const r = await c.post("/api/projects", { ...base(), serviceType: "system_building" });
    expect(r.body).toMatchObject({ code: "AGENCY_SERVICE_NOT_OFFERED", clause: "G-2" });
  });

  it("[G-3] refuses turning a project national-scope when its agency is foreign-backed", async () => {
    const c = await t.as("client2.officer");
    const list = await c.get("/api/projects");
    const deposit = list.body.items.find((p: { agencyName: string }) => p.agencyName === FOREIGN);
    const r = await c.patch(`/api/projects/${deposit.id}`, { hasNationalScope: true });
    expect(r.body).toMatchObject({ code: "NATIONAL_SCOPE_FOREIGN_AGENCY", clause: "G-3" });
  });

  it("[G-3] refuses marking an agency foreign-backed while it holds national-scope projects", async () => {
    const admin = await t.as("city.admin");
    const r = await admin.patch(`/api/organisations/${t.ids[CUSTODY]}`, { foreignBacked: true });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "NATIONAL_SCOPE_FOREIGN_AGENCY", clause: "G-3" });
  });

  it("[G-10] refuses to start a project without a signed contract, then starts it once signed", async () => {
    const c = await t.as("client.officer");
    const created = await c.post("/api/projects", base());
    expect(created.status).toBe(201);
    const id = created.body.id;
    const start = await c.post(`/api/projects/${id}/transitions`, { action: "start" });
    expect(start.body).toMatchObject({ code: "CONTRACT_NOT_SIGNED", clause: "G-10" });

    const detail = await c.get(`/api/projects/${id}`);
    expect(
      detail.body.nextActions.find((a: { action: string }) => a.action === "start").blockedBy.clause,
    ).toBe("G-10");
  });

  it("[G-10][D-7.3] refuses to sign an incomplete contract and names the missing terms", async () => {
    const c = await t.as("client.officer");
    const { body: p } = await c.post("/api/projects", base());
    const r = await c.post(`/api/projects/${p.id}/contract/sign`, {
      signedDocumentId: p.id,
      signedOn: "2026-01-01",
    });
    expect(r.body.code).toBe("CONTRACT_INCOMPLETE");
    expect(r.body.details.missing.map((m: { field: string }) => m.field)).toContain("damageCompensation");
    expect(
      r.body.details.missing.find((m: { field: string }) => m.field === "damageCompensation").clause,
    ).toBe("D-7.3");
  });

  it("[G-11] keeps problems open in the ledger until a rectification closes them", async () => {
    const c = await t.as("client.officer");
    const { body: p } = await c.post("/api/projects", base());
    const problem = await c.post(`/api/projects/${p.id}/ledger`, {
      kind: "problem",
      occurredOn: "2026-05-01",
      summary: "温湿度记录缺失",
    });
    expect(problem.body.status).toBe("open");
    const fix = await c.post(`/api/projects/${p.id}/ledger`, {
      kind: "rectification",
      occurredOn: "2026-05-03",
      summary: "补记录",
      resolvesEntryId: problem.body.id,
    });
    expect(fix.status).toBe(201);
    const open = await c.get(`/api/projects/${p.id}/ledger?status=open`);
    expect(open.body.items).toHaveLength(0);
    const again = await c.post(`/api/projects/${p.id}/ledger`, {
      kind: "rectification",
      occurredOn: "2026-05-04",
      summary: "again",
      resolvesEntryId: problem.body.id,
    });
    expect(again.body.code).toBe("PROBLEM_ALREADY_CLOSED");
  });

  it("[G-4] lets only the client's managers change its project; the agency reads it", async () => {
    const agency = await t.as("custody.manager");
    const list = await agency.get("/api/projects");
    expect(list.body.total).toBeGreaterThan(0);
    const id = list.body.items[0].id;
    const r = await agency.patch(`/api/projects/${id}`, { name: "改名" });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe("FORBIDDEN");
  });

  it("[G-9][Z-5.1] refuses a digitization project that names no responsible leader or department", async () => {
    const c = await t.as("client.officer");
    const body = {
      ...base(),
      agencyOrgId: t.ids[DIGITIZATION]!,
      serviceType: "digitization",
      siteKind: "client_premises",
      siteAddress: "委托方档案馆三楼数字化用房",
    };
    for (const missing of ["responsibleLeader", "responsibleDepartment"] as const) {
      const r = await c.post("/api/projects", { ...body, [missing]: "  " });
      expect(r.status).toBe(400);
      expect(r.body.details.issues.map((i: { path: string }) => i.path)).toContain(`body.${missing}`);
    }
    const ok = await c.post("/api/projects", { ...body, name: "分管领导测试" });
    expect(ok.status).toBe(201);
    const got = await c.get(`/api/projects/${ok.body.id}`);
    expect(got.body).toMatchObject({ responsibleLeader: "吴志强", responsibleDepartment: "档案室" });
  });

  it("reports invalid bodies field by field", async () => {
    const c = await t.as("client.officer");
    const r = await c.post("/api/projects", { name: "" });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe("VALIDATION_FAILED");
    expect(r.body.details.issues.length).toBeGreaterThan(3);
    expect(r.body.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });

  it("exports the project list to Excel", async () => {
    const c = await t.as("client.officer");
    const res = await c.request({ method: "GET", url: "/api/projects/export.xlsx" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

describe(`project lists for home pages (${testDbMode()})`, () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await startTestApp();
  });
  afterAll(() => t2.close());

  it("[G-11] lists open ledger problems across my projects and counts them per project", async () => {
    const c = await t2.as("client.officer");
    const { body: p } = await c.get("/api/projects?contractStatus=signed");
    expect(p.items.every((x: { contractStatus: string }) => x.contractStatus === "signed")).toBe(true);
    const id = p.items[0].id;
    await c.post(`/api/projects/${id}/ledger`, {
      kind: "problem",
      occurredOn: "2026-07-01",
      summary: "消防器材过期",
    });
    const open = await c.get("/api/ledger/problems?status=open");
    expect(open.body.items.map((e: { summary: string }) => e.summary)).toContain("消防器材过期");
    const after = await c.get(`/api/projects?q=${p.items[0].code}`);
    expect(after.body.items[0].openProblems).toBe(1);
    const other = await t2.as("client2.officer");
    expect((await other.get("/api/ledger/problems")).body.total).toBe(0);
  });

  it("[G-12] filters agencies by standing and foreign backing", async () => {
    const c = await t2.as("city.inspector");
    const foreign = await c.get("/api/organisations?kind=agency&foreignBacked=true");
    expect(foreign.body.items.map((o: { name: string }) => o.name)).toEqual([FOREIGN]);
    const active = await c.get("/api/organisations?kind=agency&registrationStatus=active");
    expect(active.body.total).toBe(4); // the demo suspends one of five agencies (registry-demo.ts)
  });
});
