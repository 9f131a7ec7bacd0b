// MQTT ingestion through the real Mosquitto broker at 127.0.0.1:1883, on a
// topic prefix of its own per run so parallel runs never see each other.
import { randomBytes } from "node:crypto";
import { testDbMode } from "@dangan/db/testing";
import { signReading } from "@dangan/domain";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { makeVault, type TestVault } from "./environment-fixture.ts";

const BROKER = process.env.DANGAN_TEST_MQTT_URL ?? "mqtt://127.0.0.1:1883";
const prefix = `dangan-test/${randomBytes(6).toString("hex")}/sensors`;

let t: TestApp;
let v: TestVault;
let keeper: Client;
let pub: MqttClient;
let sensor: { id: string; code: string; secret: string };
const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

function publish(code: string, body: object) {
  return pub.publishAsync(`${prefix}/${code}/readings`, JSON.stringify(body), { qos: 1 });
}
const signed = (
  r: { at: string; temperatureC?: number; humidityPct?: number; lux?: number },
  secret = sensor.secret,
  code = sensor.code,
) => ({
  ...r,
  sig: signReading(secret, code, r),
});

const readings = async () =>
  await t.services.db
    .selectFrom("environmentReading")
    .select(["at", "temperatureC", "source"])
    .where("sensorId", "=", sensor.id)
    .execute();
const stats = () => t.services.environment.ingest.stats;

describe(`MQTT ingestion (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp({
      config: {
        environment: { mqtt: { url: BROKER, topicPrefix: prefix }, limits: {}, maxReadingAgeMs: 15 * 60_000 },
      },
    });
    v = await makeVault(t);
    keeper = await t.as("custody.keeper");
    const code = `MQ-${randomBytes(3).toString("hex")}`;
    const res = await keeper.post(`/api/environment/vaults/${v.vaultId}/sensors`, {
      code,
      name: "一号库温湿度计",
    });
    sensor = { id: res.body.sensor.id, code, secret: res.body.secret };
    pub = await mqtt.connectAsync(BROKER, { clientId: `dangan-test-pub-${randomBytes(4).toString("hex")}` });
  }, 180_000);
  afterAll(async () => {
    await pub?.endAsync();
    await t.close();
  });

  it("[D-9.4] accepts a reading signed with the sensor's secret", async () => {
    await publish(sensor.code, signed({ at: ago(1), temperatureC: 20.4, humidityPct: 51.5, lux: 8 }));
    await vi.waitFor(async () => expect(await readings()).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect((await readings())[0]).toMatchObject({ temperatureC: 20.4, source: "mqtt" });
  });

  it("[D-9.4] refuses unsigned, wrongly signed, unknown-sensor, stale and replayed readings, counting each", async () => {
    const before = { ...stats().refused };
    const at = ago(2);
    const good = signed({ at, temperatureC: 21 });
    await publish(sensor.code, good);
    await publish(sensor.code, good); // replayed
    await publish(sensor.code, { at: ago(1), temperatureC: 21 }); // unsigned
    await publish(sensor.code, { ...signed({ at: ago(1), temperatureC: 21 }), temperatureC: 19 }); // tampered
    await publish(sensor.code, signed({ at: ago(1), temperatureC: 21 }, "00".repeat(32))); // wrong secret
    await publish(
      "NO-SUCH-SENSOR",
      signed({ at: ago(1), temperatureC: 21 }, sensor.secret, "NO-SUCH-SENSOR"),
    );
    await publish(sensor.code, signed({ at: ago(90), temperatureC: 21 })); // stale
    await pub.publishAsync(`${prefix}/${sensor.code}/readings`, "not json at all", { qos: 1 });
    const delta = () => {
      const now = stats().refused;
      return Object.fromEntries(
        Object.entries(now).map(([k, n]) => [k, n - before[k as keyof typeof before]]),
      );
    };
    await vi.waitFor(
      () =>
        expect(delta()).toEqual({
          replayed: 1,
          unsigned: 1,
          bad_signature: 2,
          unknown_sensor: 1,
          stale: 1,
          invalid: 1,
        }),
      { timeout: 10_000, interval: 50 },
    );
    expect(await readings()).toHaveLength(2);
    const row = await t.services.db
      .selectFrom("environmentSensor")
      .select(["refusedCount", "lastRefusal"])
      .where("id", "=", sensor.id)
      .executeTakeFirstOrThrow();
    expect(row.refusedCount).toBe(6);
  });

  it("[D-9.4] raises an alert from an excursion that arrives over MQTT", async () => {
    await publish(sensor.code, signed({ at: ago(0.5), temperatureC: 12.5, humidityPct: 50 }));
    await vi.waitFor(
      async () => {
        const open = await keeper.get(`/api/environment/alerts?vaultId=${v.vaultId}&status=open`);
        // 12.5 °C is below paper's 14 °C, and 8.5 °C under the earlier 21 °C is also a swing of ±4.25 °C.
        expect(open.body.items.map((a: { kind: string }) => a.kind).sort()).toEqual([
          "temperature_low",
          "temperature_swing",
        ]);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
