import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
const ANCUN = "上海安存档案寄存托管有限公司（演示）";
const HENGJIU = "上海恒久档案托管有限公司（演示）";
const names = (body: { items: { name: string }[] }) => body.items.map((a) => a.name);

describe(`agency registry (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it("[G-12] lists agencies to the city, a district regulator's own districts, an agency itself", async () => {
    const city = (await (await t.as("city.inspector")).get("/api/registry/agencies?pageSize=100")).body;
    expect(names(city)).toEqual(
      expect.arrayContaining([ANCUN, HENGJIU, "华美国际档案服务（上海）有限公司（演示）"]),
    );
    const ancun = city.items.find((a: { name: string }) => a.name === ANCUN);
    expect(ancun.staffCount).toBeGreaterThan(0);
    expect(ancun.vaultCount).toBeGreaterThan(0);
    const pudong = (await (await t.as("pudong.inspector")).get("/api/registry/agencies")).body;
    expect(names(pudong)).toEqual([HENGJIU]);
    expect(names((await (await t.as("custody.manager")).get("/api/registry/agencies")).body)).toEqual([
      ANCUN,
    ]);
    const filtered = (await (await t.as("city.admin")).get("/api/registry/agencies?foreignBacked=true")).body;
    expect(names(filtered)).toEqual(["华美国际档案服务（上海）有限公司（演示）"]);
    const suspended = (await (await t.as("city.admin")).get("/api/registry/agencies?status=suspended")).body;
    expect(names(suspended)).toEqual(["上海记忆档案服务有限公司（演示）"]);
  });

  it("[G-14][G-11] shows an agency's staff by professional title, facilities, projects, acceptance results and standing history", async () => {
    const city = await t.as("city.inspector");
    const entry = (await city.get(`/api/registry/agencies/${t.ids[HENGJIU]}`)).body;
    expect(entry.staff.byTitle).toMatchObject({ senior: 1, intermediate: 1 });
    expect(entry.staff.archiveProfessionals).toBe(2);
    expect(entry.projects.map((p: { name: string }) => p.name)).toContain("2010—2020年工程档案寄存");
    expect(entry.incidents[0]).toMatchObject({ kind: "leak", responsibleParties: ["agency"] });
    // G-11: the demo's failed final acceptance of that project is on the agency's record.
    expect(entry.acceptance).toMatchObject({ passed: 0, failed: 1 });
    expect(entry.acceptance.rounds[0]).toMatchObject({ verdict: "failed", round: 1 });
    const own = await (await t.as("custody.manager")).get(`/api/registry/agencies/${t.ids[ANCUN]}`);
    expect(own.status).toBe(200);
    expect(own.body.facilities.vaults.length).toBeGreaterThan(0);
    expect(
      (await (await t.as("custody.manager")).get(`/api/registry/agencies/${t.ids[HENGJIU]}`)).status,
    ).toBe(404);
    expect((await (await t.as("pudong.admin")).get(`/api/registry/agencies/${t.ids[ANCUN]}`)).status).toBe(
      404,
    );
  });

  it("[G-12] suspends an agency only by a supervising regulator with a reason, audited, and blocks new work", async () => {
    const id = t.ids[HENGJIU]!;
    const pudong = await t.as("pudong.admin");
    expect((await pudong.get(`/api/registry/agencies/${id}`)).body.nextStandingActions).toEqual([
      "suspend",
      "revoke",
    ]);
    const inspector = await t.as("pudong.inspector");
    expect(
      (await inspector.post(`/api/registry/agencies/${id}/standing`, { action: "suspend", reason: "x" }))
        .status,
    ).toBe(403);
    const manager = await t.as("custody.manager");
    expect(
      (
        await manager.post(`/api/registry/agencies/${t.ids[ANCUN]}/standing`, {
          action: "suspend",
          reason: "x",
        })
      ).status,
    ).toBe(403);
    const noReason = await pudong.post(`/api/registry/agencies/${id}/standing`, { action: "suspend" });
    expect(noReason.body).toMatchObject({ code: "STANDING_REASON_REQUIRED", clause: "G-12" });
    const ok = await pudong.post(`/api/registry/agencies/${id}/standing`, {
      action: "suspend",
      reason: "事故调查期间暂停承接新业务",
    });
    expect(ok.body).toEqual({ registrationStatus: "suspended" });
    const entry = (await pudong.get(`/api/registry/agencies/${id}`)).body;
    expect(entry.registrationStatus).toBe("suspended");
    expect(entry.standingHistory[0]).toMatchObject({
      action: "suspend",
      reason: "事故调查期间暂停承接新业务",
    });
    const trail = await pudong.get(`/api/audit/trail?entityType=organisation&entityId=${id}`);
    expect(trail.body.items[0]).toMatchObject({ action: "organisation.standing_changed" });
    // G-12: a suspended agency's project cannot resume work.
    const client = await t.as("client2.officer");
    const project = (await client.get(`/api/projects?q=${encodeURIComponent("街道人事档案托管")}`)).body
      .items[0];
    await client.post(`/api/projects/${project.id}/transitions`, { action: "suspend" });
    const resume = await client.post(`/api/projects/${project.id}/transitions`, { action: "resume" });
    expect(resume.body).toMatchObject({ code: "AGENCY_NOT_ACTIVE", clause: "G-12" });
    expect(
      (
        await pudong.post(`/api/registry/agencies/${id}/standing`, {
          action: "reinstate",
          reason: "整改完成",
        })
      ).body,
    ).toEqual({ registrationStatus: "active" });
  });

  it("[D-4.2] exports the register to Excel", async () => {
    const res = await (await t.as("city.admin")).request({
      method: "GET",
      url: "/api/registry/agencies/export.xlsx",
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
  });
});
