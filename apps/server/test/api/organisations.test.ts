import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
const FOREIGN = "华美国际档案服务（上海）有限公司（演示）";
const CUSTODY = "上海安存档案寄存托管有限公司（演示）";

describe(`organisations and users (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("[G-12] registers an agency with its licence, service types and signing key", async () => {
    const admin = await t.as("city.admin");
    const r = await admin.post("/api/organisations", {
      kind: "agency",
      name: "上海测试数字化公司",
      district: "songjiang",
      serviceTypes: ["digitization"],
      licenceNumber: "310117000000009",
      businessScope: "档案数字化",
    });
    expect(r.status).toBe(201);
    const detail = await admin.get(`/api/organisations/${r.body.id}`);
    expect(detail.body.signingKey.publicKeyPem).toContain("BEGIN PUBLIC KEY");
    expect(detail.body.permissions.changeStanding).toBe(true);
  });

  it("[G-2][G-12] refuses an agency without service types or licence", async () => {
    const admin = await t.as("city.admin");
    const a = await admin.post("/api/organisations", {
      kind: "agency",
      name: "无执照公司",
      district: "songjiang",
      licenceNumber: "1",
    });
    expect(a.body).toMatchObject({ code: "ORGANISATION_SHAPE", clause: "G-2" });
    const b = await admin.post("/api/organisations", {
      kind: "agency",
      name: "无执照公司",
      district: "songjiang",
      serviceTypes: ["custody"],
    });
    expect(b.body).toMatchObject({ code: "ORGANISATION_SHAPE", clause: "G-12" });
  });

  it("[G-12] lets a district regulator register only in its own districts", async () => {
    const pudong = await t.as("pudong.admin");
    expect(
      (await pudong.post("/api/organisations", { kind: "client", name: "浦东某局", district: "pudong" }))
        .status,
    ).toBe(201);
    expect(
      (await pudong.post("/api/organisations", { kind: "client", name: "徐汇某局", district: "xuhui" }))
        .status,
    ).toBe(403);
  });

  it("[G-12] keeps an agency's standing for the regulator; the agency edits only its profile", async () => {
    const manager = await t.as("custody.manager");
    const id = t.ids[CUSTODY]!;
    expect((await manager.patch(`/api/organisations/${id}`, { contactName: "新联系人" })).status).toBe(200);
    const r = await manager.patch(`/api/organisations/${id}`, {
      registrationStatus: "active",
      foreignBacked: false,
    });
    expect(r.status).toBe(403);
  });

  it("[G-12] audits a change of standing with before and after", async () => {
    const admin = await t.as("city.admin");
    const id = t.ids[FOREIGN]!;
    const r = await admin.patch(`/api/organisations/${id}`, { registrationStatus: "suspended" });
    expect(r.status).toBe(200);
    const events = await admin.get(`/api/audit?entityId=${id}&action=organisation.standing_changed`);
    expect(events.body.items[0].payload.changes.registrationStatus).toEqual({
      before: "active",
      after: "suspended",
    });
    const client = await t.as("client2.officer");
    const projects = await client.get("/api/projects");
    const deposit = projects.body.items.find((p: { agencyName: string }) => p.agencyName.startsWith("华美"));
    const detail = await client.get(`/api/projects/${deposit.id}`);
    expect(
      detail.body.nextActions.find((a: { action: string }) => a.action === "start").blockedBy.clause,
    ).toBe("G-10");
  });

  it("[G-4] refuses roles that do not belong to the organisation's kind", async () => {
    const admin = await t.as("client.admin");
    const me = await admin.get("/api/auth/session");
    const r = await admin.post("/api/users", {
      orgId: me.body.me.orgId,
      username: "wrong.role",
      displayName: "x",
      roles: ["agency_vault_keeper"],
      password: "long-enough-password",
    });
    expect(r.body).toMatchObject({ code: "ROLE_NOT_FOR_ORG_KIND", clause: "G-4" });
  });

  it("masks phone numbers for outsiders and shows them to the organisation itself", async () => {
    const outsider = await t.as("digit.manager");
    const list = await outsider.get(`/api/organisations?kind=agency&q=${encodeURIComponent("安存")}`);
    expect(list.body.items[0].contactPhone).toBe("139****1111");
    const insider = await t.as("custody.keeper");
    expect((await insider.get(`/api/organisations/${t.ids[CUSTODY]}`)).body.contactPhone).toBe("13900001111");
  });

  it("lists with search, filters and pagination", async () => {
    const admin = await t.as("city.admin");
    const page1 = await admin.get("/api/organisations?pageSize=3&page=1");
    const page2 = await admin.get("/api/organisations?pageSize=3&page=2");
    expect(page1.body.items).toHaveLength(3);
    expect(page1.body.total).toBeGreaterThan(6);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    const agencies = await admin.get("/api/organisations?kind=agency&serviceType=digitization");
    expect(
      agencies.body.items.every((o: { serviceTypes: string[] }) => o.serviceTypes.includes("digitization")),
    ).toBe(true);
  });
});
