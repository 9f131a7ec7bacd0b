// D-9.1: locations generated from ranges (refused as a whole on overlap),
// printable labels, the placement rule other modules call, and the vault map.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { systemActor } from "@dangan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPlacement } from "../../src/modules/facilities/placement.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { newSite, newVault, putBox } from "./facilities-fixtures.ts";

let t: TestApp;
let manager: Client;
let vault: { id: string; code: string; agencyOrgId: string };
let projectA: string;

const span = (from: number, to = from) => ({ from, to });
const PAPER = {
  rows: span(1, 2),
  columns: span(1, 3),
  sections: span(1),
  shelves: span(1, 5),
  zone: "paper",
  capacity: 2,
};
const ELECTRONIC = {
  rows: span(3),
  columns: span(1),
  sections: span(1),
  shelves: span(1, 2),
  zone: "electronic",
  capacity: 1,
};

const locationId = async (code: string) =>
  (
    await t.services.db
      .selectFrom("location")
      .select("id")
      .where("vaultId", "=", vault.id)
      .where("code", "=", code)
      .executeTakeFirstOrThrow()
  ).id;
const count = async () =>
  Number(
    (
      await t.services.db
        .selectFrom("location")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("vaultId", "=", vault.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
const place = (carrier: string, loc: string, opts = {}) =>
  t.services.db.transaction().execute((trx) => checkPlacement(trx, carrier, loc, opts));
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code: string; clause?: string }) => ({ code: e.code, clause: e.clause }),
  );

describe(`facilities: locations (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.as("custody.manager");
    const keeper = await t.services.db
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", "custody.keeper")
      .executeTakeFirstOrThrow();
    const site = await newSite(manager);
    vault = await newVault(manager, site.id, { code: "T", keeperUserId: keeper.id });
    projectA = (
      await t.services.db
        .selectFrom("project")
        .select("id")
        .where("agencyOrgId", "=", vault.agencyOrgId)
        .where("serviceType", "=", "custody")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it("[D-9.1] generates coded locations from ranges and refuses any overlap as a whole", async () => {
    const r = await manager.post(`/api/vaults/${vault.id}/locations/generate`, {
      ranges: [PAPER, ELECTRONIC],
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ created: 32, first: "T-01-01-01-01", last: "T-03-01-01-02" });

    const again = await manager.post(`/api/vaults/${vault.id}/locations/generate`, {
      ranges: [PAPER, ELECTRONIC],
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "LOCATION_OVERLAP", clause: "D-9.1", details: { count: 32 } });
    const partly = await manager.post(`/api/vaults/${vault.id}/locations/generate`, {
      ranges: [{ ...PAPER, rows: span(2, 4) }],
    });
    expect(partly.body).toMatchObject({ code: "LOCATION_OVERLAP", details: { count: 17 } });
    const selfOverlap = await manager.post(`/api/vaults/${vault.id}/locations/generate`, {
      ranges: [
        { ...PAPER, rows: span(7) },
        { ...PAPER, rows: span(7), shelves: span(5, 6) },
      ],
    });
    expect(selfOverlap.body).toMatchObject({
      code: "LOCATION_OVERLAP",
      details: { codes: ["T-07-01-01-05", "T-07-02-01-05", "T-07-03-01-05"] },
    });
    expect(await count()).toBe(32);

    const list = await manager.get(`/api/vaults/${vault.id}/locations?zone=electronic`);
    expect(list.body.items.map((l: { code: string }) => l.code)).toEqual(["T-03-01-01-01", "T-03-01-01-02"]);
  });

  it("[D-9.1][D-9.2] lets the vault's keeper generate locations, not other keepers or operators", async () => {
    const more = { ranges: [{ ...PAPER, rows: span(4), columns: span(1), shelves: span(1) }] };
    for (const u of ["custody.keeper2", "custody.operator", "client.officer"]) {
      const c = await t.as(u);
      expect((await c.post(`/api/vaults/${vault.id}/locations/generate`, more)).status, u).toBe(403);
    }
    const keeper = await t.as("custody.keeper");
    expect((await keeper.post(`/api/vaults/${vault.id}/locations/generate`, more)).status).toBe(201);
    expect(await count()).toBe(33);
  });

  it("[D-9.1] prints location labels as a PDF with Code 128 barcodes, 24 per page", async () => {
    const res = await manager.request({ method: "GET", url: `/api/vaults/${vault.id}/locations/labels.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = (b: Buffer) => (b.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    expect(pages(pdf)).toBe(2);
    // poppler reads back the text of every label (system-deps installs it).
    const file = join(mkdtempSync(join(tmpdir(), "labels-")), "labels.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text.match(/T-\d\d-\d\d-\d\d-\d\d/g)).toHaveLength(33);
    expect(text).toContain("电子档案区");
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+2\b/);
    const row1 = await manager.request({
      method: "GET",
      url: `/api/vaults/${vault.id}/locations/labels.pdf?row=1`,
    });
    expect(pages(row1.rawPayload)).toBe(1);
  });

  it("[D-9.1] refuses a carrier outside its zone and a box beyond the location's capacity", async () => {
    const paper = await locationId("T-01-01-01-01");
    const electronic = await locationId("T-03-01-01-01");
    expect(await refusal(place("electronic", paper))).toEqual({
      code: "CARRIER_ZONE_MISMATCH",
      clause: "D-9.1",
    });
    expect(await refusal(place("electronic", electronic))).toBeNull();
    const first = await putBox(t, { projectId: projectA, locationId: paper });
    expect(await refusal(place("paper", paper))).toBeNull();
    await putBox(t, { projectId: projectA, locationId: paper });
    expect(await refusal(place("paper", paper))).toEqual({ code: "LOCATION_FULL", clause: "D-9.1" });
    // A box already at the location does not count against its own move there.
    expect(await refusal(place("paper", paper, { boxId: first }))).toBeNull();
    expect(
      await refusal(place("paper", paper, { agencyOrgId: t.ids["上海数典档案数字化服务有限公司（演示）"] })),
    ).toEqual({
      code: "LOCATION_OF_OTHER_AGENCY",
      clause: "D-9.1",
    });

    const full = await manager.get(`/api/vaults/${vault.id}/locations?occupancy=full`);
    expect(full.body.items.map((l: { code: string; occupied: number }) => [l.code, l.occupied])).toEqual([
      ["T-01-01-01-01", 2],
    ]);
    const shrink = await manager.patch(`/api/locations/${paper}`, { capacity: 1 });
    expect(shrink.body).toMatchObject({ code: "CAPACITY_BELOW_OCCUPANCY", clause: "D-9.1" });
    await putBox(t, { projectId: projectA, locationId: electronic, carrier: "electronic" });
    const rezone = await manager.patch(`/api/locations/${electronic}`, { zone: "paper" });
    expect(rezone.body).toMatchObject({ code: "CARRIER_ZONE_MISMATCH", clause: "D-9.1" });
    expect((await manager.patch(`/api/locations/${paper}`, { capacity: 3 })).body.capacity).toBe(3);
  });

  it("[D-9.1][D-10.2] maps occupancy; a client sees only its own boxes at a location", async () => {
    const shared = await locationId("T-02-03-01-05");
    const clientB = t.ids["上海市黄浦区示范街道办事处（演示）"]!;
    const projectB = await t.services.projects.create(systemActor("test"), {
      name: "街道档案寄存",
      clientOrgId: clientB,
      agencyOrgId: vault.agencyOrgId,
      serviceType: "custody",
      custodyMode: "deposit",
      hasClassified: false,
      hasNationalScope: false,
      responsibleLeader: "赵丽",
      responsibleDepartment: "办公室",
    });
    await putBox(t, { projectId: projectA, locationId: shared });
    await putBox(t, { projectId: projectB.id, locationId: shared });

    const map = await manager.get(`/api/vaults/${vault.id}/map`);
    expect(map.body.cells).toHaveLength(33);
    const cell = (m: { body: { cells: { id: string; occupied: number }[] } }) =>
      m.body.cells.find((c) => c.id === shared)!;
    expect(cell(map)).toMatchObject({ occupied: 2, capacity: 2, zone: "paper", rowNo: 2, columnNo: 3 });
    const all = await manager.get(`/api/locations/${shared}/boxes`);
    expect(all.body.boxes.map((b: { clientName: string }) => b.clientName).sort()).toEqual(
      ["上海市黄浦区示范街道办事处（演示）", "上海申城建设集团有限公司（演示）"].sort(),
    );

    const client = await t.as("client.officer");
    const own = await client.get(`/api/locations/${shared}/boxes`);
    expect(own.body.boxes.map((b: { clientName: string }) => b.clientName)).toEqual([
      "上海申城建设集团有限公司（演示）",
    ]);
    const clientMap = await client.get(`/api/vaults/${vault.id}/map`);
    expect(clientMap.body.ownBoxesOnly).toBe(true);
    expect(cell(clientMap).occupied).toBe(1);
    const city = await t.as("city.inspector");
    expect((await city.get(`/api/locations/${shared}/boxes`)).body.boxes).toHaveLength(2);
  });
});
