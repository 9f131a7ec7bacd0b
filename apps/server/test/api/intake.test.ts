// The intake workflow's gates, by clause: site visit before the first intake
// (D-7.2), the client present at unshelving and boxing (D-8.1), treatment
// before intake (D-8.4), no loading unsealed (D-8.6), escorts (D-8.7).
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { driver, type IntakeWorld, intakeWorld, makeCatalogue } from "./intake-world.ts";

let t: TestApp;
let w: IntakeWorld;
let agency: Client;
let client: Client;
let d: ReturnType<typeof driver>;

describe(`intake workflow (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await intakeWorld(t);
    agency = await t.as("custody.manager");
    client = await t.as("client.officer");
    d = driver(agency, client, w);
  });
  afterAll(() => t.close());

  it("[D-7.2] refuses the first intake of a project without a site visit, then allows it once visited", async () => {
    const cat = await makeCatalogue(t, w, [{ title: "2019年发文" }]);
    const b = await d.batch([cat.catalogueId]);
    expect(b.status).toBe("site_visit");
    const detail = (await agency.get(`/api/intake/batches/${b.id}`)).body;
    expect(detail.nextActions.find((a: any) => a.action === "unshelve").blockedBy).toMatchObject({
      clause: "D-7.2",
    });
    const refused = await d.step(b.id, {
      action: "unshelve",
      people: d.both,
      counts: [{ catalogueId: cat.catalogueId, counted: 1 }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "SITE_VISIT_REQUIRED", clause: "D-7.2" });

    const agencyOnly = await d.step(b.id, { action: "site_visit", people: [w.users["custody.manager"]] });
    expect(agencyOnly.body).toMatchObject({ code: "INTAKE_PERSON_REQUIRED", clause: "D-7.2" });
    await d.ok(
      d.step(b.id, {
        action: "site_visit",
        people: d.both,
        performedOn: "2026-03-10",
        notes: "库房条件良好",
      }),
    );
    await d.ok(
      d.step(b.id, {
        action: "unshelve",
        people: d.both,
        counts: [{ catalogueId: cat.catalogueId, counted: 1 }],
      }),
    );

    // The project's later batches rely on that visit: no second visit is needed.
    const cat2 = await makeCatalogue(t, w, [{ title: "2020年发文" }]);
    const b2 = await d.batch([cat2.catalogueId], "第二批");
    const later = (await agency.get(`/api/intake/batches/${b2.id}`)).body;
    expect(later.siteVisit).toMatchObject({ batchCode: b.code, performedOn: "2026-03-10" });
    expect(later.nextActions.find((a: any) => a.action === "unshelve").blockedBy).toBeUndefined();
  });

  it("[D-8.1] refuses unshelving without a named client person, and people who are not of the parties", async () => {
    const cat = await makeCatalogue(t, w, [{ title: "会议纪要" }]);
    const b = await d.batch([cat.catalogueId]);
    const counts = [{ catalogueId: cat.catalogueId, counted: 1 }];
    const noClient = await d.step(b.id, { action: "unshelve", people: [w.users["custody.manager"]], counts });
    expect(noClient.status).toBe(422);
    expect(noClient.body).toMatchObject({ code: "INTAKE_PERSON_REQUIRED", clause: "D-8.1" });
    const stranger = await d.step(b.id, {
      action: "unshelve",
      people: [...d.both, w.users["client2.officer"]],
      counts,
    });
    expect(stranger.body).toMatchObject({ code: "INTAKE_PERSON_NOT_A_PARTY", clause: "D-8.1" });
    const uncounted = await d.step(b.id, { action: "unshelve", people: d.both, counts: [] });
    expect(uncounted.status).toBe(400);
    const ok = await d.step(b.id, { action: "unshelve", people: d.both, counts });
    expect(ok.status).toBe(200);
    const detail = (await client.get(`/api/intake/batches/${b.id}`)).body;
    const step = detail.steps.find((s: any) => s.action === "unshelve");
    expect(step.people.map((p: any) => p.side).sort()).toEqual(["agency", "client"]);
    expect(step.records.counts[0]).toMatchObject({ listed: 1, counted: 1 });
  });

  it("[D-8.4] holds a box with mould for treatment: no sealing or loading until a treatment record clears it", async () => {
    const cat = await makeCatalogue(t, w, [{ title: "霉变卷" }, { title: "完好卷" }]);
    const b = await d.batch([cat.catalogueId]);
    const counts = [{ catalogueId: cat.catalogueId, counted: 2 }];
    await d.toBoxing(b.id, counts, [{ itemId: cat.itemIds[0], condition: "mould", note: "边角霉斑" }]);
    const box = await d.box(b.id, cat.itemIds);
    expect(box.status).toBe("treatment");
    await d.ok(d.step(b.id, { action: "finish_boxing", people: d.both }));
    const sealing = await agency.post(`/api/boxes/${box.id}/seal`, { sealNumber: "S-T1", outsideOk: true });
    expect(sealing.body).toMatchObject({ code: "BOX_IN_TREATMENT", clause: "D-8.4" });
    const loading = await d.step(b.id, { action: "load", people: d.both, transport: { by: "agency" } });
    expect(loading.body).toMatchObject({ code: "BOX_IN_TREATMENT", clause: "D-8.4" });

    const detail = (await agency.get(`/api/intake/batches/${b.id}`)).body;
    const problem = detail.conditions.find((c: any) => c.condition === "mould");
    const treated = await client.post(`/api/intake/conditions/${problem.id}/treatment`, {
      method: "低温冷冻杀菌",
      treatedOn: "2026-04-01",
      treatedBy: "上海档案保护技术中心",
    });
    expect(treated.body).toMatchObject({ boxStatus: "packing" });
    await d.seal(box.id, "S-T1");
    await d.ok(d.step(b.id, { action: "load", people: d.both, transport: { by: "agency" } }));
    const history = (await client.get(`/api/boxes/${box.id}`)).body;
    expect(history.conditions[0]).toMatchObject({ condition: "mould", treatmentMethod: "低温冷冻杀菌" });
  });

  it("[D-8.6] refuses to load while a box is unsealed, and to seal a box whose outside failed inspection", async () => {
    const cat = await makeCatalogue(t, w, [{ title: "甲" }, { title: "乙" }]);
    const b = await d.batch([cat.catalogueId]);
    await d.toBoxing(b.id, [{ catalogueId: cat.catalogueId, counted: 2 }]);
    const one = await d.box(b.id, [cat.itemIds[0]!]);
    const two = await d.box(b.id, [cat.itemIds[1]!]);
    await d.ok(d.step(b.id, { action: "finish_boxing", people: d.both }));
    await d.seal(one.id, "S-601");
    const badOutside = await agency.post(`/api/boxes/${two.id}/seal`, {
      sealNumber: "S-602",
      outsideOk: false,
    });
    expect(badOutside.body).toMatchObject({ code: "OUTSIDE_INSPECTION_FAILED", clause: "D-8.6" });
    const reused = await agency.post(`/api/boxes/${two.id}/seal`, { sealNumber: "S-601", outsideOk: true });
    expect(reused.body).toMatchObject({ code: "SEAL_NUMBER_IN_USE", clause: "D-8.6" });
    const loading = await d.step(b.id, { action: "load", people: d.both, transport: { by: "agency" } });
    expect(loading.status).toBe(422);
    expect(loading.body).toMatchObject({ code: "BOX_NOT_SEALED", clause: "D-8.6" });
    expect(loading.body.details.boxes).toEqual([two.boxNo]);
    await d.seal(two.id, "S-602");
    await d.ok(d.step(b.id, { action: "load", people: d.both, transport: { by: "agency" } }));
  });

  it("[D-8.7] refuses agency transport without a client escort; the client may transport with its own escort", async () => {
    const cat = await makeCatalogue(t, w, [{ title: "丙" }]);
    const b = await d.batch([cat.catalogueId]);
    await d.toBoxing(b.id, [{ catalogueId: cat.catalogueId, counted: 1 }]);
    const box = await d.box(b.id, cat.itemIds);
    await d.ok(d.step(b.id, { action: "finish_boxing", people: d.both }));
    await d.seal(box.id, "S-701");
    const agencyOnly = await d.step(b.id, {
      action: "load",
      people: [w.users["custody.manager"], w.users["custody.keeper"]],
      transport: { by: "agency" },
    });
    expect(agencyOnly.status).toBe(422);
    expect(agencyOnly.body).toMatchObject({ code: "CLIENT_ESCORT_REQUIRED", clause: "D-8.7" });
    const noEscort = await d.step(b.id, {
      action: "load",
      people: [w.users["client.officer"]],
      transport: { by: "agency" },
    });
    expect(noEscort.body).toMatchObject({ code: "ESCORT_REQUIRED", clause: "D-8.7" });
    await d.ok(
      d.step(b.id, {
        action: "load",
        people: [w.users["client.officer"]],
        transport: { by: "client", vehicle: "沪B00001" },
      }),
    );
    const step = (await agency.get(`/api/intake/batches/${b.id}`)).body.steps.find(
      (s: any) => s.action === "load",
    );
    expect(step.records.transport).toMatchObject({ by: "client", vehicle: "沪B00001" });
    expect((await agency.get(`/api/boxes/${box.id}`)).body.status).toBe("in_transit");
  });

  it("[G-7] files a national-scope deposit when its first boxes arrive, if project start did not", async () => {
    // As if the project had been found to hold national-scope archives after it started.
    await t.services.db
      .updateTable("project")
      .set({ hasNationalScope: true })
      .where("id", "=", w.projectId)
      .execute();
    const filingOf = () =>
      t.services.db.selectFrom("filing").select("trigger").where("projectId", "=", w.projectId).execute();
    expect(await filingOf()).toEqual([]);
    const cat = await makeCatalogue(t, w, [{ title: "戊" }]);
    const b = await d.batch([cat.catalogueId]);
    await d.toBoxing(b.id, [{ catalogueId: cat.catalogueId, counted: 1 }]);
    const box = await d.box(b.id, cat.itemIds);
    await d.ok(d.step(b.id, { action: "finish_boxing", people: d.both }));
    await d.seal(box.id, "S-801");
    await d.deliver(b.id);
    expect(await filingOf()).toEqual([{ trigger: "intake" }]);
    await t.services.db
      .updateTable("project")
      .set({ hasNationalScope: false })
      .where("id", "=", w.projectId)
      .execute();
  });

  it("[D-8.1] lets only the parties' responsible people record steps; regulators read", async () => {
    const cat = await makeCatalogue(t, w, [{ title: "丁" }]);
    const b = await d.batch([cat.catalogueId]);
    const city = await t.as("city.inspector");
    expect((await city.get(`/api/intake/batches/${b.id}`)).status).toBe(200);
    expect(
      (await city.post(`/api/intake/batches/${b.id}/transitions`, { action: "site_visit", people: d.both }))
        .status,
    ).toBe(403);
    const other = await t.as("client2.officer");
    expect((await other.get(`/api/intake/batches/${b.id}`)).status).toBe(404);
    const list = (await client.get(`/api/intake/batches?projectId=${w.projectId}`)).body;
    expect(list.items.map((x: any) => x.id)).toContain(b.id);
    expect(
      (await other.get("/api/intake/batches?pageSize=200")).body.items.map((x: any) => x.id),
    ).not.toContain(b.id);
  });
});
