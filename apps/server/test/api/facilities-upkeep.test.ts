// D-9.7 equipment upkeep with overdue alerts, D-9.2 keeper and key holders,
// D-6.1/D-6.2 staff register and training records.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInShanghai } from "../../src/modules/facilities/facilities.common.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { newSite, newVault } from "./facilities-fixtures.ts";

let t: TestApp;
let manager: Client;
let keeper: Client;
let vault: { id: string };
const uid: Record<string, string> = {};

type Finding = { item: string; ok: boolean; measured: unknown; clause: string };
const finding = async (item: string) =>
  ((await manager.get(`/api/vaults/${vault.id}/compliance`)).body.findings as Finding[]).find(
    (f) => f.item === item,
  )!;

function upload(c: Client, entityType: string, entityId: string, filename: string) {
  return c.request({
    method: "POST",
    url: `/api/attachments?entityType=${entityType}&entityId=${entityId}`,
    headers: { "content-type": "multipart/form-data; boundary=X" },
    payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--X--\r\n`,
  });
}

describe(`facilities: upkeep, keys, staff (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    for (const u of await t.services.db.selectFrom("appUser").select(["id", "username"]).execute())
      uid[u.username] = u.id;
    manager = await t.as("custody.manager");
    keeper = await t.as("custody.keeper");
    const site = await newSite(manager);
    vault = await newVault(manager, site.id, { keeperUserId: uid["custody.keeper"] });
  });
  afterAll(() => t.close());

  it("[D-9.7][D-9.3] flags overdue checks in the list and the compliance check until the keeper records one", async () => {
    const e = await manager.post(`/api/vaults/${vault.id}/equipment`, {
      kind: "fire_extinguisher",
      name: "手提式干粉灭火器",
      quantity: 6,
      checkIntervalDays: 90,
      nextDueOn: "2020-01-01",
    });
    expect(e.status).toBe(201);
    const overdue = await manager.get("/api/equipment?overdue=true&pageSize=200");
    expect(overdue.body.items.find((x: { id: string }) => x.id === e.body.id)).toMatchObject({
      overdue: true,
    });
    const vaults = await manager.get("/api/vaults?pageSize=200");
    expect(vaults.body.items.find((v: { id: string }) => v.id === vault.id).overdueEquipment).toBe(1);
    expect(await finding("equipment_checks_current")).toMatchObject({
      clause: "D-9.7",
      ok: false,
      measured: "1 overdue, 0 faulty",
    });
    expect(await finding("fire_equipment_checked")).toMatchObject({
      clause: "D-9.3",
      ok: false,
      measured: 1,
    });

    const check = { kind: "check", performedOn: todayInShanghai(), performedByName: "黄芳", result: "ok" };
    for (const u of ["custody.keeper2", "custody.operator", "client.officer"]) {
      const c = await t.as(u);
      expect((await c.post(`/api/equipment/${e.body.id}/maintenance`, check)).status, u).toBe(403);
    }
    expect((await keeper.post(`/api/equipment/${e.body.id}/maintenance`, check)).status).toBe(201);
    const log = await (await t.as("client.officer")).get(`/api/equipment/${e.body.id}/maintenance`);
    expect(log.status).toBe(200);
    expect(log.body.equipment).toMatchObject({ overdue: false, lastCheckedOn: check.performedOn });
    expect(log.body.items[0]).toMatchObject({ result: "ok", recordedByName: "黄芳" });
    expect(log.body.equipment.nextDueOn > check.performedOn).toBe(true);
    expect(await finding("equipment_checks_current")).toMatchObject({ ok: true });

    await keeper.post(`/api/equipment/${e.body.id}/maintenance`, { ...check, result: "fault_found" });
    expect(await finding("equipment_checks_current")).toMatchObject({
      ok: false,
      measured: "0 overdue, 1 faulty",
    });
    const xlsx = await manager.request({ method: "GET", url: "/api/equipment/export.xlsx?overdue=false" });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });

  it("[D-9.2] names the keeper and key holders from the agency's own active users", async () => {
    expect(await finding("vault_keeper")).toMatchObject({ ok: true, measured: "named" });
    expect(await finding("key_holders")).toMatchObject({ ok: false, measured: 0 });
    const add = await manager.post(`/api/vaults/${vault.id}/key-holders`, {
      userId: uid["custody.keeper"],
      device: "key",
      issuedOn: "2026-01-05",
    });
    expect(add.status).toBe(201);
    await manager.post(`/api/vaults/${vault.id}/key-holders`, {
      userId: uid["custody.keeper2"],
      device: "access_card",
    });
    const v = await manager.get(`/api/vaults/${vault.id}`);
    expect(v.body.keeperName).toBe("黄芳");
    expect(
      v.body.keyHolders.map((h: { displayName: string; device: string }) => [h.displayName, h.device]),
    ).toEqual([
      ["林涛", "access_card"],
      ["黄芳", "key"],
    ]);
    expect(await finding("key_holders")).toMatchObject({ clause: "D-9.2", ok: true, measured: 2 });

    const foreign = await manager.post(`/api/vaults/${vault.id}/key-holders`, {
      userId: uid["digit.manager"],
      device: "key",
    });
    expect(foreign.body).toMatchObject({ code: "NOT_AGENCY_STAFF", clause: "D-9.2" });
    const operatorKeeper = await manager.patch(`/api/vaults/${vault.id}`, {
      keeperUserId: uid["custody.operator"],
    });
    expect(operatorKeeper.body).toMatchObject({ code: "NOT_AGENCY_STAFF", clause: "D-9.2" });
    expect(
      (
        await keeper.post(`/api/vaults/${vault.id}/key-holders`, {
          userId: uid["custody.keeper"],
          device: "password",
        })
      ).status,
    ).toBe(403);

    const removed = await manager.delete(`/api/vaults/${vault.id}/key-holders/${uid["custody.keeper2"]}`);
    expect(removed.body).toEqual({ ok: true, removed: 1 });
    expect(await finding("key_holders")).toMatchObject({ measured: 1 });
    const trail = await manager.get(`/api/audit/trail?entityType=vault&entityId=${vault.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain("vault.key_holder_removed");
  });

  it("[D-6.1][D-6.2] keeps the staff register with training records; ID numbers masked for all but the manager", async () => {
    const id = "310114198805061234";
    const s = await manager.post("/api/staff", {
      name: "周敏",
      idNumber: id,
      titleLevel: "intermediate",
      archiveProfessional: true,
      position: "库房管理员",
    });
    expect(s.status).toBe(201);
    const dup = await manager.post("/api/staff", {
      name: "重复",
      idNumber: id,
      titleLevel: "none",
      archiveProfessional: false,
    });
    expect(dup.body.code).toBe("STAFF_ID_NUMBER_TAKEN");
    // The demo register already links the keeper's account to a staff record.
    const linked = await manager.patch(`/api/staff/${s.body.id}`, { userId: uid["custody.keeper"] });
    expect(linked.body.code).toBe("STAFF_USER_TAKEN");
    const outsider = await manager.post("/api/staff", {
      name: "外单位",
      userId: uid["digit.manager"],
      titleLevel: "none",
      archiveProfessional: false,
    });
    expect(outsider.body).toMatchObject({ code: "NOT_AGENCY_STAFF", clause: "D-6.1" });
    expect(
      (await keeper.post("/api/staff", { name: "x", titleLevel: "none", archiveProfessional: false })).status,
    ).toBe(403);

    const cert = await upload(manager, "staff_member", s.body.id, "结业证书.pdf");
    expect(cert.statusCode).toBe(201);
    const today = todayInShanghai();
    const training = await manager.post(`/api/staff/${s.body.id}/trainings`, {
      heldOn: today,
      course: "档案保护技术继续教育",
      hours: 16,
      provider: "上海市档案局培训中心",
      certificateAttachmentId: cert.json().id,
    });
    expect(training.status).toBe(201);
    const elsewhere = await upload(manager, "vault", vault.id, "x.pdf");
    const wrong = await manager.post(`/api/staff/${s.body.id}/trainings`, {
      heldOn: today,
      course: "x",
      hours: 1,
      certificateAttachmentId: elsewhere.json().id,
    });
    expect(wrong.body).toMatchObject({ code: "ATTACHMENT_NOT_ON_STAFF", clause: "D-6.2" });

    const detail = await manager.get(`/api/staff/${s.body.id}`);
    expect(detail.body).toMatchObject({ idNumber: id, user: null });
    expect(detail.body.trainings).toMatchObject([
      { course: "档案保护技术继续教育", hours: 16, certificateFilename: "结业证书.pdf" },
    ]);
    const row = (await manager.get("/api/staff?q=周敏")).body.items[0];
    expect(row).toMatchObject({ idNumber: id, trainingHoursLastYear: 16, trainingCount: 1 });
    for (const u of ["custody.keeper", "client.officer", "city.inspector"]) {
      const c = await t.as(u);
      const listed = (await c.get("/api/staff?q=周敏")).body.items[0];
      expect(listed.idNumber, u).toBe("3101**********1234");
      expect(JSON.stringify((await c.get(`/api/staff/${s.body.id}`)).body), u).not.toContain(id);
      // Platform accounts of the demo register are shown to the agency only.
      const keeperRow = (await c.get("/api/staff?q=黄芳")).body.items[0];
      expect(keeperRow.username, u).toBe(u === "custody.keeper" ? "custody.keeper" : null);
    }
    const trail = await manager.get(`/api/audit/trail?entityType=staff_member&entityId=${s.body.id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      "staff.training_added",
      "attachment.added",
      "staff.saved",
    ]);
    expect(JSON.stringify(trail.body)).not.toContain(id);
  });
});
