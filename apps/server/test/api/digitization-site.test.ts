// The digitization site through the HTTP API (Z-5.5–Z-5.8, Z-7.1, Z-7.2,
// Z-7.5–Z-7.7, Z-8.3), on the demo project's site set up by the demo.
import { sha256Hex, sm3Hex } from "@dangan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
let manager: Client;
let operator: Client;
let officer: Client;
let city: Client;
let pudong: Client;
let stranger: Client;
let otherClient: Client;
let pid: string;
const B = "/api/digitization-site";

const personByBadge = async (badge: string) =>
  t.services.db
    .selectFrom("digitizationPerson")
    .selectAll()
    .where("projectId", "=", pid)
    .where("badgeNo", "=", badge)
    .executeTakeFirstOrThrow();
const station = async (kind: string) =>
  t.services.db
    .selectFrom("digitizationWorkstation")
    .selectAll()
    .where("projectId", "=", pid)
    .where("kind", "=", kind as "scanning")
    .executeTakeFirstOrThrow();
const device = async (serial: string) =>
  t.services.db
    .selectFrom("digitizationDevice")
    .selectAll()
    .where("projectId", "=", pid)
    .where("serial", "=", serial)
    .executeTakeFirstOrThrow();

const file = (path: string, content: string) => ({
  path,
  sizeBytes: Buffer.byteLength(content),
  sm3: sm3Hex(content),
  sha256: sha256Hex(content),
});

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.as("digit.manager");
  operator = await t.as("digit.operator");
  officer = await t.as("client.officer");
  city = await t.as("city.inspector");
  pudong = await t.as("pudong.inspector");
  stranger = await t.as("custody.manager");
  otherClient = await t.as("client2.officer");
  pid = (
    await t.services.db
      .selectFrom("project")
      .select("id")
      .where("name", "=", "基建档案数字化加工（一期）")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe("digitization site: workstations and cameras", () => {
  it("[Z-5.5] shows the demo site fully covered, with one overdue seal test, to the parties and regulators", async () => {
    for (const c of [manager, officer, city, pudong]) {
      const res = await c.get(`${B}/projects/${pid}/dashboard`);
      expect(res.status, c.username).toBe(200);
      expect(res.body.coverageGaps).toEqual([]);
      expect(res.body.overdueSealTests).toHaveLength(1);
      expect(res.body.config.unverified).toBe(true);
    }
    const sum = await manager.get(`${B}/summary`);
    expect(sum.body.overdueSealTests).toBe(1);
  });

  it("[Z-5.5] hides the site from other clients and other agencies (404)", async () => {
    for (const c of [stranger, otherClient]) {
      expect((await c.get(`${B}/projects/${pid}/dashboard`)).status).toBe(404);
      expect((await c.get(`${B}/projects/${pid}/people`)).status).toBe(404);
      expect((await c.get(`${B}/summary`)).body.overdueSealTests).toBe(0);
    }
  });

  it("[Z-5.5] refuses a camera with no workstation or area, or whose recordings the agency keeps", async () => {
    const none = await manager.post(`${B}/projects/${pid}/cameras`, { label: "X" });
    expect(none.body).toMatchObject({ code: "CAMERA_TARGET_REQUIRED", clause: "Z-5.5" });
    const agency = await manager.post(`${B}/projects/${pid}/cameras`, {
      label: "X",
      area: "storage",
      recordingsHeldBy: "agency",
    });
    expect(agency.body).toMatchObject({ code: "RECORDINGS_HELD_BY_CLIENT", clause: "Z-5.5" });
  });

  it("[Z-5.5] reports a workstation without a camera as a coverage gap", async () => {
    const w = await manager.post(`${B}/projects/${pid}/workstations`, {
      code: "W-LK",
      kind: "linking",
      name: "挂接工位",
    });
    expect(w.status).toBe(201);
    const gaps = (await officer.get(`${B}/projects/${pid}/cameras`)).body.gaps;
    expect(gaps).toEqual([{ kind: "workstation", workstationId: w.body.id, code: "W-LK", name: "挂接工位" }]);
    const cam = await manager.post(`${B}/projects/${pid}/cameras`, {
      label: "CAM-W-LK",
      workstationId: w.body.id,
    });
    expect(cam.status).toBe(201);
    expect(cam.body.retentionDays).toBeGreaterThan(0);
    expect((await officer.get(`${B}/projects/${pid}/cameras`)).body.gaps).toEqual([]);
    const entry = (await officer.get(`${B}/projects/${pid}/cameras`)).body.cameras.find(
      (c: { area: string }) => c.area === "entry",
    );
    expect((await manager.post(`${B}/cameras/${entry.id}/remove`)).status).toBe(200);
    const after = (await officer.get(`${B}/projects/${pid}/dashboard`)).body.coverageGaps;
    expect(after).toEqual([{ kind: "area", area: "entry" }]);
    await manager.post(`${B}/projects/${pid}/cameras`, { label: "CAM-出入口2", area: "entry" });
  });

  it("[Z-7.2] lets the agency manager alone set up workstations; codes are unique", async () => {
    const body = { code: "W-X", kind: "scanning", name: "扫描二" };
    expect((await operator.post(`${B}/projects/${pid}/workstations`, body)).status).toBe(403);
    expect((await officer.post(`${B}/projects/${pid}/workstations`, body)).status).toBe(403);
    expect((await city.post(`${B}/projects/${pid}/workstations`, body)).status).toBe(403);
    expect((await stranger.post(`${B}/projects/${pid}/workstations`, body)).status).toBe(404);
    expect((await manager.post(`${B}/projects/${pid}/workstations`, body)).status).toBe(201);
    expect((await manager.post(`${B}/projects/${pid}/workstations`, body)).status).toBe(409);
  });

  it("[Z-7.2] assigns fixed posts and answers whether a user is assigned", async () => {
    const scan = await station("scanning");
    const qc = await station("quality_control");
    const op = await personByBadge("SZ-002");
    const s = t.services.digitizationSite;
    expect(await s.isAssigned(pid, op.userId!, scan.id)).toBe(true);
    expect(await s.isAssigned(pid, op.userId!, qc.id)).toBe(false);
    const a = await manager.post(`${B}/workstations/${qc.id}/assignments`, { personId: op.id, post: "复核" });
    expect(a.status).toBe(201);
    expect(await s.isAssigned(pid, op.userId!, qc.id)).toBe(true);
    expect(
      (await manager.post(`${B}/workstations/${qc.id}/assignments`, { personId: op.id, post: "x" })).status,
    ).toBe(409);
    const list = (await officer.get(`${B}/projects/${pid}/workstations`)).body;
    expect(list.find((w: { id: string }) => w.id === qc.id).assignments).toHaveLength(2);
  });
});

describe("digitization site: people and entry", () => {
  it("[Z-5.6] masks ID numbers (one rule: first and last 4 visible) except for the client and the agency manager", async () => {
    const full = "310115199002020022";
    const seen = async (c: Client) =>
      (await c.get(`${B}/projects/${pid}/people?q=SZ-002`)).body.items[0].idNumber;
    expect(await seen(manager)).toBe(full);
    expect(await seen(officer)).toBe(full);
    expect(await seen(operator)).toBe("3101**********0022");
    expect(await seen(city)).toBe("3101**********0022");
    const xlsx = await officer.get(`${B}/projects/${pid}/people/export.xlsx`);
    expect(xlsx.status).toBe(200);
  });

  it("[Z-5.6] refuses entry to an unregistered badge, a person without a badge and a revoked person", async () => {
    const unknown = await operator.post(`${B}/projects/${pid}/entries`, { badgeNo: "NOPE-1" });
    expect(unknown.body).toMatchObject({ code: "PERSON_NOT_REGISTERED", clause: "Z-5.6" });
    const nobadge = await manager.post(`${B}/projects/${pid}/people`, {
      name: "临时工",
      idNumber: "310115200001010099",
      role: "搬运",
    });
    expect(nobadge.status).toBe(201);
    const r1 = await operator.post(`${B}/projects/${pid}/entries`, { personId: nobadge.body.id });
    expect(r1.body).toMatchObject({ code: "BADGE_REQUIRED", clause: "Z-5.6" });
    const gone = await manager.post(`${B}/projects/${pid}/people`, {
      name: "离职人员",
      idNumber: "310115200001010088",
      badgeNo: "SZ-099",
      role: "扫描",
    });
    expect((await manager.post(`${B}/people/${gone.body.id}/revoke`)).status).toBe(200);
    const r2 = await operator.post(`${B}/projects/${pid}/entries`, { badgeNo: "SZ-099" });
    expect(r2.body).toMatchObject({ code: "PERSON_REVOKED", clause: "Z-5.6" });
    const dup = await manager.post(`${B}/projects/${pid}/people`, {
      name: "重复",
      idNumber: "310115200001010077",
      badgeNo: "SZ-001",
      role: "x",
    });
    expect(dup.status).toBe(409);
  });

  it("[Z-5.6] admits a badged person once, lists them on site, and records the exit", async () => {
    const ok = await operator.post(`${B}/projects/${pid}/entries`, { badgeNo: "SZ-003" });
    expect(ok.status).toBe(201);
    expect(ok.body.outcome).toBe("admitted");
    const twice = await operator.post(`${B}/projects/${pid}/entries`, { badgeNo: "SZ-003" });
    expect(twice.body).toMatchObject({ code: "ALREADY_ON_SITE", clause: "Z-5.6" });
    const dash = (await officer.get(`${B}/projects/${pid}/dashboard`)).body;
    expect(dash.onSite.map((p: { badgeNo: string }) => p.badgeNo)).toContain("SZ-003");
    expect((await operator.post(`${B}/entries/${ok.body.id}/exit`)).status).toBe(200);
    expect((await operator.post(`${B}/entries/${ok.body.id}/exit`)).status).toBe(409);
    const after = (await officer.get(`${B}/projects/${pid}/dashboard`)).body;
    expect(after.onSite.map((p: { badgeNo: string }) => p.badgeNo)).not.toContain("SZ-003");
    const log = await officer.get(`${B}/projects/${pid}/entries?outcome=admitted`);
    expect(log.body.total).toBeGreaterThan(0);
  });

  it("[Z-7.1] refuses entry with a phone or removable medium, records it and opens an incident", async () => {
    const res = await operator.post(`${B}/projects/${pid}/entries`, {
      badgeNo: "SZ-004",
      declaredItems: ["phone"],
      foundItems: ["removable_medium"],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ outcome: "refused", bannedItems: ["phone", "removable_medium"] });
    expect(res.body.refusal).toMatchObject({ code: "BANNED_ITEM", clause: "Z-7.1" });
    const incident = await t.services.db
      .selectFrom("incident")
      .selectAll()
      .where("id", "=", res.body.incidentId)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      kind: "banned_item",
      source: "system",
      clauseId: "Z-7.1",
      projectId: pid,
    });
    const dash = (await officer.get(`${B}/projects/${pid}/dashboard`)).body;
    expect(dash.openIncidents.map((i: { id: string }) => i.id)).toContain(res.body.incidentId);
    expect(dash.onSite.map((p: { badgeNo: string }) => p.badgeNo)).not.toContain("SZ-004");
  });

  it("[Z-5.6] lets only the agency record entries", async () => {
    expect((await officer.post(`${B}/projects/${pid}/entries`, { badgeNo: "SZ-003" })).status).toBe(403);
    expect((await pudong.post(`${B}/projects/${pid}/entries`, { badgeNo: "SZ-003" })).status).toBe(403);
    expect((await stranger.post(`${B}/projects/${pid}/entries`, { badgeNo: "SZ-003" })).status).toBe(404);
  });
});

describe("digitization site: devices and ports", () => {
  it("[Z-5.7] takes a device out only with the client's approval, and tracks it until it returns", async () => {
    const scanner = await device("EPS-DS50000-0017");
    const req = await operator.post(`${B}/devices/${scanner.id}/exits`, { reason: "送修：进纸器故障" });
    expect(req.status).toBe(201);
    const early = await operator.post(`${B}/device-exits/${req.body.id}/exit`);
    expect(early.body).toMatchObject({ code: "DEVICE_EXIT_NOT_APPROVED", clause: "Z-5.7" });
    expect((await operator.post(`${B}/devices/${scanner.id}/exits`, { reason: "x" })).body.code).toBe(
      "DEVICE_EXIT_OPEN",
    );
    expect((await manager.post(`${B}/device-exits/${req.body.id}/decision`, { approve: true })).status).toBe(
      403,
    );
    expect(
      (await otherClient.post(`${B}/device-exits/${req.body.id}/decision`, { approve: true })).status,
    ).toBe(404);
    const ok = await officer.post(`${B}/device-exits/${req.body.id}/decision`, {
      approve: true,
      note: "已检查，无存储",
    });
    expect(ok.body.status).toBe("approved");
    expect((await operator.post(`${B}/device-exits/${req.body.id}/exit`)).body.status).toBe("out");
    const dash = (await officer.get(`${B}/projects/${pid}/dashboard`)).body;
    expect(dash.deviceExits.map((x: { id: string; status: string }) => [x.id, x.status])).toContainEqual([
      req.body.id,
      "out",
    ]);
    expect((await officer.get(`${B}/summary`)).body.devicesOut).toBe(1);
    const back = await operator.post(`${B}/device-exits/${req.body.id}/return`, { note: "修复返回" });
    expect(back.body.status).toBe("returned");
    expect((await officer.get(`${B}/summary`)).body.devicesOut).toBe(0);
  });

  it("[Z-5.7] records a rejected take-out, after which the device cannot leave", async () => {
    const pc = await device("LNV-M920-3321");
    const req = await operator.post(`${B}/devices/${pc.id}/exits`, { reason: "带回公司" });
    const no = await officer.post(`${B}/device-exits/${req.body.id}/decision`, { approve: false });
    expect(no.body.status).toBe("rejected");
    expect((await operator.post(`${B}/device-exits/${req.body.id}/exit`)).body.code).toBe(
      "DEVICE_EXIT_NOT_APPROVED",
    );
    const list = await officer.get(`${B}/projects/${pid}/device-exits?status=rejected`);
    expect(list.body).toHaveLength(1);
  });

  it("[Z-5.7] registers devices with unique serials, by the agency manager", async () => {
    const body = { kind: "printer", name: "打印机", serial: "HP-1", owner: "client", storesData: false };
    expect((await operator.post(`${B}/projects/${pid}/devices`, body)).status).toBe(403);
    expect((await manager.post(`${B}/projects/${pid}/devices`, body)).status).toBe(201);
    expect((await manager.post(`${B}/projects/${pid}/devices`, body)).status).toBe(409);
    const list = await officer.get(`${B}/projects/${pid}/devices?q=HP-1`);
    expect(list.body.total).toBe(1);
    expect((await officer.get(`${B}/projects/${pid}/devices/export.xlsx`)).status).toBe(200);
  });

  it("[Z-5.8] refuses a needed port without a post and person, or with a person not at that post", async () => {
    const pc = await device("LNV-M920-3321");
    const bare = await manager.post(`${B}/devices/${pc.id}/ports`, {
      kind: "usb",
      label: "后置USB",
      state: "needed",
    });
    expect(bare.body).toMatchObject({ code: "PORT_NEEDS_POST", clause: "Z-5.8" });
    const md = await station("metadata");
    const op = await personByBadge("SZ-002");
    const wrong = await manager.post(`${B}/devices/${pc.id}/ports`, {
      kind: "usb",
      label: "后置USB",
      state: "needed",
      workstationId: md.id,
      personId: op.id,
    });
    expect(wrong.body).toMatchObject({ code: "PORT_PERSON_NOT_AT_POST", clause: "Z-5.8" });
    const scan = await station("scanning");
    const ok = await manager.post(`${B}/devices/${pc.id}/ports`, {
      kind: "usb",
      label: "后置USB",
      state: "needed",
      workstationId: scan.id,
      personId: op.id,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.post).toBe("扫描员");
  });

  it("[Z-5.8] lists the overdue seal test, clears it with a new test, and opens an incident for a broken seal", async () => {
    const ports = (await officer.get(`${B}/projects/${pid}/ports`)).body;
    expect(ports.unverified).toBe(true);
    const overdue = ports.ports.filter((p: { overdue: boolean }) => p.overdue);
    expect(overdue).toHaveLength(1);
    const t1 = await operator.post(`${B}/ports/${overdue[0].id}/seal-tests`, { result: "intact" });
    expect(t1.status).toBe(201);
    expect(t1.body.incidentId).toBeNull();
    expect((await officer.get(`${B}/summary`)).body.overdueSealTests).toBe(0);
    const broken = await operator.post(`${B}/ports/${overdue[0].id}/seal-tests`, {
      result: "broken",
      note: "封条撕开",
    });
    expect(broken.body.incidentId).toBeTruthy();
    const incident = await t.services.db
      .selectFrom("incident")
      .selectAll()
      .where("id", "=", broken.body.incidentId)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ kind: "security", clauseId: "Z-5.8", source: "system" });
    const needed = ports.ports.find((p: { state: string }) => p.state === "needed");
    const fine = await operator.post(`${B}/ports/${needed.id}/seal-tests`, { result: "broken" });
    expect(fine.body.incidentId).toBeNull();
    const future = await operator.post(`${B}/ports/${needed.id}/seal-tests`, {
      result: "intact",
      testedAt: "2999-01-01T00:00:00+08:00",
    });
    expect(future.status).toBe(409);
    expect((await officer.post(`${B}/ports/${needed.id}/seal-tests`, { result: "intact" })).status).toBe(403);
  });
});

describe("digitization site: media, copies and handover", () => {
  it("[Z-7.5] records a copy only from a designated device by a designated person", async () => {
    const nas = await device("SYN-RS1221-0042");
    const pc = await device("LNV-M920-3321");
    const guo = await personByBadge("SZ-001");
    const luo = await personByBadge("SZ-002");
    const body = { action: "copy", description: "第一批成果拷贝至 R-001", fileCount: 86 };
    const dev = await operator.post(`${B}/projects/${pid}/copies`, {
      ...body,
      deviceId: pc.id,
      personId: guo.id,
    });
    expect(dev.body).toMatchObject({ code: "COPY_DEVICE_NOT_DESIGNATED", clause: "Z-7.5" });
    const who = await operator.post(`${B}/projects/${pid}/copies`, {
      ...body,
      deviceId: nas.id,
      personId: luo.id,
    });
    expect(who.body).toMatchObject({ code: "COPY_PERSON_NOT_DESIGNATED", clause: "Z-7.5" });
    const ok = await operator.post(`${B}/projects/${pid}/copies`, {
      ...body,
      deviceId: nas.id,
      personId: guo.id,
    });
    expect(ok.status).toBe(201);
    const media = (await officer.get(`${B}/projects/${pid}/media`)).body;
    expect(media.copies.map((c: { id: string }) => c.id)).toContain(ok.body.id);
    await manager.post(`${B}/people/${luo.id}/designation`, { designated: true });
    expect(
      (await operator.post(`${B}/projects/${pid}/copies`, { ...body, deviceId: nas.id, personId: luo.id }))
        .status,
    ).toBe(201);
  });

  it("[Z-7.7] hands media over with a manifest, verified by the client and confirmed no-copy by the agency manager", async () => {
    const s = t.services.digitizationSite;
    const before = await s.mediaHandoverComplete(pid);
    expect(before.complete).toBe(false);
    expect(before.openPoints.map((p) => p.kind)).toEqual(["no_handover", "media_not_handed"]);
    const backup = await manager.post(`${B}/projects/${pid}/media`, {
      label: "B-001",
      kind: "hdd",
      capacityGb: 4000,
      purpose: "backup",
    });
    expect(backup.status).toBe(201);
    const r001 = (await officer.get(`${B}/projects/${pid}/media`)).body.media.find(
      (m: { label: string }) => m.label === "R-001",
    );
    const files = [file("B-001/0001.tif", "page one"), file("B-001/0002.tif", "page two")];
    const none = await manager.post(`${B}/projects/${pid}/handovers`, {
      mediaIds: [r001.id, backup.body.id],
      receivedByName: "周红",
    });
    expect(none.body).toMatchObject({ code: "MANIFEST_REQUIRED", clause: "Z-7.7" });
    const h = await manager.post(`${B}/projects/${pid}/handovers`, {
      mediaIds: [r001.id, backup.body.id],
      receivedByName: "周红",
      files,
    });
    expect(h.status).toBe(201);
    expect(h.body.fileCount).toBe(2);
    const again = await manager.post(`${B}/projects/${pid}/handovers`, {
      mediaIds: [r001.id],
      receivedByName: "周红",
      files,
    });
    expect(again.body.code).toBe("MEDIA_NOT_IN_USE");

    const csv = await officer.get(`${B}/handovers/${h.body.id}/manifest.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain("B-001/0001.tif");

    // The client's own listing: one file altered, one missing, one extra.
    const wrong = [
      "path,size,sm3,sha256",
      ...[file("B-001/0001.tif", "page ONE"), file("B-001/0003.tif", "x")].map(
        (f) => `${f.path},${f.sizeBytes},${f.sm3},${f.sha256}`,
      ),
    ].join("\n");
    expect((await manager.post(`${B}/handovers/${h.body.id}/verify`, { manifest: wrong })).status).toBe(403);
    const bad = await officer.post(`${B}/handovers/${h.body.id}/verify`, { manifest: wrong });
    expect(bad.status).toBe(201);
    expect(bad.body).toMatchObject({
      outcome: "mismatch",
      missing: ["B-001/0002.tif"],
      extra: ["B-001/0003.tif"],
      mismatched: ["B-001/0001.tif"],
    });
    const mid = await s.mediaHandoverComplete(pid);
    expect(mid.openPoints.map((p) => p.kind)).toEqual(["manifest_mismatch", "no_copy_not_confirmed"]);
    const good = await officer.post(`${B}/handovers/${h.body.id}/verify`, {
      manifest: JSON.stringify(files),
    });
    expect(good.body.outcome).toBe("match");

    expect((await operator.post(`${B}/handovers/${h.body.id}/no-copy`)).status).toBe(403);
    expect((await officer.post(`${B}/handovers/${h.body.id}/no-copy`)).status).toBe(403);
    const signed = await manager.post(`${B}/handovers/${h.body.id}/no-copy`);
    expect(signed.status).toBe(201);
    expect(signed.body.documentKind).toBe("digitization_no_copy");
    expect((await manager.post(`${B}/handovers/${h.body.id}/no-copy`)).status).toBe(409);

    const after = await s.mediaHandoverComplete(pid);
    expect(after).toEqual({ complete: true, openPoints: [] });
    const detail = await city.get(`${B}/handovers/${h.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.verifications).toHaveLength(2);
    expect(detail.body.confirmations).toHaveLength(1);
    expect((await stranger.get(`${B}/handovers/${h.body.id}`)).status).toBe(404);
    const status = await officer.get(`${B}/projects/${pid}/handover-status`);
    expect(status.body.complete).toBe(true);
  });

  it("[Z-8.3] keeps client devices with the client and hands agency data devices to the client", async () => {
    const nas = await device("SYN-RS1221-0042");
    const pc = await device("LNV-M920-3321");
    const scanner = await device("EPS-DS50000-0017");
    const s = t.services.digitizationSite;
    expect((await s.openDispositions(pid)).length).toBeGreaterThanOrEqual(3);
    const c1 = await manager.post(`${B}/devices/${nas.id}/disposition`, { disposition: "removed_by_agency" });
    expect(c1.body).toMatchObject({ code: "CLIENT_DEVICE_STAYS", clause: "Z-8.3" });
    const c2 = await manager.post(`${B}/devices/${pc.id}/disposition`, { disposition: "removed_by_agency" });
    expect(c2.body).toMatchObject({ code: "DATA_DEVICE_TO_CLIENT", clause: "Z-8.3" });
    expect(
      (await manager.post(`${B}/devices/${nas.id}/disposition`, { disposition: "retained_by_client" }))
        .status,
    ).toBe(200);
    expect(
      (await manager.post(`${B}/devices/${pc.id}/disposition`, { disposition: "handed_to_client" })).status,
    ).toBe(200);
    expect(
      (await manager.post(`${B}/devices/${scanner.id}/disposition`, { disposition: "removed_by_agency" }))
        .status,
    ).toBe(200);
    const open = (await s.openDispositions(pid)).map((d) => d.serial);
    expect(open).not.toContain(pc.serial);
    expect(open).toContain("HP-1");
    const status = (await officer.get(`${B}/projects/${pid}/handover-status`)).body;
    expect(status.openDispositions.map((d: { serial: string }) => d.serial)).toEqual(open.sort());
  });

  it("[Z-7.6] registers media by the agency manager with unique labels", async () => {
    const body = { label: "R-002", kind: "usb", capacityGb: 256, purpose: "results" };
    expect((await operator.post(`${B}/projects/${pid}/media`, body)).status).toBe(403);
    expect((await pudong.post(`${B}/projects/${pid}/media`, body)).status).toBe(403);
    expect((await otherClient.post(`${B}/projects/${pid}/media`, body)).status).toBe(404);
    expect((await manager.post(`${B}/projects/${pid}/media`, body)).status).toBe(201);
    expect((await manager.post(`${B}/projects/${pid}/media`, body)).status).toBe(409);
  });
});
