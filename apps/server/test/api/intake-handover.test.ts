// Arrival and after: the intake inspection reports anomalies to the client as
// incidents and holds the batch until they are handled (D-8.8); repacking
// needs the client's signed consent and ends in a register both confirm (D-8.9).
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { driver, type IntakeWorld, intakeWorld, makeCatalogue } from "./intake-world.ts";

let t: TestApp;
let w: IntakeWorld;
let agency: Client;
let client: Client;
let d: ReturnType<typeof driver>;

/** A batch whose boxes (one per group of items) have arrived, ready for inspection. */
async function arrived(groups: number[]) {
  const cat = await makeCatalogue(
    t,
    w,
    Array.from({ length: groups.reduce((a, b) => a + b, 0) }, (_, i) => ({ title: `卷${i + 1}` })),
  );
  const b = await d.batch([cat.catalogueId]);
  await d.toBoxing(b.id, [{ catalogueId: cat.catalogueId, counted: cat.itemIds.length }]);
  const boxes = [];
  let at = 0;
  for (const n of groups) {
    boxes.push(await d.box(b.id, cat.itemIds.slice(at, at + n)));
    at += n;
  }
  await d.ok(d.step(b.id, { action: "finish_boxing", people: d.both }));
  for (const x of boxes) await d.seal(x.id, `S-${x.barcode}`);
  await d.deliver(b.id);
  return { b, boxes, itemIds: cat.itemIds };
}

async function shelveAll(boxIds: string[]) {
  for (const id of boxIds) await d.ok(agency.post(`/api/boxes/${id}/shelve`, { locationId: w.loc.paperA }));
}

describe(`intake handover (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await intakeWorld(t);
    agency = await t.as("custody.manager");
    client = await t.as("client.officer");
    d = driver(agency, client, w);
  });
  afterAll(() => t.close());

  it("[D-8.8] opens an incident the client sees for a missing item, and completes only once it is handled", async () => {
    const { b, boxes, itemIds } = await arrived([2]);
    const box = boxes[0];
    const early = await d.step(b.id, { action: "finish_inspection", people: d.both });
    expect(early.body).toMatchObject({ code: "BOX_NOT_INSPECTED", clause: "D-8.8" });
    const r = await d.inspect(box.id, { missingItemIds: [itemIds[1]], note: "箱内少一卷" });
    expect(r.anomaly).toMatchObject({ kind: "loss" });
    expect(r.incidentId).toMatch(/^[0-9a-f-]{36}$/);

    const seen = (await client.get(`/api/incidents?projectId=${w.projectId}&status=open`)).body.items;
    expect(seen.find((i: any) => i.id === r.incidentId)).toMatchObject({
      clauseId: "D-8.8",
      kind: "loss",
      source: "system",
    });
    const page = (await client.get(`/api/intake/batches/${b.id}`)).body;
    expect(page.anomalies).toEqual([
      expect.objectContaining({ id: r.incidentId, status: "open", boxNo: box.boxNo }),
    ]);

    await d.ok(d.step(b.id, { action: "finish_inspection", people: d.both }));
    await d.ok(d.step(b.id, { action: "skip_repacking", people: [] }));
    await shelveAll([box.id]);
    const blocked = await d.step(b.id, { action: "complete", people: [w.users["custody.keeper"]] });
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: "ANOMALY_OPEN", clause: "D-8.8" });
    await d.ok(
      client.patch(`/api/incidents/${r.incidentId}`, {
        status: "closed",
        resolution: "经双方核对，该卷在委托方库房找到并补交",
      }),
    );
    const done = await d.step(b.id, { action: "complete", people: [w.users["custody.keeper"]] });
    expect(done.body).toMatchObject({ status: "completed" });
  });

  it("[D-8.8] records a clean inspection without an incident, and a broken seal as an anomaly", async () => {
    const { boxes } = await arrived([1, 1]);
    expect((await d.inspect(boxes[0].id)).incidentId).toBeNull();
    const broken = await d.inspect(boxes[1].id, { sealIntact: false });
    expect(broken.anomaly).toMatchObject({ kind: "anomaly" });
    const again = await agency.post(`/api/boxes/${boxes[0].id}/inspection`, {
      sealIntact: true,
      damaged: false,
    });
    expect(again.body).toMatchObject({ code: "BOX_NOT_IN_TRANSIT" });
  });

  it("[D-8.9] refuses repacking without the client's consent or without a client person present", async () => {
    const { b, boxes } = await arrived([2]);
    await d.inspect(boxes[0].id);
    await d.ok(d.step(b.id, { action: "finish_inspection", people: d.both }));
    const items = (await agency.get(`/api/intake/batches/${b.id}/items`)).body.items.map((i: any) => i.id);
    const body = { action: "repack", people: d.both, boxes: [{ itemIds: items, sealNumber: "B-901" }] };
    const refused = await d.step(b.id, body);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "REPACK_CONSENT_REQUIRED", clause: "D-8.9" });
    expect((await agency.post(`/api/intake/batches/${b.id}/repack-consent`)).status).toBe(403);
    await d.ok(client.post(`/api/intake/batches/${b.id}/repack-consent`));
    const absent = await d.step(b.id, { ...body, people: [w.users["custody.manager"]] });
    expect(absent.body).toMatchObject({ code: "INTAKE_PERSON_REQUIRED", clause: "D-8.9" });
  });

  it("[D-8.9] repacks with consent into sealed storage boxes and a register both parties confirm", async () => {
    const { b, boxes, itemIds } = await arrived([2, 2]);
    for (const x of boxes) await d.inspect(x.id);
    await d.ok(d.step(b.id, { action: "finish_inspection", people: d.both }));
    await d.ok(client.post(`/api/intake/batches/${b.id}/repack-consent`));
    await d.ok(
      d.step(b.id, {
        action: "repack",
        people: d.both,
        boxes: [
          { itemIds: [itemIds[0], itemIds[1], itemIds[2]], sealNumber: "B-911" },
          { itemIds: [itemIds[3]], sealNumber: "B-912" },
        ],
      }),
    );
    const page = (await client.get(`/api/intake/batches/${b.id}`)).body;
    const register = page.repack.register;
    expect(register.record.boxes.map((x: any) => x.items.length)).toEqual([3, 1]);
    expect(register.record.emptied).toEqual(boxes.map((x: any) => x.boxNo));
    expect(register.confirmations.map((c: any) => c.orgId)).toEqual([w.agencyOrgId]);
    const storage = page.boxes.filter((x: any) => x.kind === "storage");
    expect(storage.map((x: any) => [x.status, x.sealNumber])).toEqual([
      ["received", "B-911"],
      ["received", "B-912"],
    ]);
    expect(page.boxes.filter((x: any) => x.kind === "transfer").map((x: any) => x.status)).toEqual([
      "returned_to_client",
      "returned_to_client",
    ]);

    await shelveAll(storage.map((x: any) => x.id).slice(0, 1));
    await d.ok(agency.post(`/api/boxes/${storage[1].id}/shelve`, { locationId: w.loc.paperB }));
    const unconfirmed = await d.step(b.id, { action: "complete", people: [w.users["custody.keeper"]] });
    expect(unconfirmed.body).toMatchObject({ code: "REGISTER_NOT_CONFIRMED", clause: "D-8.9" });
    const signed = await d.ok(client.post(`/api/intake/batches/${b.id}/register/confirm`));
    expect(signed.digest).toBe(register.digest);
    expect((await client.post(`/api/intake/batches/${b.id}/register/confirm`)).status).toBe(409);
    const bundle = (await client.get(`/api/confirmations?entityType=intake_batch&entityId=${b.id}`)).body
      .items;
    expect(bundle.filter((c: any) => c.documentKind === "repack_register").every((c: any) => c.valid)).toBe(
      true,
    );
    expect((await d.step(b.id, { action: "complete", people: [w.users["custody.keeper"]] })).status).toBe(
      200,
    );
  });
});
