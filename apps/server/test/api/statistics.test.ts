import { testDbMode } from "@dangan/db/testing";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { createInventoryWorld, type World } from "./inventory-world.ts";

let t: TestApp;
let w: World;
let manager: Client;
const P = "sta";
const now = new Date(Date.now() + 8 * 3_600_000).toISOString();
const month = now.slice(0, 7);
const quarter = `${now.slice(0, 4)}-Q${Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1}`;

type Holding = { label: string; boxes: number; items: number; pages: number };
const holdings = async (c: Client, by: string, q = "") => {
  const body = (await c.get(`/api/statistics/holdings?by=${by}${q}`)).body;
  return {
    rows: Object.fromEntries((body.rows as Holding[]).map((r) => [r.label, [r.boxes, r.items, r.pages]])),
    total: body.total,
  };
};

async function sheet(c: Client, url: string): Promise<unknown[][]> {
  const r = await c.get(url);
  expect(r.status, url).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.body);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe(`statistics and ledger reconciliation (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await createInventoryWorld(t.services, P);
    manager = await t.as(`${P}.manager`);
  });
  afterAll(() => t.close());

  it("[D-12.1] counts holdings (boxes, items, pages) by client, vault, category and carrier", async () => {
    const c1 = `${P}奉贤委托单位甲`;
    const c2 = `${P}奉贤委托单位乙`;
    expect(await holdings(manager, "client")).toEqual({
      rows: { [c1]: [4, 7, 62], [c2]: [2, 3, 102] },
      total: { boxes: 6, items: 10, pages: 164 },
    });
    // B6 is checked out: it counts in the vault of its recorded place.
    expect((await holdings(manager, "vault")).rows).toEqual({
      [`${P}-V1 V1号库房`]: [5, 8, 162],
      [`${P}-V2 V2号库房`]: [1, 2, 2],
    });
    expect((await holdings(manager, "category")).rows).toEqual({
      WS: [3, 4, 38],
      KJ: [1, 3, 24],
      KU: [1, 1, 100],
      ZP: [1, 2, 2],
    });
    expect((await holdings(manager, "carrier")).rows).toEqual({ paper: [5, 8, 162], photo: [1, 2, 2] });
    expect((await holdings(manager, "category", `&clientOrgId=${w.client2Id}`)).rows).toEqual({
      KU: [1, 1, 100],
      ZP: [1, 2, 2],
    });
  });

  it("[D-12.1] gives a client its own holdings and a regulator aggregates per agency of its districts", async () => {
    const client = await t.as(`${P}.client`);
    expect(await holdings(client, "client")).toEqual({
      rows: { [`${P}奉贤委托单位甲`]: [4, 7, 62] },
      total: { boxes: 4, items: 7, pages: 62 },
    });
    expect((await holdings(await t.as(`${P}.regulator`), "agency")).rows).toEqual({
      [`${P}奉贤盘点托管公司`]: [6, 10, 164],
    });
    const regulator = await t.as(`${P}.regulator`);
    expect((await regulator.get("/api/statistics/holdings?by=client")).status).toBe(403);
    const pudong = await holdings(await t.as("pudong.admin"), "agency");
    expect(pudong.rows[`${P}奉贤盘点托管公司`]).toBeUndefined();
  });

  it("[D-12.1] counts movements by kind and use (checkouts, returns) per month, quarter and year", async () => {
    const m = (await manager.get("/api/statistics/movements?period=month")).body.items;
    expect(m).toEqual([
      { period: month, intake: 6, shelve: 6, checkout: 2, return: 1, relocate: 0, release: 0, total: 15 },
    ]);
    expect((await manager.get("/api/statistics/movements?period=quarter")).body.items[0].period).toBe(
      quarter,
    );
    expect(
      (await manager.get("/api/statistics/movements?period=year&from=2020-01-01&to=2020-12-31")).body.items,
    ).toEqual([]);
    const use = (await manager.get("/api/statistics/use?period=year")).body.items;
    expect(use).toEqual([{ period: now.slice(0, 4), checkouts: 2, returns: 1, boxesUsed: 2 }]);
    const client = await t.as(`${P}.client`);
    expect((await client.get("/api/statistics/movements?period=year")).body.items[0].total).toBe(11);
  });

  it("[D-12.1][D-12.2] exports each table to Excel", async () => {
    expect(await sheet(manager, "/api/statistics/holdings/export.xlsx?by=carrier")).toEqual([
      ["载体 Carrier", "盒数 Boxes", "件数 Items", "页数 Pages"],
      ["paper", 5, 8, 162],
      ["photo", 1, 2, 2],
      ["合计 Total", 6, 10, 164],
    ]);
    const moves = await sheet(manager, "/api/statistics/movements/export.xlsx?period=month");
    expect(moves[1]).toEqual([month, 6, 6, 2, 1, 0, 0, 15]);
    expect(await sheet(manager, "/api/statistics/use/export.xlsx?period=year")).toEqual([
      ["期间 Period", "出库次数 Checkouts", "归库次数 Returns", "调用盒数 Boxes used"],
      [now.slice(0, 4), 2, 1, 2],
    ]);
  });

  it("[D-12.2] rebuilds the register and box locations from the audit trail: no difference when healthy", async () => {
    const r = (await manager.get("/api/statistics/reconciliation")).body;
    expect(r).toMatchObject({ ok: true, boxes: 6, differences: [] });
    expect(r.register).toEqual({ movements: 15, byKind: { intake: 6, shelve: 6, checkout: 2, return: 1 } });
    expect(r.audit).toEqual(r.register);
    const sys = await t.services.statistics.reconcile({ type: "system", reason: "test" });
    expect(sys.ok).toBe(true);
  });

  it("[D-12.2] reports register rows and locations changed behind the platform's back", async () => {
    const db = t.services.db;
    const shelveB3 = await db
      .selectFrom("boxMovement")
      .select("id")
      .where("boxId", "=", w.boxes.B3!)
      .where("kind", "=", "shelve")
      .executeTakeFirstOrThrow();
    const checkoutB6 = await db
      .selectFrom("boxMovement")
      .select("id")
      .where("boxId", "=", w.boxes.B6!)
      .where("kind", "=", "checkout")
      .executeTakeFirstOrThrow();
    await expect(sql`DELETE FROM box_movement WHERE id = ${checkoutB6.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await sql`ALTER TABLE box_movement DISABLE TRIGGER box_movement_no_update`.execute(db);
    await sql`UPDATE box_movement SET to_location_id = ${w.locations["V1-L2"]} WHERE id = ${shelveB3.id}`.execute(
      db,
    );
    await sql`DELETE FROM box_movement WHERE id = ${checkoutB6.id}`.execute(db);
    await sql`ALTER TABLE box_movement ENABLE TRIGGER box_movement_no_update`.execute(db);
    await sql`UPDATE box SET location_id = ${w.locations["V1-L1"]} WHERE id = ${w.boxes.B5}`.execute(db);
    const forged = await db
      .insertInto("boxMovement")
      .values({
        boxId: w.boxes.B4!,
        kind: "relocate",
        fromLocationId: w.locations["V1-L3"]!,
        toLocationId: w.locations["V1-L3"]!,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const r = (await manager.get("/api/statistics/reconciliation")).body;
    expect(r.ok).toBe(false);
    const found = r.differences.map((d: Record<string, string>) => [
      d.kind,
      d.boxNo,
      d.field ?? d.movementId ?? d.register,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["register_altered", "B3", "toLocationId"],
        ["event_without_register", "B6", checkoutB6.id],
        ["register_without_event", "B4", forged.id],
        ["location_mismatch", "B5", w.locations["V1-L1"]],
      ]),
    );
    expect(r.differences).toHaveLength(4);
    expect(r.register.byKind).toEqual({ intake: 6, shelve: 6, checkout: 1, return: 1, relocate: 1 });
    expect(r.audit.byKind).toEqual({ intake: 6, shelve: 6, checkout: 2, return: 1 });

    const p2 = (await manager.get(`/api/statistics/reconciliation?projectId=${w.p2}`)).body;
    expect(p2.differences.map((d: { boxNo: string }) => d.boxNo).sort()).toEqual(["B4", "B5"]);
    const client = (await (await t.as(`${P}.client`)).get("/api/statistics/reconciliation")).body;
    expect(client.differences.map((d: { boxNo: string }) => d.boxNo).sort()).toEqual(["B3", "B6"]);
    expect(
      (await (await t.as("custody.manager")).get(`/api/statistics/reconciliation?projectId=${w.p2}`)).status,
    ).toBe(404);
  });
});
