import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { barcodeOf, createInventoryWorld, type World } from "./inventory-world.ts";

let t: TestApp;
let w: World;
let keeper: Client;
let planId: string;
let checkId: string;
const P = "inv";
const bc = (no: string) => barcodeOf(P, no);
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

describe(`inventory checks (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await createInventoryWorld(t.services, P);
    keeper = await t.as(`${P}.keeper`);
  });
  afterAll(() => t.close());

  it("[D-9.8] plans a check per vault with period, scope and method; refuses a period over six months", async () => {
    const base = {
      vaultId: w.v1,
      title: "一号库房半年度全面盘点",
      method: "full",
      nextDueOn: `${year}-06-30`,
    };
    const long = await keeper.post("/api/inventory/plans", { ...base, periodMonths: 12 });
    expect(long.status).toBe(422);
    expect(long.body).toMatchObject({ code: "INVENTORY_PERIOD_TOO_LONG", clause: "D-9.8" });
    const byClient = await keeper.post("/api/inventory/plans", {
      ...base,
      method: "by_client",
      periodMonths: 6,
    });
    expect(byClient.body).toMatchObject({ code: "INVENTORY_CLIENT_REQUIRED", clause: "D-9.8" });
    const operator = await t.as(`${P}.operator`);
    expect((await operator.post("/api/inventory/plans", { ...base, periodMonths: 6 })).status).toBe(403);
    const foreign = await t.as("custody.manager");
    expect((await foreign.post("/api/inventory/plans", { ...base, periodMonths: 6 })).status).toBe(404);

    const r = await keeper.post("/api/inventory/plans", {
      ...base,
      periodMonths: 6,
      requirements: "逐架扫描",
    });
    expect(r.status).toBe(201);
    planId = r.body.id;
    const list = await keeper.get("/api/inventory/plans");
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      vaultCode: `${P}-V1`,
      checksThisYear: 0,
      permissions: { plan: true, count: true },
    });
    const mine = (items: { vaultCode: string }[]) => items.filter((x) => x.vaultCode.startsWith(`${P}-`));
    expect(mine((await foreign.get("/api/inventory/plans")).body.items)).toHaveLength(0);
    expect((await (await t.as(`${P}.client`)).get("/api/inventory/plans")).body.items).toHaveLength(0);
  });

  it("[D-9.8][D-9.9] starts a check only with two of the agency's staff", async () => {
    const one = await keeper.post("/api/inventory/checks", {
      planId,
      staffUserIds: [w.users.keeper, w.users.keeper],
    });
    expect(one.body).toMatchObject({ code: "TWO_PERSON_RULE", clause: "D-9.9" });
    const outsider = await keeper.post("/api/inventory/checks", {
      planId,
      staffUserIds: [w.users.keeper, w.users.client],
    });
    expect(outsider.body).toMatchObject({ code: "STAFF_NOT_AGENCY", clause: "D-9.9" });
    const ok = await keeper.post("/api/inventory/checks", {
      planId,
      staffUserIds: [w.users.keeper, w.users.keeper2],
    });
    expect(ok.status).toBe(201);
    checkId = ok.body.id;
    const again = await keeper.post("/api/inventory/checks", {
      planId,
      staffUserIds: [w.users.keeper, w.users.keeper2],
    });
    expect(again.body.code).toBe("INVENTORY_CHECK_RUNNING");
  });

  it("[D-9.8] scans shelf by shelf: location barcode first, then the boxes found there", async () => {
    const url = `/api/inventory/checks/${checkId}`;
    expect((await keeper.post(`${url}/scans`, { barcode: bc("B1") })).body.code).toBe("NO_SHELF_OPEN");
    expect((await keeper.post(`${url}/shelf`, { locationBarcode: "NOPE-1" })).body.code).toBe(
      "LOCATION_NOT_IN_VAULT",
    );
    expect((await keeper.post(`${url}/shelf`, { locationBarcode: "v1-l1" })).body.code).toBe("V1-L1");
    const here = await keeper.post(`${url}/scans`, { barcode: bc("B1") });
    expect(here.body).toMatchObject({ status: "recorded_here", boxNo: "B1", duplicate: false });
    const elsewhere = await keeper.post(`${url}/scans`, { barcode: bc("B2") });
    expect(elsewhere.body).toMatchObject({ status: "recorded_elsewhere", recordedLocation: "V1-L2" });
    expect((await keeper.post(`${url}/scans`, { barcode: "STRAY-0001" })).body.status).toBe("unknown");
    expect((await keeper.post(`${url}/scans`, { barcode: bc("B1") })).body.duplicate).toBe(true);
    expect((await keeper.post(`${url}/shelf/close`)).status).toBe(200);

    await keeper.post(`${url}/shelf`, { locationBarcode: "V1-L3" });
    expect((await keeper.post(`${url}/scans`, { barcode: bc("B3") })).body.status).toBe("recorded_here");
    const twice = await keeper.post(`${url}/scans`, { barcode: bc("B2") });
    expect(twice.body).toMatchObject({ code: "ALREADY_SCANNED", details: { location: "V1-L1" } });
    const mould = await keeper.post(`${url}/findings`, {
      barcode: bc("B3"),
      kind: "mould",
      note: "盒底有霉斑",
    });
    expect(mould.status).toBe(201);
    expect((await keeper.post(`${url}/complete`)).body.code).toBe("SHELF_OPEN");
    await keeper.post(`${url}/shelf/close`);

    const detail = await keeper.get(url);
    expect(detail.body).toMatchObject({ status: "in_progress", expected: 4, scanned: 4, openShelf: null });
    expect(detail.body.shelves.map((s: { code: string; scans: number }) => [s.code, s.scans])).toEqual([
      ["V1-L1", 3],
      ["V1-L3", 1],
    ]);
    expect(detail.body.staff.map((s: { id: string }) => s.id).sort()).toEqual(
      [w.users.keeper, w.users.keeper2].sort(),
    );
  });

  it("[D-9.8][D-4.4] completes with present, missing, misplaced and unexpected boxes and opens incidents", async () => {
    const done = await keeper.post(`/api/inventory/checks/${checkId}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.summary).toMatchObject({
      present: 2,
      missing: 1,
      misplaced: 1,
      unexpected: 1,
      shelves: 2,
      findings: 1,
    });
    expect(done.body.nextDueOn > `${year}-06-30`).toBe(true);
    const detail = (await keeper.get(`/api/inventory/checks/${checkId}`)).body;
    const byBarcode = Object.fromEntries(detail.results.map((r: { barcode: string }) => [r.barcode, r]));
    expect(byBarcode[bc("B1")]).toMatchObject({ result: "present", foundLocation: "V1-L1" });
    expect(byBarcode[bc("B3")]).toMatchObject({ result: "present" });
    expect(byBarcode[bc("B2")]).toMatchObject({
      result: "misplaced",
      expectedLocation: "V1-L2",
      foundLocation: "V1-L1",
    });
    expect(byBarcode[bc("B4")]).toMatchObject({
      result: "missing",
      expectedLocation: "V1-L3",
      foundLocation: null,
    });
    expect(byBarcode["STRAY-0001"]).toMatchObject({ result: "unexpected", boxId: null });
    expect(byBarcode[bc("B5")]).toBeUndefined(); // another vault
    expect(byBarcode[bc("B6")]).toBeUndefined(); // checked out: not expected on a shelf

    const manager = await t.as(`${P}.manager`);
    const incidents = (await manager.get("/api/incidents?pageSize=50")).body.items as {
      kind: string;
      clauseId: string;
      projectId: string;
      title: string;
    }[];
    const d98 = incidents.filter((i) => i.clauseId === "D-9.8");
    expect(d98.map((i) => [i.kind, i.projectId]).sort()).toEqual(
      [
        ["damage", w.p1],
        ["discrepancy", w.p1],
        ["loss", w.p2],
      ].sort(),
    );
    expect(byBarcode[bc("B4")].incidentId).toBeTruthy();
    expect(detail.findings).toMatchObject([{ kind: "mould", boxNo: "B3", note: "盒底有霉斑" }]);
    expect((await keeper.post(`/api/inventory/checks/${checkId}/scans`, { barcode: "X" })).body.code).toBe(
      "INVENTORY_CHECK_COMPLETED",
    );
    const xlsx = await keeper.get(`/api/inventory/checks/${checkId}/results/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(Buffer.isBuffer(xlsx.body) && xlsx.body.subarray(0, 2).toString()).toBe("PK");
  });

  it("[D-9.8][D-11.2] re-shelves a misplaced box at its recorded location and registers the move", async () => {
    const detail = (await keeper.get(`/api/inventory/checks/${checkId}`)).body;
    const misplaced = detail.results.find((r: { result: string }) => r.result === "misplaced");
    const missing = detail.results.find((r: { result: string }) => r.result === "missing");
    expect((await keeper.post(`/api/inventory/results/${missing.id}/reshelve`)).body.code).toBe(
      "NOT_RESHELVABLE",
    );
    const client = await t.as(`${P}.client`);
    expect((await client.post(`/api/inventory/results/${misplaced.id}/reshelve`)).status).toBe(404);
    const r = await keeper.post(`/api/inventory/results/${misplaced.id}/reshelve`);
    expect(r.status).toBe(200);
    expect((await keeper.post(`/api/inventory/results/${misplaced.id}/reshelve`)).body.code).toBe(
      "ALREADY_RESHELVED",
    );
    const box = await t.services.db
      .selectFrom("box")
      .select("locationId")
      .where("id", "=", w.boxes.B2!)
      .executeTakeFirstOrThrow();
    expect(box.locationId).toBe(w.locations["V1-L2"]);
    const moves = (await keeper.get(`/api/movements?boxId=${w.boxes.B2}&kind=relocate`)).body.items;
    expect(moves).toMatchObject([
      { kind: "relocate", fromLocation: "V1-L1", toLocation: "V1-L2", referenceType: "inventory_check" },
    ]);
    const trail = await keeper.get(`/api/audit/trail?entityType=box&entityId=${w.boxes.B2}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain("box.moved");
  });

  it("[D-9.8] flags a vault checked fewer than twice in the calendar year", async () => {
    const status = async (c: Client) =>
      Object.fromEntries(
        (
          (await c.get(`/api/inventory/shortfall?year=${year}`)).body.items as {
            code: string;
            completed: number;
            flagged: boolean;
          }[]
        ).map((r) => [r.code, [r.completed, r.flagged]]),
      );
    expect(await status(keeper)).toEqual({ [`${P}-V1`]: [1, true], [`${P}-V2`]: [0, true] });

    // A second, sample check of one shelf clears the flag for V1.
    const start = await keeper.post("/api/inventory/checks", {
      planId,
      staffUserIds: [w.users.keeper, w.users.operator],
    });
    const url = `/api/inventory/checks/${start.body.id}`;
    await keeper.post(`${url}/shelf`, { locationBarcode: "V1-L2" });
    await keeper.post(`${url}/scans`, { barcode: bc("B2") });
    await keeper.post(`${url}/shelf/close`);
    expect((await keeper.post(`${url}/complete`)).body.summary).toMatchObject({ present: 1, missing: 3 });
    expect(await status(keeper)).toEqual({ [`${P}-V1`]: [2, false], [`${P}-V2`]: [0, true] });
    expect(
      (await keeper.get(`/api/inventory/shortfall?year=${year - 1}`)).body.items.every(
        (r: { flagged: boolean }) => r.flagged,
      ),
    ).toBe(true);

    // Through the service, as regulators' checklists call it; and who sees what.
    const flagged = await t.services.inventory.shortfall({ type: "system", reason: "test" }, year);
    expect(flagged.filter((r) => r.agencyOrgId === w.agencyId && r.flagged).map((r) => r.code)).toEqual([
      `${P}-V2`,
    ]);
    expect(await status(await t.as(`${P}.regulator`))).toEqual({
      [`${P}-V1`]: [2, false],
      [`${P}-V2`]: [0, true],
    });
    expect(await status(await t.as(`${P}.client`))).toEqual({
      [`${P}-V1`]: [2, false],
      [`${P}-V2`]: [0, true],
    });
    const pudong = await status(await t.as("pudong.admin"));
    expect(Object.keys(pudong).some((k) => k.startsWith(`${P}-`))).toBe(false);
  });

  it("[D-9.8] shows checks to the agency and its regulator, never to a client or another agency", async () => {
    const regulator = await t.as(`${P}.regulator`);
    expect((await regulator.get(`/api/inventory/checks/${checkId}`)).status).toBe(200);
    expect((await regulator.get(`/api/inventory/checks?year=${year}`)).body.total).toBe(2);
    expect(
      (
        await regulator.post(`/api/inventory/checks`, {
          planId,
          staffUserIds: [w.users.keeper, w.users.keeper2],
        })
      ).status,
    ).toBe(403);
    for (const u of [`${P}.client`, "custody.manager", "pudong.admin"]) {
      const c = await t.as(u);
      expect((await c.get(`/api/inventory/checks/${checkId}`)).status, u).toBe(404);
      const items = (await c.get("/api/inventory/checks?pageSize=200")).body.items as { id: string }[];
      expect(
        items.map((x) => x.id),
        u,
      ).not.toContain(checkId);
    }
  });
});
