import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;

describe(`incidents (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("[G-7] lets a party report an incident, the regulator see it, and closes it only with a resolution", async () => {
    const agency = await t.as("custody.manager");
    const projectId = (await agency.get("/api/projects")).body.items[0].id;
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
    const noResolution = await client.patch(`/api/incidents/${r.body.id}`, { status: "closed" });
    expect(noResolution.body).toMatchObject({ code: "RESOLUTION_REQUIRED", clause: "G-7" });
    expect(
      (await agency.patch(`/api/incidents/${r.body.id}`, { status: "closed", resolution: "x" })).status,
    ).toBe(403);
    const closed = await client.patch(`/api/incidents/${r.body.id}`, {
      status: "closed",
      resolution: "受潮档案已晾干并更换档案盒",
    });
    expect(closed.status).toBe(200);
    const trail = await client.get(`/api/audit/trail?entityType=incident&entityId=${r.body.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      "incident.closed",
      "incident.opened",
    ]);
  });
});
