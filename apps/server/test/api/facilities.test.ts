// Facilities: the compliance check of a vault through the API, and who may
// read and change an agency's facilities.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { failedItems, freshAgency, newSite, newVault } from "./facilities-fixtures.ts";

let t: TestApp;
let fresh: Awaited<ReturnType<typeof freshAgency>>;
let manager: Client;

type Finding = { clause: string; item: string; ok: boolean; measured: unknown; required: string };

describe(`facilities (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    fresh = await freshAgency(t);
    manager = await t.as(fresh.manager.username);
  });
  afterAll(() => t.close());

  it("[D-4.1][D-5.5][D-5.6][D-5.7][D-5.9][D-5.10][D-6.1] names clause, measured value and requirement for a non-compliant vault", async () => {
    const site = await newSite(manager, { checklist: { high_ground: true, ventilated_quiet: false } });
    const vault = await newVault(manager, site.id, {
      clearHeightM: 2.5,
      floorLoadKnM2: 8,
      shelvingType: "compact",
      fireWallZoneH: 3.5,
      mainAisleM: 1.0,
    });
    await manager.post(`/api/sites/${site.id}/cameras`, {
      code: "C1",
      covers: ["lift", "door"],
      recordingAllDay: false,
      retentionDays: 7,
    });
    await manager.post("/api/staff", { name: "初级馆员", titleLevel: "junior", archiveProfessional: true });

    const r = await manager.get(`/api/vaults/${vault.id}/compliance`);
    expect(r.status).toBe(200);
    const f = r.body.findings as Finding[];
    const byItem = (item: string) => f.find((x) => x.item === item)!;
    expect(byItem("clear_height")).toMatchObject({
      clause: "D-5.5",
      ok: false,
      measured: 2.5,
      required: "≥ 2.6 m",
    });
    expect(byItem("floor_load")).toMatchObject({
      clause: "D-5.6",
      ok: false,
      measured: 8,
      required: "≥ 12 kN/m²",
    });
    expect(byItem("fire_wall_zone")).toMatchObject({ clause: "D-5.7", ok: false, measured: 3.5 });
    expect(byItem("main_aisle")).toMatchObject({
      clause: "D-5.9",
      ok: false,
      measured: 1,
      required: "≥ 1.2 m",
    });
    expect(byItem("cctv_retention")).toMatchObject({
      clause: "D-5.10",
      ok: false,
      measured: 7,
      required: "≥ 30 days",
    });
    expect(byItem("intermediate_title")).toMatchObject({ clause: "D-6.1", ok: false, measured: 0 });
    // D-4.1: the fire group is missing, so the agency is not yet fit for the business.
    expect(byItem("agency_capability")).toMatchObject({ clause: "D-4.1", ok: false });
    expect(byItem("agency_capability").measured).toContain("equipment:fire");
    expect(failedItems(f)).toEqual(
      expect.arrayContaining([
        "D-5.10 cctv_corridor",
        "D-5.10 cctv_perimeter",
        "D-5.10 cctv_24h",
        "D-5.10 fire_alarm_lift",
        "D-5.2 ventilated_quiet",
        "D-5.3 room_storage",
        "D-5.8 equipment_fire",
        "D-9.2 vault_keeper",
        "D-9.2 key_holders",
        "D-9.3 emergency_plan",
      ]),
    );
    expect(failedItems(f)).not.toContain("D-5.9 row_spacing");
    expect(r.body.settings.minRetentionDays).toMatchObject({ value: 30, status: "PROJECT_DEFAULT" });
    expect(r.body.summary.failed).toBe(failedItems(f).length);

    // The regulator's own figure replaces the project default.
    const strict = await manager.get(`/api/vaults/${vault.id}/compliance?minRetentionDays=5`);
    expect(strict.body.settings.minRetentionDays).toMatchObject({ value: 5, status: "REQUESTED" });
    expect(strict.body.findings.find((x: Finding) => x.item === "cctv_retention").ok).toBe(true);
  });

  it("[D-6.1][D-5.6] turns findings green once the vault and staff meet the figures", async () => {
    const site = await newSite(manager);
    const vault = await newVault(manager, site.id, { shelvingType: "fixed", floorLoadKnM2: 6 });
    await manager.post("/api/staff", {
      name: "中级馆员",
      titleLevel: "intermediate",
      archiveProfessional: true,
    });
    const r = await manager.get(`/api/vaults/${vault.id}/compliance`);
    const f = r.body.findings as Finding[];
    const numeric = [
      "clear_height",
      "floor_load",
      "fire_wall_zone",
      "fire_wall_room",
      "fire_wall_inner",
      "main_aisle",
    ];
    expect(f.filter((x) => [...numeric, "intermediate_title"].includes(x.item) && !x.ok)).toEqual([]);

    const summary = await manager.get(`/api/agencies/${fresh.agencyId}/compliance`);
    expect(summary.status).toBe(200);
    expect(summary.body.staff).toMatchObject({ clause: "D-6.1", ok: true, measured: 1 });
    const row = summary.body.vaults.find((v: { id: string }) => v.id === vault.id);
    expect(row.failedClauses).not.toContain("D-5.6");
    expect(row.total).toBe(f.length);
  });

  it("[G-7][D-5.5] shows a regulator the failed findings of every agency with vaults in its area", async () => {
    type Row = { id: string; district: string; vaultCount: number; failedCount: number; failed: Finding[] };
    const rows = async (who: string) =>
      (await (await t.as(who)).get("/api/compliance/agencies")).body.items as Row[];
    const city = await rows("city.inspector");
    const mine = city.find((a) => a.id === fresh.agencyId);
    expect(mine?.vaultCount).toBeGreaterThan(0);
    expect(mine?.failedCount).toBe(mine?.failed.length);
    expect(mine?.failed.every((f) => /^[DG]-\d/.test(f.clause))).toBe(true);
    const pudong = await rows("pudong.inspector");
    expect(pudong.length).toBeLessThanOrEqual(city.length);
    for (const a of pudong) expect(a.district).toBe("pudong");
    expect((await rows(fresh.manager.username)).map((a) => a.id)).toEqual([fresh.agencyId]);
  });

  it("[D-5.1] registers facilities for custody agencies only", async () => {
    const digit = await t.as("digit.manager");
    const r = await digit.post("/api/sites", { name: "数字化场地" });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: "NOT_A_CUSTODY_AGENCY", clause: "D-5.1" });
  });

  it("[G-4] hides a vault from a client of another agency and from foreign agencies (404)", async () => {
    // A fresh agency: no demo client has a project with it.
    const site = await newSite(manager);
    const vault = await newVault(manager, site.id);
    for (const u of [
      "client.officer",
      "client2.officer",
      "custody.manager",
      "digit.manager",
      "foreign.manager",
      "pudong.inspector",
    ]) {
      const c = await t.as(u);
      expect((await c.get(`/api/vaults/${vault.id}`)).status, u).toBe(404);
      expect((await c.get(`/api/vaults/${vault.id}/compliance`)).status, u).toBe(404);
      const list = await c.get("/api/vaults?pageSize=200");
      expect(
        list.body.items.map((v: { id: string }) => v.id),
        u,
      ).not.toContain(vault.id);
    }
  });

  it("[G-4][G-7][D-7.2] lets the agency's client and the city regulator read, but only the agency manager change", async () => {
    const custody = await t.as("custody.manager");
    const site = await newSite(custody);
    const vault = await newVault(custody, site.id);
    const client = await t.as("client.officer");
    expect((await client.get(`/api/vaults/${vault.id}`)).body.permissions).toEqual({
      manage: false,
      maintain: false,
      seeAllBoxes: false,
    });
    expect((await client.get(`/api/vaults/${vault.id}/compliance`)).status).toBe(200);
    expect((await client.patch(`/api/vaults/${vault.id}`, { name: "改名" })).status).toBe(403);
    const city = await t.as("city.inspector");
    expect((await city.get(`/api/sites/${site.id}`)).status).toBe(200);
    expect((await city.patch(`/api/sites/${site.id}`, { name: "改名" })).status).toBe(403);
    for (const u of ["custody.keeper", "custody.operator"]) {
      const c = await t.as(u);
      expect((await c.patch(`/api/vaults/${vault.id}`, { name: "改名" })).status, u).toBe(403);
    }
    const renamed = await custody.patch(`/api/vaults/${vault.id}`, { name: "一号库（改）" });
    expect(renamed.body.name).toBe("一号库（改）");
    const trail = await custody.get(`/api/audit/trail?entityType=vault&entityId=${vault.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      "vault.updated",
      "vault.created",
    ]);
  });

  it("[D-5.3][D-9.3] keeps functional rooms and the emergency plan on the site", async () => {
    const site = await newSite(manager);
    for (const fn of ["storage", "public_service", "technical", "office", "ancillary"])
      expect(
        (await manager.post(`/api/sites/${site.id}/rooms`, { roomFunction: fn, name: fn, areaM2: 40 }))
          .status,
      ).toBe(201);
    const upload = await manager.request({
      method: "POST",
      url: `/api/attachments?entityType=site&entityId=${site.id}`,
      headers: { "content-type": "multipart/form-data; boundary=X" },
      payload:
        '--X\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--X--\r\n',
    });
    expect(upload.statusCode).toBe(201);
    const plan = await manager.patch(`/api/sites/${site.id}`, {
      emergencyPlanAttachmentId: upload.json().id,
    });
    expect(plan.status).toBe(200);
    const vault = await newVault(manager, site.id);
    const f = (await manager.get(`/api/vaults/${vault.id}/compliance`)).body.findings as Finding[];
    expect(f.filter((x) => x.clause === "D-5.3" && !x.ok)).toEqual([]);
    expect(f.find((x) => x.item === "emergency_plan")).toMatchObject({ clause: "D-9.3", ok: true });
    expect(f.find((x) => x.item === "room_storage")?.measured).toBe("1 (40 m²)");

    const other = await newSite(manager);
    const wrong = await manager.patch(`/api/sites/${other.id}`, {
      emergencyPlanAttachmentId: upload.json().id,
    });
    expect(wrong.body).toMatchObject({ code: "ATTACHMENT_NOT_ON_SITE", clause: "D-9.3" });
  });
});
