import { testDbMode } from "@dangan/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { clientBoxIn, csvUpload, makeVault, type TestVault } from "./environment-fixture.ts";

let t: TestApp;
let v: TestVault;
let other: TestVault;
const as: Record<string, Client> = {};
const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

async function addSensor(code: string, vaultId = v.vaultId, zone?: string) {
  const res = await as["custody.keeper"]!.post(`/api/environment/vaults/${vaultId}/sensors`, {
    code,
    name: `传感器 ${code}`,
    ...(zone ? { zone } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { sensor: { id: string; code: string }; secret: string; token: string };
}

async function post(token: string, readings: object[]) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/sensor-ingest/readings",
    headers: { "x-sensor-token": token },
    payload: { readings },
  });
  return { status: res.statusCode, body: res.json() };
}

const alerts = async (c: Client, q: string) => (await c.get(`/api/environment/alerts?${q}`)).body;

async function importCsv(c: Client, vaultId: string, csv: string) {
  const res = await c.request({
    method: "POST",
    url: `/api/environment/vaults/${vaultId}/readings/import`,
    ...csvUpload(csv),
  });
  return { status: res.statusCode, body: res.json() };
}

describe(`environment monitoring (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    v = await makeVault(t);
    other = await makeVault(t);
    await clientBoxIn(t, v.paperLocationId);
    for (const u of [
      "custody.manager",
      "custody.keeper",
      "custody.operator",
      "client.officer",
      "client2.admin",
      "foreign.manager",
      "digit.manager",
      "pudong.admin",
      "city.inspector",
    ])
      as[u] = await t.as(u);
  }, 180_000);
  afterAll(() => t.close());

  it("[D-9.4] registers a sensor for a vault, showing its secret and token once", async () => {
    const s = await addSensor("ENV-T1");
    expect(s.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(s.token).toMatch(/^dst_/);
    const page = await as["custody.manager"]!.get(`/api/environment/vaults/${v.vaultId}`);
    expect(page.status).toBe(200);
    const sensor = page.body.sensors.find((x: { code: string }) => x.code === "ENV-T1");
    expect(sensor).toMatchObject({ zone: null, effectiveZone: "paper", active: true });
    const text = JSON.stringify(page.body);
    expect(text).not.toContain(s.secret);
    expect(text).not.toContain(s.token);
    expect(text).not.toMatch(/secretEnc|tokenHash/);
    expect(
      (
        await as["custody.keeper"]!.post(`/api/environment/vaults/${v.vaultId}/sensors`, {
          code: "ENV-T1",
          name: "x",
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await as["custody.operator"]!.post(`/api/environment/vaults/${v.vaultId}/sensors`, {
          code: "ENV-X",
          name: "x",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await as["client.officer"]!.post(`/api/environment/vaults/${v.vaultId}/sensors`, {
          code: "ENV-X",
          name: "x",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await as["foreign.manager"]!.post(`/api/environment/vaults/${v.vaultId}/sensors`, {
          code: "ENV-X",
          name: "x",
        })
      ).status,
    ).toBe(404);
  });

  it("[D-9.4] takes readings by sensor token over HTTP and refuses without a valid one", async () => {
    const s = await addSensor("ENV-H1");
    const at = ago(3);
    const ok = await post(s.token, [{ at, temperatureC: 20.5, humidityPct: 52, lux: 10 }]);
    expect(ok).toMatchObject({ status: 200, body: { sensorCode: "ENV-H1", accepted: 1, refused: {} } });
    const again = await post(s.token, [
      { at, temperatureC: 20.5, humidityPct: 52 },
      { at: ago(60), temperatureC: 20.5 },
    ]);
    expect(again.body).toMatchObject({ accepted: 0, refused: { replayed: 1, stale: 1 } });
    expect((await post("dst_not-a-token", [{ at: ago(1), temperatureC: 20 }])).status).toBe(401);
    const none = await t.app.inject({
      method: "POST",
      url: "/api/sensor-ingest/readings",
      payload: { readings: [] },
    });
    expect(none.statusCode).toBe(401);
    const rotated = await as["custody.keeper"]!.post(`/api/environment/sensors/${s.sensor.id}/credentials`);
    expect(rotated.status).toBe(200);
    expect((await post(s.token, [{ at: ago(1), temperatureC: 20 }])).status).toBe(401);
    expect((await post(rotated.body.token, [{ at: ago(1), temperatureC: 20 }])).body.accepted).toBe(1);
    const page = await as["custody.keeper"]!.get(`/api/environment/vaults/${v.vaultId}`);
    const row = page.body.sensors.find((x: { code: string }) => x.code === "ENV-H1");
    expect(row).toMatchObject({ refusedCount: 2, latestTemperatureC: 20 });
  });

  it("[D-9.4] keeps readings in monthly partitions; an old back-filled reading goes to the default one", async () => {
    const s = await addSensor("ENV-PART");
    expect((await post(s.token, [{ at: ago(2), temperatureC: 19.5, humidityPct: 50 }])).body.accepted).toBe(
      1,
    );
    const db = t.services.db;
    await db
      .insertInto("environmentReading")
      .values({
        sensorId: s.sensor.id,
        vaultId: v.vaultId,
        at: new Date("2019-03-01T00:00:00Z"),
        source: "csv",
      })
      .execute();
    const where = await sql<{ part: string; at: Date }>`
      SELECT tableoid::regclass::text AS part, at FROM environment_reading
       WHERE sensor_id = ${s.sensor.id} ORDER BY at`.execute(db);
    const month = new Date().toISOString().slice(0, 7).replace("-", "m");
    expect(where.rows.map((r) => r.part)).toEqual([
      "environment_reading_default",
      `environment_reading_y${month}`,
    ]);
    // A replay is refused across partitions (the key includes the partition key).
    const again = await post(s.token, [{ at: where.rows[1]!.at.toISOString(), temperatureC: 19.5 }]);
    expect(again.body.refused).toMatchObject({ replayed: 1 });
    // Kept ahead by the server; a second call has nothing left to create.
    await sql`SELECT environment_reading_add_partitions(3)`.execute(db);
    const made = await sql<{ n: number }>`SELECT environment_reading_add_partitions(3) AS n`.execute(db);
    expect(made.rows[0]!.n).toBe(0);
    const parts = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'environment_reading'::regclass`.execute(
      db,
    );
    expect(parts.rows[0]!.n).toBeGreaterThanOrEqual(6); // last month, this month, 3 ahead and the default
  });

  it("[D-9.4] raises one alert per excursion kind, updates it, and a keeper acknowledges it with a note", async () => {
    const s = await addSensor("ENV-A1");
    await post(s.token, [{ at: ago(5), temperatureC: 26, humidityPct: 50 }]);
    await post(s.token, [{ at: ago(4), temperatureC: 27.5, humidityPct: 50 }]);
    const open = await alerts(
      as["custody.keeper"]!,
      `vaultId=${v.vaultId}&status=open&kind=temperature_high`,
    );
    expect(open.total).toBe(1);
    const a = open.items[0];
    expect(a).toMatchObject({
      clauseId: "D-9.4",
      zone: "paper",
      occurrences: 2,
      worstValue: 27.5,
      limitValue: 24,
      sensorCode: "ENV-A1",
    });

    // The client whose boxes are in the vault sees it, read-only; a city regulator sees it too.
    expect(
      (await alerts(as["client.officer"]!, `vaultId=${v.vaultId}`)).items.map((x: { id: string }) => x.id),
    ).toContain(a.id);
    expect((await alerts(as["city.inspector"]!, `vaultId=${v.vaultId}`)).total).toBeGreaterThan(0);
    for (const u of ["client2.admin", "foreign.manager", "digit.manager", "pudong.admin"])
      expect((await alerts(as[u]!, `vaultId=${v.vaultId}`)).total, u).toBe(0);
    const ack = `/api/environment/alerts/${a.id}/acknowledge`;
    expect((await as["client.officer"]!.post(ack, { note: "看到了" })).status).toBe(403);
    expect((await as["city.inspector"]!.post(ack, { note: "看到了" })).status).toBe(403);
    expect((await as["foreign.manager"]!.post(ack, { note: "x" })).status).toBe(404);
    expect((await as["custody.keeper"]!.post(ack, {})).status).toBe(400);
    const done = await as["custody.keeper"]!.post(ack, { note: "空调故障已修复，温度回落" });
    expect(done).toMatchObject({ status: 200, body: { status: "acknowledged" } });
    expect((await as["custody.keeper"]!.post(ack, { note: "again" })).status).toBe(409);
    const acked = await alerts(as["custody.manager"]!, `vaultId=${v.vaultId}&status=acknowledged`);
    expect(acked.items[0]).toMatchObject({
      acknowledgementNote: "空调故障已修复，温度回落",
      acknowledgedByName: "黄芳",
    });

    // A new excursion after the acknowledgement opens a new alert.
    await post(s.token, [{ at: ago(2), temperatureC: 25 }]);
    expect(
      (await alerts(as["custody.keeper"]!, `vaultId=${v.vaultId}&status=open&kind=temperature_high`)).total,
    ).toBe(1);
    const xlsx = await as["custody.manager"]!.get(`/api/environment/alerts/export.xlsx?vaultId=${v.vaultId}`);
    expect(xlsx.status).toBe(200);
    expect(Buffer.isBuffer(xlsx.body)).toBe(true);
  });

  it("[D-9.4] raises a 24-hour swing alert from readings within the limits", async () => {
    await addSensor("ENV-S1", other.vaultId);
    const csv = [
      "sensor_code,at,temperature_c,humidity_pct",
      `ENV-S1,${ago(600)},15,50`,
      `ENV-S1,${ago(120)},21,52`,
    ].join("\n");
    const r = await importCsv(as["custody.keeper"]!, other.vaultId, csv);
    expect(r).toMatchObject({ status: 200, body: { imported: 2, alertsOpened: 1 } });
    const open = await alerts(as["custody.manager"]!, `vaultId=${other.vaultId}&status=open`);
    expect(open.items.map((x: { kind: string }) => x.kind)).toEqual(["temperature_swing"]);
    expect(open.items[0]).toMatchObject({ worstValue: 3, limitValue: 2, clauseId: "D-9.4" });
  });

  it("[D-9.5] raises an illuminance alert and marks the unverified default", async () => {
    const s = await addSensor("ENV-L1");
    await post(s.token, [{ at: ago(1), lux: 180 }]);
    const open = await alerts(as["custody.manager"]!, `vaultId=${v.vaultId}&kind=lux_high`);
    expect(open.items[0]).toMatchObject({ clauseId: "D-9.5", worstValue: 180, limitValue: 50 });
    const page = await as["custody.manager"]!.get(`/api/environment/vaults/${v.vaultId}`);
    const paper = page.body.zones.find((z: { zone: string }) => z.zone === "paper");
    expect(paper.limits.maxLux).toMatchObject({ value: 50, unverified: true, marker: "未核实 / unverified" });
    expect(paper.limits.temperatureC.max).toMatchObject({ value: 24, unverified: false });
    expect(page.body.zones.map((z: { zone: string }) => z.zone).sort()).toEqual([
      "audiovisual_tape",
      "paper",
    ]);
  });

  it("[D-9.4] lets the agency manager tighten the limits and refuses looser ones", async () => {
    const url = `/api/environment/agencies/${v.agencyId}/limits/paper`;
    const strict = { temperatureMin: 16, temperatureMax: 22 };
    expect((await as["custody.keeper"]!.put(url, strict)).status).toBe(403);
    expect((await as["foreign.manager"]!.put(url, strict)).status).toBe(404);
    const looser = await as["custody.manager"]!.put(url, { temperatureMax: 26 });
    expect(looser).toMatchObject({
      status: 422,
      body: { code: "LIMITS_LOOSER_THAN_STANDARD", clause: "D-9.4" },
    });
    expect((await as["custody.manager"]!.put(url, { maxLux: 80 })).body.clause).toBe("D-9.5");
    const set = await as["custody.manager"]!.put(url, strict);
    expect(set.status).toBe(200);
    expect(set.body.temperatureC.max).toMatchObject({ value: 22, origin: "agency" });

    const list = await as["client.officer"]!.get(`/api/environment/agencies/${v.agencyId}/limits`);
    expect(list.status).toBe(200);
    expect(list.body.mayEdit).toBe(false);
    expect(
      list.body.zones.find((z: { zone: string }) => z.zone === "paper").effective.temperatureC.max.value,
    ).toBe(22);
    // An agency's limits are open to its clients (client2 has a project there in the demo), not to others.
    for (const u of ["foreign.manager", "pudong.admin"])
      expect((await as[u]!.get(`/api/environment/agencies/${v.agencyId}/limits`)).status, u).toBe(404);

    const s = await addSensor("ENV-P1");
    await post(s.token, [{ at: ago(1), temperatureC: 23, humidityPct: 50 }]);
    const hot = await alerts(
      as["custody.manager"]!,
      `vaultId=${v.vaultId}&status=open&kind=temperature_high`,
    );
    expect(hot.items[0]).toMatchObject({ limitValue: 22 });
    await as["custody.manager"]!.put(url, {});
  });

  it("[D-9.4] refuses a CSV import with problems by row and column, storing nothing", async () => {
    await addSensor("ENV-C1", other.vaultId);
    const bad = [
      "传感器编号,时间,温度,湿度",
      "ENV-C1,2026-05-01 08:00,21,50",
      "ENV-ZZ,2026-05-01 08:01,21,50",
      "ENV-C1,2026-05-01 08:02,hot,150",
    ].join("\n");
    const r = await importCsv(as["custody.keeper"]!, other.vaultId, bad);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe("IMPORT_INVALID");
    expect(r.body.details.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [3, "sensorCode"],
      [4, "temperatureC"],
      [4, "humidityPct"],
    ]);
    expect(r.body.details.problems[0].message.zh).toContain("第3行");
    const count = async () =>
      Number(
        (
          await t.services.db
            .selectFrom("environmentReading")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("vaultId", "=", other.vaultId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const good = [
      "传感器编号,时间,温度,湿度",
      "ENV-C1,2026-05-01 08:00,21,50",
      "ENV-C1,2026-05-01 08:01,21.2,50",
    ].join("\n");
    expect((await importCsv(as["custody.keeper"]!, other.vaultId, good)).body).toMatchObject({ imported: 2 });
    expect(await count()).toBe(before + 2);
    const again = await importCsv(as["custody.keeper"]!, other.vaultId, good);
    expect(again.status).toBe(422);
    expect(again.body.details.problems.map((p: { row: number }) => p.row)).toEqual([2, 3]);
    expect(await count()).toBe(before + 2);
    expect((await importCsv(as["custody.operator"]!, other.vaultId, good)).status).toBe(403);
    expect((await importCsv(as["foreign.manager"]!, other.vaultId, good)).status).toBe(404);
  });

  it("[D-9.4] serves chart data downsampled per bucket, with the limits", async () => {
    const s = await addSensor("ENV-G1", other.vaultId);
    const lines = ["sensor_code,at,temperature_c,humidity_pct,lux"];
    const start = Date.now() - 2 * 86_400_000;
    for (let i = 0; i < 2 * 1440; i += 1) {
      const temp = 19 + (i % 60) / 30; // 19.0 … 20.97 within each hour
      lines.push(`ENV-G1,${new Date(start + i * 60_000).toISOString()},${temp.toFixed(2)},50,5`);
    }
    expect((await importCsv(as["custody.keeper"]!, other.vaultId, lines.join("\n"))).body.imported).toBe(
      2880,
    );
    const get = (range: string) =>
      as["client.officer"]!.get(
        `/api/environment/vaults/${other.vaultId}/series?range=${range}&sensorId=${s.sensor.id}`,
      );
    expect((await get("24h")).status).toBe(404); // client A has no box in this vault
    const series = async (range: string) => {
      const r = await as["custody.manager"]!.get(
        `/api/environment/vaults/${other.vaultId}/series?range=${range}&sensorId=${s.sensor.id}`,
      );
      expect(r.status).toBe(200);
      return r.body;
    };
    const day = await series("24h");
    expect(day.bucketSeconds).toBe(900);
    expect(day.series).toHaveLength(1);
    const pts = day.series[0].points;
    expect(pts.length).toBeGreaterThanOrEqual(95);
    expect(pts.length).toBeLessThanOrEqual(97);
    for (const p of pts) expect(p.tMin <= p.tAvg && p.tAvg <= p.tMax).toBe(true);
    expect(day.series[0].limits.temperatureC.min.value).toBe(14);
    const week = await series("7d");
    expect(week.series[0].points.length).toBeLessThanOrEqual(50);
    const hour = week.series[0].points[10]; // a whole hour: every minute's value once
    expect(hour).toMatchObject({ tMin: 19, tMax: 20.97, hAvg: 50, lMax: 5 });
    expect(hour.tAvg).toBeCloseTo(19.98, 1);
    const month = await series("30d");
    expect(month.bucketSeconds).toBe(10_800);
    expect(month.series[0].points.length).toBeLessThanOrEqual(18);
  });

  it("[D-9.4] answers 404 to a client without boxes there and to foreign organisations", async () => {
    const url = `/api/environment/vaults/${v.vaultId}`;
    expect((await as["client.officer"]!.get(url)).status).toBe(200);
    expect((await as["client.officer"]!.get(url)).body.permissions.acknowledgeAlerts).toBe(false);
    expect((await as["client.officer"]!.get(`/api/environment/vaults/${other.vaultId}`)).status).toBe(404);
    for (const u of ["client2.admin", "foreign.manager", "digit.manager", "pudong.admin"]) {
      expect((await as[u]!.get(url)).status, u).toBe(404);
      expect((await as[u]!.get(`${url}/series?range=7d`)).status, u).toBe(404);
      const list = (await as[u]!.get("/api/environment/vaults?pageSize=200")).body;
      expect(JSON.stringify(list), u).not.toContain(v.vaultId);
    }
    const mine = (await as["client.officer"]!.get("/api/environment/vaults?pageSize=200")).body;
    const ids = mine.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(v.vaultId);
    expect(ids).not.toContain(other.vaultId);
    const keeper = (await as["custody.keeper"]!.get("/api/environment/vaults?pageSize=200")).body;
    expect(keeper.items.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([v.vaultId, other.vaultId]),
    );
  });
});
