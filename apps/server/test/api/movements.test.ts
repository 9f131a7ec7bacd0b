import { testDbMode } from "@dangan/db/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { barcodeOf, createInventoryWorld, type World } from "./inventory-world.ts";

let t: TestApp;
let w: World;
let manager: Client;
const P = "mov";
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type Row = { kind: string; boxNo: string; clientName: string; toLocation: string | null; byName: string };
const list = async (c: Client, q: string) =>
  (await c.get(`/api/movements?pageSize=200&${q}`)).body as { items: Row[]; total: number };

describe(`movement register (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await createInventoryWorld(t.services, P);
    manager = await t.as(`${P}.manager`);
  });
  afterAll(() => t.close());

  it("[D-9.11] registers every intake, shelving, checkout and return, newest first", async () => {
    const all = await list(manager, "");
    // 6 intakes, 6 shelvings, B6 out, B1 out and back.
    expect(all.total).toBe(15);
    const kinds: Record<string, number> = {};
    for (const m of all.items) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
    expect(kinds).toEqual({ intake: 6, shelve: 6, checkout: 2, return: 1 });
    expect(all.items.find((m) => m.kind === "return")).toMatchObject({
      boxNo: "B1",
      toLocation: "V1-L1",
      byName: `${P}keeper2`,
    });
    const at = all.items.map((m) => (m as unknown as { at: string }).at);
    expect([...at].sort().reverse()).toEqual(at);
    const page2 = (await manager.get("/api/movements?pageSize=10&page=2")).body;
    expect(page2).toMatchObject({ total: 15, page: 2, pageSize: 10 });
    expect(page2.items).toHaveLength(5);
  });

  it("[D-9.11] filters by vault, client, project, kind, box, barcode and date range", async () => {
    expect((await list(manager, `vaultId=${w.v2}`)).items.map((m) => m.boxNo)).toEqual(["B5"]);
    expect((await list(manager, `clientOrgId=${w.client2Id}`)).total).toBe(4);
    expect((await list(manager, `projectId=${w.p1}`)).total).toBe(11);
    expect((await list(manager, "kind=checkout")).items.map((m) => m.boxNo).sort()).toEqual(["B1", "B6"]);
    expect((await list(manager, `boxId=${w.boxes.B1}`)).total).toBe(4);
    expect((await list(manager, `q=${barcodeOf(P, "B3")}`)).total).toBe(2);
    expect((await list(manager, `from=${today}&to=${today}`)).total).toBe(15);
    expect((await list(manager, "from=2020-01-01&to=2020-12-31")).total).toBe(0);
    expect((await manager.get("/api/movements?kind=teleport")).status).toBe(400);
  });

  it("[D-9.11] shows a client only its own boxes' movements; others see none of them", async () => {
    const client = await t.as(`${P}.client`);
    const mine = await list(client, "");
    expect(mine.total).toBe(11);
    expect(new Set(mine.items.map((m) => m.clientName))).toEqual(new Set([`${P}奉贤委托单位甲`]));
    expect((await list(client, `clientOrgId=${w.client2Id}`)).total).toBe(0);
    const facets = (await client.get("/api/movements/facets")).body;
    expect(facets.projects.map((p: { id: string }) => p.id)).toEqual([w.p1]);
    expect(facets.vaults.map((v: { code: string }) => v.code)).toEqual([`${P}-V1`]);
    for (const u of ["custody.manager", "client.officer", "pudong.admin"]) {
      const r = await list(await t.as(u), `projectId=${w.p1}`);
      expect(r.total, u).toBe(0);
    }
    expect((await list(await t.as(`${P}.regulator`), "")).total).toBe(15);
  });

  it("[D-9.11][D-12.2] exports the filtered register to Excel", async () => {
    const r = await manager.get(`/api/movements/export.xlsx?clientOrgId=${w.client1Id}&kind=checkout`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).getCell(2).value).toBe("类型 Kind");
    const rows = [2, 3].map((i) => [ws.getRow(i).getCell(2).value, ws.getRow(i).getCell(3).value]);
    expect(rows.sort()).toEqual([
      ["出库", "B1"],
      ["出库", "B6"],
    ]);
  });
});
