// The originals of a digitization project through the HTTP API: volumes and
// screening (Z-6.1), unshelving (Z-6.2), handover lists (Z-6.3), condition
// (Z-6.4), temporary storage (Z-6.5), the workstation chain (Z-7.2), stops
// (Z-7.3) and the return (Z-8.1).
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { csvText, xlsx } from "./catalogues-fixtures.ts";
import {
  digitizationProject,
  stationsFixture,
  uploadVolumes,
  volumeRows,
} from "./digitization-originals-world.ts";

const HEADER = ["档号", "题名", "件数", "页数"];

let t: TestApp;
let officer: Client;
let manager: Client;
let operator: Client;
let inspector: Client;
let strangers: Client[];
let projectId: string;
let st: Awaited<ReturnType<typeof stationsFixture>>;
let vol: Record<string, string>;

const base = () => `/api/digitization/projects/${projectId}`;
const codes = (year: number, from: number, n: number) => volumeRows(year, from, n).map((r) => r[0]!);

async function volumeIds(refs: string[]) {
  const rows = await t.services.db
    .selectFrom("digitizationVolume")
    .select(["id", "referenceCode"])
    .where("projectId", "=", projectId)
    .where("referenceCode", "in", refs)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.referenceCode, r.id]));
}

describe(`digitization originals (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as("client.officer");
    manager = await t.as("digit.manager");
    operator = await t.as("digit.operator");
    inspector = await t.as("city.inspector");
    strangers = await Promise.all(["custody.manager", "client2.officer"].map((u) => t.as(u)));
    const p = await digitizationProject(t);
    projectId = p.id;
    st = await stationsFixture(t, projectId, p.agencyOrgId, "T");
  }, 120_000);
  afterAll(() => t?.close());

  it("[Z-6.1][Z-7.3] the demo project is started: volumes screened (one flagged), a batch at scanning, one stopped", async () => {
    const r = await officer.get(`${base()}/volumes?pageSize=50`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThanOrEqual(6);
    expect(r.body.items.filter((v: { screening: string }) => v.screening === "flagged")).toHaveLength(1);
    expect(r.body.permissions.screen).toBe(true);
    const board = await officer.get(`${base()}/board`);
    const scanning = board.body.columns
      .filter((c: { kind: string }) => c.kind === "scanning")
      .flatMap((c: { volumes: { openStopId: string | null }[] }) => c.volumes);
    expect(scanning.length).toBeGreaterThan(0);
    expect(scanning.filter((v: { openStopId: string | null }) => v.openStopId)).toHaveLength(1);
    const lists = await manager.get(`${base()}/handover-lists`);
    expect(lists.body.items.some((l: { status: string }) => l.status === "confirmed")).toBe(true);
  });

  it("[Z-6.1] refuses a volume list with problems by row and column, importing nothing", async () => {
    const bad = [
      ...volumeRows(2010, 1, 2),
      ["Z109-XX-0001", "坏档号", "1", ""],
      ["Z109-KJ·2010-Y-JJ-0009", "", "x", ""],
    ];
    const r = await uploadVolumes(officer, projectId, "volumes.csv", csvText(HEADER, bad));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe("VOLUME_LIST_INVALID");
    expect(r.body.clause).toBe("Z-6.1");
    const where = r.body.details.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`);
    expect(where).toEqual(expect.arrayContaining(["4:referenceCode", "5:title", "5:quantity"]));
    const n = await t.services.db
      .selectFrom("digitizationVolume")
      .select("id")
      .where("referenceCode", "=", codes(2010, 1, 1)[0]!)
      .execute();
    expect(n).toHaveLength(0);
    const missing = await uploadVolumes(
      officer,
      projectId,
      "v.csv",
      csvText(
        ["档号", "题名"],
        volumeRows(2010, 1, 1).map((x) => x.slice(0, 2)),
      ),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.details.problems[0]).toMatchObject({
      row: 1,
      column: "quantity",
      code: "missing_column",
    });
  });

  it("[Z-6.1] imports csv and xlsx lists all or nothing; a registered code is not imported twice", async () => {
    const csv = await uploadVolumes(
      officer,
      projectId,
      "volumes.csv",
      csvText(HEADER, volumeRows(2010, 1, 8)),
    );
    expect(csv.status).toBe(201);
    expect(csv.body.imported).toBe(8);
    const book = await xlsx(HEADER, volumeRows(2011, 1, 3));
    const x = await uploadVolumes(officer, projectId, "volumes.xlsx", book);
    expect(x.status).toBe(201);
    expect(x.body.imported).toBe(3);
    const again = await uploadVolumes(
      officer,
      projectId,
      "volumes.csv",
      csvText(HEADER, volumeRows(2010, 8, 2)),
    );
    expect(again.status).toBe(422);
    expect(again.body.details.problems[0]).toMatchObject({ row: 2, code: "duplicate_held" });
    vol = await volumeIds([...codes(2010, 1, 8), ...codes(2011, 1, 3)]);
    expect(Object.keys(vol)).toHaveLength(11);
  });

  it("[Z-6.1] only the client registers and screens; strangers do not see the project", async () => {
    const one = { referenceCode: "Z109-KJ·2012-Y-JJ-0001", title: "机构登记", itemCount: 1 };
    expect((await manager.post(`${base()}/volumes`, one)).status).toBe(403);
    expect((await inspector.post(`${base()}/volumes`, one)).status).toBe(403);
    expect((await inspector.get(`${base()}/volumes`)).status).toBe(200);
    for (const c of strangers) {
      expect((await c.get(`${base()}/volumes`)).status).toBe(404);
      expect((await c.post(`${base()}/volumes`, one)).status).toBe(404);
      expect(
        (await uploadVolumes(c, projectId, "v.csv", csvText(HEADER, volumeRows(2012, 5, 1)))).status,
      ).toBe(404);
    }
    const v = codes(2010, 1, 1)[0]!;
    const r = await manager.post(`${base()}/volumes/screening`, { volumeIds: [vol[v]], outcome: "cleared" });
    expect(r.status).toBe(403);
    expect((await officer.post(`${base()}/volumes`, one)).status).toBe(201);
    expect((await officer.post(`${base()}/volumes`, one)).body.code).toBe("VOLUME_EXISTS");
  });

  it("[Z-6.2] unshelving is recorded by client users only", async () => {
    const [a] = codes(2010, 1, 1);
    const r = await manager.post(`${base()}/volumes/unshelve`, { volumeIds: [vol[a!]] });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: "UNSHELVING_BY_CLIENT_ONLY", clause: "Z-6.2" });
  });

  it("[Z-6.1] a flagged or unscreened volume never enters a batch, on any path", async () => {
    const [a, b, c] = codes(2011, 1, 3).map((x) => vol[x]!);
    await officer.post(`${base()}/volumes/screening`, { volumeIds: [a], outcome: "flagged", note: "涉密" });
    const create = await manager.post(`${base()}/batches`, { code: "T-B0", volumeIds: [a] });
    expect(create.status).toBe(422);
    expect(create.body).toMatchObject({ code: "VOLUME_FLAGGED_CLASSIFIED", clause: "Z-6.1" });
    const batch = await manager.post(`${base()}/batches`, { code: "T-B0" });
    expect(batch.status).toBe(201);
    const add = await manager.post(`/api/digitization/batches/${batch.body.id}/volumes`, { volumeIds: [b] });
    expect(add.body).toMatchObject({ code: "VOLUME_NOT_SCREENED", clause: "Z-6.1" });
    const list = await officer.post(`${base()}/handover-lists`, {
      direction: "to_agency",
      handedAt: "2026-05-06T09:00:00+08:00",
      clientHandlerName: "陈静",
      agencyHandlerName: "郭亮",
      lines: [{ volumeId: c }],
    });
    expect(list.body).toMatchObject({ code: "VOLUME_NOT_SCREENED", clause: "Z-6.1" });
  });

  it("[Z-6.3] a handover list is confirmed by both sides over its SM3 digest, and printed", async () => {
    const ids = codes(2010, 1, 4).map((x) => vol[x]!);
    await officer.post(`${base()}/volumes/screening`, { volumeIds: ids, outcome: "cleared" });
    const early = await officer.post(`${base()}/handover-lists`, {
      direction: "to_agency",
      handedAt: "2026-05-06T09:00:00+08:00",
      clientHandlerName: "陈静",
      agencyHandlerName: "郭亮",
      lines: ids.map((volumeId) => ({ volumeId })),
    });
    expect(early.body).toMatchObject({ code: "VOLUME_NOT_UNSHELVED", clause: "Z-6.2" });
    await officer.post(`${base()}/volumes/unshelve`, { volumeIds: ids });
    const list = await manager.post(`${base()}/handover-lists`, {
      direction: "to_agency",
      handedAt: "2026-05-06T09:00:00+08:00",
      clientHandlerName: "陈静",
      agencyHandlerName: "郭亮",
      lines: ids.map((volumeId, i) => ({ volumeId, quality: i === 0 ? "封面轻微破损" : "完好" })),
    });
    expect(list.status).toBe(201);
    expect(list.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const url = `/api/digitization/handover-lists/${list.body.id}`;
    expect((await inspector.post(`${url}/confirm`)).status).toBe(403);
    for (const c of strangers) expect((await c.post(`${url}/confirm`)).status).toBe(404);
    const first = await officer.post(`${url}/confirm`);
    expect(first.body.status).toBe("pending");
    expect((await officer.post(`${url}/confirm`)).body.code).toBe("ALREADY_CONFIRMED");
    expect((await manager.post(`${url}/confirm`)).body.status).toBe("confirmed");
    vol.list = list.body.id;
    const got = await inspector.get(url);
    expect(got.body.list.status).toBe("confirmed");
    expect(got.body.confirmations).toHaveLength(2);
    expect(got.body.lines).toHaveLength(4);
    const pdf = await officer.request({ method: "GET", url: `${url}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    const after = await officer.get(`${base()}/volumes?status=at_agency&pageSize=200`);
    expect(after.body.items.map((v: { id: string }) => v.id)).toEqual(expect.arrayContaining(ids));
  });

  it("[Z-6.4] damage on receipt opens an incident through the system path", async () => {
    const [a, b] = codes(2010, 1, 2).map((x) => vol[x]!);
    const bad = await operator.post(`/api/digitization/volumes/${a}/condition`, {
      stage: "receipt",
      condition: "damaged",
      note: "封面撕裂",
    });
    expect(bad.status).toBe(201);
    expect(bad.body.finding).toBe("damaged");
    const inc = await t.services.db
      .selectFrom("incident")
      .selectAll()
      .where("id", "=", bad.body.incidentId)
      .executeTakeFirstOrThrow();
    expect(inc).toMatchObject({ source: "system", clauseId: "Z-6.4", kind: "damage", projectId });
    const good = await operator.post(`/api/digitization/volumes/${b}/condition`, {
      stage: "receipt",
      condition: "good",
    });
    expect(good.body.incidentId).toBeNull();
    const twice = await operator.post(`/api/digitization/volumes/${b}/condition`, {
      stage: "receipt",
      condition: "good",
    });
    expect(twice.body.code).toBe("CONDITION_ALREADY_RECORDED");
    expect(
      (
        await officer.post(`/api/digitization/volumes/${b}/condition`, {
          stage: "receipt",
          condition: "good",
        })
      ).status,
    ).toBe(403);
    const early = await operator.post(`/api/digitization/volumes/${vol[codes(2010, 6, 1)[0]!]}/condition`, {
      stage: "receipt",
      condition: "good",
    });
    expect(early.body).toMatchObject({ code: "VOLUME_NOT_RECEIVED", clause: "Z-6.4" });
  });

  it("[Z-6.5] work starts only with fixed room, cabinet and custodian", async () => {
    const ids = codes(2010, 1, 4).map((x) => vol[x]!);
    const b = await manager.post(`${base()}/batches`, { code: "T-B1", title: "测试批次", volumeIds: ids });
    expect(b.status).toBe(201);
    const url = `/api/digitization/batches/${b.body.id}`;
    const move = await manager.post(`${url}/station-handovers`, {
      fromWorkstationId: null,
      toWorkstationId: st.prep,
      content: "测试",
      giverPersonId: st.custodian,
      receiverPersonId: st.preparer,
    });
    expect(move.body).toMatchObject({ code: "BATCH_NOT_STARTED", clause: "Z-6.5" });
    const start = await manager.post(`${url}/start`);
    expect(start.body).toMatchObject({ code: "STORAGE_NOT_FIXED", clause: "Z-6.5" });
    expect(
      (await officer.post(`${url}/storage`, { room: "B1", cabinet: "A1", custodianPersonId: st.custodian }))
        .status,
    ).toBe(403);
    const storage = await manager.post(`${url}/storage`, {
      room: "B1-03",
      cabinet: "A-01",
      custodianPersonId: st.custodian,
    });
    expect(storage.status).toBe(201);
    expect(
      (await manager.post(`${url}/storage`, { room: "B2", cabinet: "A2", custodianPersonId: st.custodian }))
        .body.code,
    ).toBe("STORAGE_ALREADY_FIXED");
    expect((await manager.post(`${url}/start`)).body.status).toBe("in_progress");
    vol.batch = b.body.id;
  });

  it("[Z-7.2] volumes move only by a recorded handover between people posted at the stations", async () => {
    const url = `/api/digitization/batches/${vol.batch}/station-handovers`;
    const ids = codes(2010, 1, 4).map((x) => vol[x]!);
    const move = {
      fromWorkstationId: null,
      toWorkstationId: st.prep,
      content: "基建档案 4 卷",
      quantity: 4,
      giverPersonId: st.custodian,
      receiverPersonId: st.preparer,
    };
    const idle = await manager.post(url, { ...move, receiverPersonId: st.idle });
    expect(idle.body).toMatchObject({ code: "RECEIVER_NOT_AT_STATION", clause: "Z-7.2" });
    const giver = await manager.post(url, { ...move, giverPersonId: st.scanner });
    expect(giver.body).toMatchObject({ code: "GIVER_NOT_AT_STATION", clause: "Z-7.2" });
    const count = await manager.post(url, { ...move, quantity: 3 });
    expect(count.body).toMatchObject({ code: "QUANTITY_MISMATCH", clause: "Z-7.2" });
    expect((await officer.post(url, move)).status).toBe(403);
    expect((await inspector.post(url, move)).status).toBe(403);
    for (const c of strangers) expect((await c.post(url, move)).status).toBe(404);
    const ok = await operator.post(url, move);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ volumes: 4 });
    const wrong = await manager.post(url, { ...move, quantity: 1, volumeIds: [ids[0]] });
    expect(wrong.body).toMatchObject({ code: "VOLUME_NOT_AT_STATION", clause: "Z-7.2" });
    const scan = await manager.post(url, {
      fromWorkstationId: st.prep,
      toWorkstationId: st.scan,
      volumeIds: ids.slice(0, 2),
      content: "整理完毕 2 卷",
      giverPersonId: st.preparer,
      receiverPersonId: st.scanner,
    });
    expect(scan.status).toBe(201);
    const board = await inspector.get(`${base()}/board`);
    expect(board.status).toBe(200);
    const col = board.body.columns.find((c: { id: string }) => c.id === st.scan);
    expect(col.volumes.map((v: { id: string }) => v.id)).toEqual(expect.arrayContaining(ids.slice(0, 2)));
    const chain = await officer.get(`/api/digitization/volumes/${ids[0]}/chain`);
    expect(chain.body.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(["unshelved", "list_to_agency", "condition_receipt", "station_handover"]),
    );
    expect(chain.body.events.filter((e: { kind: string }) => e.kind === "station_handover")).toHaveLength(2);
    for (const c of strangers) {
      expect((await c.get(`/api/digitization/volumes/${ids[0]}/chain`)).status).toBe(404);
      expect((await c.get(`/api/digitization/batches/${vol.batch}`)).status).toBe(404);
      expect((await c.get(`${base()}/board`)).status).toBe(404);
    }
  });

  it("[Z-7.3][G-7] a stopped volume is an incident and goes nowhere until the client resumes or withdraws it", async () => {
    const ids = codes(2010, 1, 4).map((x) => vol[x]!);
    const stop = await operator.post(`/api/digitization/volumes/${ids[2]}/stop`, {
      reason: "classified",
      description: "发现涉密批注",
    });
    expect(stop.status).toBe(201);
    // G-7: the stop is also an incident the regulator sees.
    const incident = await manager.get(`/api/incidents/${stop.body.incidentId}`);
    expect(incident.body).toMatchObject({
      kind: "leak",
      severity: "critical",
      clauseId: "Z-7.3",
      source: "system",
    });
    expect(
      (
        await operator.post(`/api/digitization/volumes/${ids[2]}/stop`, {
          reason: "damage",
          description: "x",
        })
      ).body.code,
    ).toBe("VOLUME_ALREADY_STOPPED");
    const move = await manager.post(`/api/digitization/batches/${vol.batch}/station-handovers`, {
      fromWorkstationId: st.prep,
      toWorkstationId: st.scan,
      volumeIds: [ids[2]],
      content: "1 卷",
      giverPersonId: st.preparer,
      receiverPersonId: st.scanner,
    });
    expect(move.body).toMatchObject({ code: "VOLUME_STOPPED", clause: "Z-7.3" });
    const alert = await officer.get("/api/digitization/stops/open");
    expect(alert.body.items.map((s: { id: string }) => s.id)).toContain(stop.body.id);
    expect((await strangers[1]!.get("/api/digitization/stops/open")).body.items).toHaveLength(0);
    const board = await officer.get(`${base()}/board`);
    const stopped = board.body.columns.flatMap(
      (c: { volumes: { id: string; openStopId: string | null }[] }) => c.volumes,
    );
    expect(stopped.find((v: { id: string }) => v.id === ids[2]).openStopId).toBe(stop.body.id);
    const byAgency = await manager.post(`/api/digitization/stops/${stop.body.id}/decision`, {
      decision: "resume",
    });
    expect(byAgency.body).toMatchObject({ code: "STOP_DECIDED_BY_CLIENT", clause: "Z-7.3" });
    for (const c of strangers)
      expect(
        (await c.post(`/api/digitization/stops/${stop.body.id}/decision`, { decision: "resume" })).status,
      ).toBe(404);
    expect(
      (await officer.post(`/api/digitization/stops/${stop.body.id}/decision`, { decision: "resume" })).status,
    ).toBe(200);
    const again = await operator.post(`/api/digitization/volumes/${ids[3]}/stop`, {
      reason: "damage",
      description: "装订脱落",
    });
    const w = await officer.post(`/api/digitization/stops/${again.body.id}/decision`, {
      decision: "withdraw",
      note: "撤回自行修复",
    });
    expect(w.status).toBe(200);
    const open = await inspector.get(`${base()}/stops?open=true`);
    expect(open.body.items.map((s: { volumeId: string }) => s.volumeId)).not.toContain(ids[3]);
  });

  it("[Z-8.1] the client checks the return volume by volume against the list, then closes the handover", async () => {
    const ids = codes(2010, 1, 4).map((x) => vol[x]!);
    const batch = `/api/digitization/batches/${vol.batch}/station-handovers`;
    await manager.post(batch, {
      fromWorkstationId: st.scan,
      toWorkstationId: null,
      content: "扫描完毕 2 卷交回暂存",
      giverPersonId: st.scanner,
      receiverPersonId: st.custodian,
    });
    await manager.post(batch, {
      fromWorkstationId: st.prep,
      toWorkstationId: null,
      content: "1 卷交回暂存",
      giverPersonId: st.preparer,
      receiverPersonId: st.custodian,
    });
    const back = {
      direction: "to_client",
      handedAt: "2026-05-20T16:00:00+08:00",
      clientHandlerName: "陈静",
      agencyHandlerName: "郭亮",
    };
    const noCondition = await manager.post(`${base()}/handover-lists`, {
      ...back,
      lines: ids.map((volumeId) => ({ volumeId })),
    });
    expect(noCondition.body).toMatchObject({ code: "RETURN_CONDITION_MISSING", clause: "Z-6.4" });
    await operator
      .post(`/api/digitization/volumes/${ids[1]}/condition`, { stage: "receipt", condition: "good" })
      .catch(() => null);
    for (const id of ids)
      await operator.post(`/api/digitization/volumes/${id}/condition`, {
        stage: "receipt",
        condition: "good",
      });
    const worse = await operator.post(`/api/digitization/volumes/${ids[1]}/condition`, {
      stage: "return",
      condition: "poor",
    });
    expect(worse.body.finding).toBe("worse_on_return");
    expect(worse.body.incidentId).toBeTruthy();
    for (const id of [ids[0], ids[2], ids[3]])
      await operator.post(`/api/digitization/volumes/${id}/condition`, {
        stage: "return",
        condition: "good",
      });
    const list = await manager.post(`${base()}/handover-lists`, {
      ...back,
      lines: ids.slice(0, 3).map((volumeId) => ({ volumeId })),
    });
    expect(list.status).toBe(201);
    await officer.post(`/api/digitization/handover-lists/${list.body.id}/confirm`);
    await manager.post(`/api/digitization/handover-lists/${list.body.id}/confirm`);
    const out = { id: vol.list! };
    const url = `/api/digitization/handover-lists/${out.id}`;
    const status = await officer.get(`${base()}/return-status`);
    expect(status.body.complete).toBe(false);
    expect(status.body.openPoints.map((p: { kind: string }) => p.kind)).toEqual(
      expect.arrayContaining(["volume_not_returned", "handover_not_closed"]),
    );
    const notBack = await officer.post(`${url}/return-check`, {
      lines: ids.map((volumeId) => ({ volumeId, outcome: "present" })),
    });
    expect(notBack.body).toMatchObject({ code: "VOLUME_NOT_RETURNED", clause: "Z-8.1" });
    const lines = [
      { volumeId: ids[0], outcome: "present" },
      { volumeId: ids[1], outcome: "damaged", note: "页面污损" },
      { volumeId: ids[2], outcome: "present" },
      { volumeId: ids[3], outcome: "missing" },
    ];
    expect((await manager.post(`${url}/return-check`, { lines })).status).toBe(403);
    const checked = await officer.post(`${url}/return-check`, { lines });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ missing: [ids[3]], damaged: [ids[1]] });
    const refused = await officer.post(`${url}/close`);
    expect(refused.body).toMatchObject({ code: "RETURN_MISSING_VOLUMES", clause: "Z-8.1" });
    const last = await manager.post(`${base()}/handover-lists`, { ...back, lines: [{ volumeId: ids[3] }] });
    expect(last.status).toBe(201);
    await officer.post(`/api/digitization/handover-lists/${last.body.id}/confirm`);
    await manager.post(`/api/digitization/handover-lists/${last.body.id}/confirm`);
    lines[3]!.outcome = "present";
    expect((await officer.post(`${url}/return-check`, { lines })).status).toBe(200);
    const closed = await officer.post(`${url}/close`);
    expect(closed.body.status).toBe("closed");
    expect((await officer.post(`${url}/close`)).body.code).toBe("HANDOVER_ALREADY_CLOSED");
    const done = await t.services.digitizationOriginals.originalsReturnComplete(projectId);
    expect(done.openPoints.some((p) => p.kind === "handover_not_closed" && p.id === out.id)).toBe(false);
  });

  it("[Z-7.2] the station handovers and batches read for the regulator, not for strangers", async () => {
    expect(
      (await inspector.get(`${base()}/station-handovers?batchId=${vol.batch}`)).body.items.length,
    ).toBeGreaterThan(0);
    expect((await inspector.get(`${base()}/batches`)).status).toBe(200);
    const x = await officer.request({ method: "GET", url: `${base()}/volumes/export.xlsx` });
    expect(x.statusCode).toBe(200);
    for (const c of strangers) {
      expect((await c.get(`${base()}/station-handovers`)).status).toBe(404);
      expect((await c.get(`${base()}/batches`)).status).toBe(404);
      expect((await c.get(`${base()}/handover-lists`)).status).toBe(404);
      expect((await c.get(`${base()}/return-status`)).status).toBe(404);
      expect((await c.get(`${base()}/stops`)).status).toBe(404);
    }
  });
});
