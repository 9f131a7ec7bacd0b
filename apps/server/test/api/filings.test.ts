import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
const DEMO_DEPOSIT = "2026年度文书档案寄存托管";

describe(`filings (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it("[G-7] files a national-scope deposit with the client's district regulator when custody starts", async () => {
    const pudong = await t.as("pudong.inspector");
    const list = await pudong.get(`/api/filings?q=${encodeURIComponent(DEMO_DEPOSIT)}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const f = list.body.items[0];
    expect(f).toMatchObject({
      status: "submitted",
      trigger: "project_started",
      regulatorName: "浦东新区档案局（演示）",
    });
    const detail = (await pudong.get(`/api/filings/${f.id}`)).body;
    expect(detail.content).toMatchObject({
      client: { name: "上海申城建设集团有限公司（演示）" },
      agency: { name: "上海安存档案寄存托管有限公司（演示）" },
      contract: { number: "SC-2026-017", termStart: "2026-01-01" },
      quantity: { value: 1200, unit: "盒" },
    });
    expect(detail.nextActions.map((a: { action: string }) => a.action).sort()).toEqual(["return", "verify"]);
    // A huangpu client has no district bureau in the demo: its deposits go to the city.
    const city = await t.as("city.inspector");
    const all = (await city.get("/api/filings?pageSize=100")).body.items as {
      clientName: string;
      regulatorName: string;
    }[];
    expect(
      all
        .filter((x) => x.clientName.includes("黄浦区"))
        .every((x) => x.regulatorName === "上海市档案局（演示）"),
    ).toBe(true);
    expect(all.length).toBeGreaterThan(list.body.items.length);
    // Not a party, not supervising: nothing.
    const other = await t.as("digit.manager");
    expect((await other.get("/api/filings")).body.items).toEqual([]);
    expect((await other.get(`/api/filings/${f.id}`)).status).toBe(404);
  });

  it("[G-7] lets the regulator return with questions, the client answer and resubmit, and the regulator verify", async () => {
    const pudong = await t.as("pudong.inspector");
    const client = await t.as("client.officer");
    const agency = await t.as("custody.manager");
    const f = (await client.get(`/api/filings?q=${encodeURIComponent(DEMO_DEPOSIT)}`)).body.items[0];
    const noQuestions = await pudong.post(`/api/filings/${f.id}/transitions`, { action: "return" });
    expect(noQuestions.body).toMatchObject({ code: "FILING_QUESTIONS_REQUIRED", clause: "G-7" });
    const byAgency = await agency.post(`/api/filings/${f.id}/transitions`, { action: "verify" });
    expect(byAgency.body).toMatchObject({ code: "FILING_WRONG_PARTY", clause: "G-7" });
    expect(byAgency.status).toBe(403);
    expect(
      (await pudong.post(`/api/filings/${f.id}/transitions`, { action: "return", text: "请补充移交清单" }))
        .body,
    ).toEqual({ status: "returned" });
    expect(
      (await client.get("/api/filings?status=returned")).body.items.map((x: { id: string }) => x.id),
    ).toContain(f.id);
    const byRegulator = await pudong.post(`/api/filings/${f.id}/transitions`, {
      action: "resubmit",
      text: "x",
    });
    expect(byRegulator.status).toBe(403);
    expect(
      (await client.post(`/api/filings/${f.id}/transitions`, { action: "resubmit" })).body,
    ).toMatchObject({
      code: "FILING_ANSWER_REQUIRED",
    });
    await client.post(`/api/filings/${f.id}/transitions`, {
      action: "resubmit",
      text: "已补充移交清单（附件）",
    });
    const verified = await pudong.post(`/api/filings/${f.id}/transitions`, { action: "verify" });
    expect(verified.body).toEqual({ status: "verified" });
    const detail = (await client.get(`/api/filings/${f.id}`)).body;
    expect(detail).toMatchObject({ status: "verified", round: 2, questions: "请补充移交清单" });
    expect(detail.exchanges.map((x: { kind: string }) => x.kind)).toEqual([
      "submitted",
      "returned",
      "resubmitted",
      "verified",
    ]);
    const trail = await client.get(`/api/audit/trail?entityType=filing&entityId=${f.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      "filing.verified",
      "filing.resubmitted",
      "filing.returned",
      "filing.submitted",
    ]);
    expect(
      (await pudong.post(`/api/filings/${f.id}/transitions`, { action: "return", text: "再查" })).body,
    ).toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
  });

  it("[G-7] shows a national-scope deposit without a filing as unfiled, to the client and the regulator, until filed", async () => {
    const client = await t.as("client.officer");
    const created = await client.post("/api/projects", {
      name: "补报寄存项目",
      clientOrgId: t.ids["上海申城建设集团有限公司（演示）"],
      agencyOrgId: t.ids["上海安存档案寄存托管有限公司（演示）"],
      serviceType: "custody",
      custodyMode: "deposit",
      hasClassified: false,
      hasNationalScope: false,
      responsibleLeader: "吴志强",
      responsibleDepartment: "档案室",
    });
    expect(created.status).toBe(201);
    // As if it had started before filings existed, then was found to hold national-scope archives.
    await t.services.db
      .updateTable("project")
      .set({ status: "active", hasNationalScope: true, startedAt: new Date() })
      .where("id", "=", created.body.id)
      .execute();
    const pudong = await t.as("pudong.admin");
    for (const who of [client, pudong]) {
      const unfiled = (await who.get("/api/filings/unfiled")).body.items.map(
        (x: { projectId: string }) => x.projectId,
      );
      expect(unfiled).toContain(created.body.id);
    }
    expect((await (await t.as("digit.manager")).get("/api/filings/unfiled")).body.items).toEqual([]);
    expect((await pudong.post("/api/filings", { projectId: created.body.id })).status).toBe(403);
    const filed = await client.post("/api/filings", { projectId: created.body.id });
    expect(filed.status).toBe(201);
    expect((await client.get(`/api/filings/${filed.body.id}`)).body).toMatchObject({
      trigger: "manual",
      status: "submitted",
    });
    expect(
      (await pudong.get("/api/filings/unfiled")).body.items.map((x: { projectId: string }) => x.projectId),
    ).not.toContain(created.body.id);
  });

  it("[G-7] exports the filings in the caller's scope to Excel", async () => {
    const res = await (await t.as("city.admin")).request({ method: "GET", url: "/api/filings/export.xlsx" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
  });
});
