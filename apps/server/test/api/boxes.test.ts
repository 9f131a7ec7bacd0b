// Boxes: numbered and labelled (D-8.5), shelved only where their carrier's
// zone and the location's capacity allow (D-9.1), every movement registered
// (D-9.11), and seen by the client, the agency and the district regulator only.
import { testDbMode } from "@dangan/db/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { driver, type IntakeWorld, intakeWorld, makeCatalogue } from "./intake-world.ts";

let t: TestApp;
let w: IntakeWorld;
let agency: Client;
let client: Client;
let d: ReturnType<typeof driver>;
let batchId: string;
let boxes: { id: string; boxNo: string; barcode: string }[];

const count = (pdf: Buffer, needle: string) => pdf.toString("latin1").split(needle).length - 1;

describe(`boxes (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await intakeWorld(t);
    agency = await t.as("custody.manager");
    client = await t.as("client.officer");
    d = driver(agency, client, w);
    const cat = await makeCatalogue(t, w, [
      { title: "文书一" },
      { title: "文书二" },
      { title: "文书三" },
      { title: "录音带", carrier: "magnetic_tape" },
    ]);
    const b = await d.batch([cat.catalogueId]);
    batchId = b.id;
    await d.toBoxing(b.id, [{ catalogueId: cat.catalogueId, counted: 4 }]);
    const mixed = await agency.post(`/api/intake/batches/${b.id}/boxes`, {
      kind: "transfer",
      itemIds: [cat.itemIds[0], cat.itemIds[3]],
    });
    expect(mixed.body).toMatchObject({ code: "MIXED_CARRIERS", clause: "D-8.5" });
    boxes = [
      await d.box(b.id, [cat.itemIds[0]!, cat.itemIds[1]!]),
      await d.box(b.id, [cat.itemIds[2]!]),
      await d.box(b.id, [cat.itemIds[3]!]),
    ];
  });
  afterAll(() => t.close());

  it("[D-8.5] numbers each box with a unique barcode and prints labels with a barcode and a QR code", async () => {
    expect(boxes.map((x) => x.boxNo)).toEqual(["0001", "0002", "0003"]);
    expect(new Set(boxes.map((x) => x.barcode)).size).toBe(3);
    const twice = await agency.post(`/api/intake/batches/${batchId}/boxes`, {
      kind: "transfer",
      itemIds: [],
    });
    expect(twice.status).toBe(400);
    const res = await agency.request({ method: "GET", url: `/api/intake/batches/${batchId}/labels.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Two pictures a label (barcode and QR code), each PNG an image plus its alpha mask.
    const one = await agency.request({
      method: "GET",
      url: `/api/intake/batches/${batchId}/labels.pdf?boxId=${boxes[1]!.id}`,
    });
    expect(count(one.rawPayload, "/Subtype /Image")).toBe(4);
    expect(count(pdf, "/Subtype /Image")).toBe(12);
    expect(
      (await client.request({ method: "GET", url: `/api/intake/batches/${batchId}/labels.pdf` })).statusCode,
    ).toBe(200);
  });

  it("[D-9.1] refuses a location in the wrong carrier zone, a full one, and another agency's", async () => {
    await d.ok(d.step(batchId, { action: "finish_boxing", people: d.both }));
    for (const x of boxes) await d.seal(x.id, `S-${x.boxNo}`);
    await d.deliver(batchId);
    for (const x of boxes) await d.inspect(x.id);
    await d.ok(d.step(batchId, { action: "finish_inspection", people: d.both }));
    const early = await agency.post(`/api/boxes/${boxes[0]!.id}/shelve`, { locationId: w.loc.paperB });
    expect(early.body).toMatchObject({ code: "INTAKE_STEP_NOT_OPEN" });
    await d.ok(d.step(batchId, { action: "skip_repacking" }));

    const [paper1, paper2, tape] = boxes as [(typeof boxes)[0], (typeof boxes)[0], (typeof boxes)[0]];
    const wrongZone = await agency.post(`/api/boxes/${tape.id}/shelve`, { locationId: w.loc.paperA });
    expect(wrongZone.status).toBe(422);
    expect(wrongZone.body).toMatchObject({ code: "CARRIER_ZONE_MISMATCH", clause: "D-9.1" });
    await d.ok(agency.post(`/api/boxes/${tape.id}/shelve`, { locationId: w.loc.tape }));
    await d.ok(agency.post(`/api/boxes/${paper1.id}/shelve`, { locationId: w.loc.paperB }));
    const full = await agency.post(`/api/boxes/${paper2.id}/shelve`, { locationId: w.loc.paperB });
    expect(full.body).toMatchObject({ code: "LOCATION_FULL", clause: "D-9.1" });
    const foreign = await agency.post(`/api/boxes/${paper2.id}/shelve`, { locationId: w.loc.foreign });
    expect(foreign.body).toMatchObject({ code: "LOCATION_OF_OTHER_AGENCY", clause: "D-9.1" });
    const free = (
      await agency.get(`/api/intake/batches/${batchId}/locations?q=${w.locPrefix}`)
    ).body.items.map((l: any) => l.id);
    expect(free).toContain(w.loc.paperA);
    expect(free).not.toContain(w.loc.paperB);
    expect(free).not.toContain(w.loc.foreign);
    const blocked = await d.step(batchId, { action: "complete", people: [w.users["custody.keeper"]] });
    expect(blocked.body).toMatchObject({ code: "BOX_NOT_SHELVED", clause: "D-9.1" });
    await d.ok(agency.post(`/api/boxes/${paper2.id}/shelve`, { locationId: w.loc.paperA }));
    await d.ok(
      d.step(batchId, {
        action: "complete",
        people: [w.users["custody.keeper"], w.users["custody.keeper2"]],
      }),
    );
  });

  it("[D-9.11] registers intake then shelve for every box, and shows the client where its box is and who moved it", async () => {
    const box = (await client.get(`/api/boxes/${boxes[0]!.id}`)).body;
    expect(box.movements.map((m: any) => m.kind)).toEqual(["intake", "shelve"]);
    expect(box.movements[1]).toMatchObject({ toLocation: box.locationCode, byName: "马强" });
    expect(box).toMatchObject({ status: "shelved", homeLocationId: box.locationId, sealNumber: "S-0001" });
    expect(box.items.map((i: any) => i.title)).toEqual(["文书一", "文书二"]);
    expect(box.seals[0]).toMatchObject({ sealNumber: "S-0001", witnessName: "周红" });
    expect(box.inspections[0]).toMatchObject({ sealIntact: true, damaged: false });
    const rows = await t.services.db
      .selectFrom("boxMovement")
      .select(["boxId", "kind"])
      .where("referenceId", "=", batchId)
      .execute();
    for (const x of boxes)
      expect(
        rows
          .filter((r) => r.boxId === x.id)
          .map((r) => r.kind)
          .sort(),
      ).toEqual(["intake", "shelve"]);
    const trail = (await client.get(`/api/audit/trail?entityType=box&entityId=${boxes[0]!.id}`)).body.items;
    expect(trail.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(["box.created", "box.sealed", "box.inspected", "box.moved"]),
    );
  });

  it("[G-4] lists boxes for the client, the agency and the district regulator only, with search and Excel export", async () => {
    const mine = (await client.get(`/api/boxes?projectId=${w.projectId}&pageSize=2`)).body;
    expect(mine.total).toBe(3);
    expect(mine.items).toHaveLength(2);
    expect(mine.items[0]).toMatchObject({
      boxNo: "0001",
      status: "shelved",
      vaultName: expect.any(String),
      lastMovement: "shelve · 马强",
    });
    const scanned = (
      await agency.get(`/api/boxes?barcode=${encodeURIComponent(` ${boxes[2]!.barcode.toLowerCase()}\n`)}`)
    ).body;
    expect(scanned.items.map((x: any) => x.id)).toEqual([boxes[2]!.id]);
    expect((await agency.get(`/api/boxes?q=S-0002`)).body.items.map((x: any) => x.id)).toEqual([
      boxes[1]!.id,
    ]);
    expect((await agency.get(`/api/boxes?projectId=${w.projectId}&status=treatment`)).body.total).toBe(0);
    expect((await (await t.as("pudong.inspector")).get(`/api/boxes/${boxes[0]!.id}`)).status).toBe(200);
    for (const stranger of ["client2.officer", "digit.manager", "foreign.manager"]) {
      const c = await t.as(stranger);
      expect((await c.get(`/api/boxes/${boxes[0]!.id}`)).status, stranger).toBe(404);
      expect((await c.get(`/api/boxes?projectId=${w.projectId}`)).body.total, stranger).toBe(0);
    }
    const res = await client.request({
      method: "GET",
      url: `/api/boxes/export.xlsx?projectId=${w.projectId}`,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(7).value).toBe("已上架");
  });
});
