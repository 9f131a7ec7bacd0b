import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;

describe(`incidents (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("[G-7] lets a party report an incident and the regulator close it with investigation, measures and responsibility", async () => {
    const agency = await t.as("custody.manager");
    const projectId = (await agency.get(`/api/projects?q=${encodeURIComponent("2026年度文书档案寄存托管")}`))
      .body.items[0].id;
    const r = await agency.post("/api/incidents", {
      projectId,
      kind: "damage",
      severity: "major",
      title: "库房漏水，3盒受潮",
      clauseId: "D-9.6",
    });
    expect(r.status).toBe(201);
    const city = await t.as("city.inspector");
    const list = await city.get("/api/incidents?status=open");
    expect(list.body.items.map((i: { title: string }) => i.title)).toContain("库房漏水，3盒受潮");

    const client = await t.as("client.officer");
    // G-7: a reported incident is an accountability case: the client records, the regulator closes.
    const byClient = await client.patch(`/api/incidents/${r.body.id}`, { status: "closed", resolution: "x" });
    expect(byClient.body).toMatchObject({ code: "INCIDENT_CLOSED_BY_REGULATOR", clause: "G-7" });
    expect(
      (await agency.patch(`/api/incidents/${r.body.id}`, { status: "closed", resolution: "x" })).status,
    ).toBe(403);
    const pudong = await t.as("pudong.admin");
    const early = await pudong.patch(`/api/incidents/${r.body.id}`, {
      status: "closed",
      resolution: "已处理",
    });
    expect(early.body).toMatchObject({ code: "INVESTIGATION_REQUIRED", clause: "G-7" });
    await client.patch(`/api/incidents/${r.body.id}`, {
      investigation: "屋面防水层老化，雨水沿管井渗入",
      measures: "修复防水层，受潮档案晾干并更换档案盒",
    });
    const noParty = await pudong.patch(`/api/incidents/${r.body.id}`, {
      status: "closed",
      resolution: "已处理",
    });
    expect(noParty.body).toMatchObject({ code: "RESPONSIBILITY_REQUIRED" });
    const detail = (await client.get(`/api/incidents/${r.body.id}`)).body;
    expect(detail).toMatchObject({
      status: "investigating",
      accountable: true,
      permissions: { close: false },
    });
    const closed = await pudong.patch(`/api/incidents/${r.body.id}`, {
      status: "closed",
      responsibleParties: ["agency"],
      responsiblePeople: "库房管理员黄芳",
      resolution: "受潮档案已晾干并更换档案盒，对责任人通报批评",
    });
    expect(closed.status).toBe(200);
    expect((await city.get(`/api/incidents/${r.body.id}`)).body).toMatchObject({
      status: "closed",
      responsibleParties: ["agency"],
      source: "manual",
    });
    const trail = await client.get(`/api/audit/trail?entityType=incident&entityId=${r.body.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      "incident.closed",
      "incident.updated",
      "incident.opened",
    ]);
  });

  it("[G-7] shows where a system-raised incident came from and filters by source", async () => {
    const city = await t.as("city.inspector");
    const sys = (await city.get("/api/incidents?source=system&pageSize=100")).body.items as {
      source: string;
      sourceType: string | null;
    }[];
    expect(sys.length).toBeGreaterThan(0);
    expect(sys.every((i) => i.source === "system" && i.sourceType)).toBe(true);
    const res = await city.request({ method: "GET", url: "/api/incidents/export.xlsx?source=system" });
    expect(res.statusCode).toBe(200);
    // One raised in custody: the digitization agency is no party to it.
    const one = (
      (await city.get("/api/incidents?source=system&pageSize=100")).body.items as {
        id: string;
        sourceType: string;
      }[]
    ).find((i) => !i.sourceType.startsWith("digitization"))!;
    expect((await (await t.as("digit.manager")).get(`/api/incidents/${one.id}`)).status).toBe(404);
  });
});
