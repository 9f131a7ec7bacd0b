// The victim agency's vault environment and entry log: a sensor with readings
// and an open alert, agency limits, and an entry with a visitor approved by the
// victim agency's manager (D-9.4, D-9.5, D-9.9, D-9.10).
import { systemActor } from "@dangan/domain";
import { DEMO_PASSWORD } from "../src/demo/demo-world.ts";
import type { Services } from "../src/services.ts";

export interface VictimEnvironment {
  vaultId: string;
  sensorId: string;
  sensorToken: string;
  alertId: string;
  entryId: string;
}

/** Strings of these records that must never reach a foreign user. */
export const ENVIRONMENT_MARKERS = ["VICTIM-SENSOR-XYZZ", "隔离访客GNUSTO", "REZROV", "310230198812120011"];

export async function victimEnvironment(
  s: Services,
  p: { agencyId: string; vaultId: string; keeperIds: string[] },
): Promise<VictimEnvironment> {
  const op = systemActor("test victim world");
  const env = s.environment;
  const manager = await s.users.create(op, {
    orgId: p.agencyId,
    username: "victim.manager",
    displayName: "隔离负责人",
    roles: ["agency_manager"],
    password: DEMO_PASSWORD,
  });
  const sensor = await env.sensors.register(op, p.vaultId, {
    code: "VICTIM-SENSOR-XYZZ",
    name: "隔离传感器REZROV",
  });
  await env.ingest.ingestWithToken(sensor.token, [
    { at: new Date(Date.now() - 60_000).toISOString(), temperatureC: 31.5, humidityPct: 50, lux: 20 },
  ]);
  const alert = await s.db
    .selectFrom("environmentAlert")
    .select("id")
    .where("vaultId", "=", p.vaultId)
    .executeTakeFirstOrThrow();
  await env.limits.set(op, p.agencyId, "paper", {
    temperatureMin: 15,
    temperatureMax: 23,
    humidityMin: null,
    humidityMax: null,
    maxLux: null,
    swingTemperatureC: null,
    swingHumidityPct: null,
  });
  const entry = await s.vaultAccess.record(op, p.vaultId, {
    purpose: "隔离检查REZROV",
    staffUserIds: p.keeperIds,
    visitors: [
      { name: "隔离访客GNUSTO", organisation: "隔离单位", idNumber: "310230198812120011", purpose: "REZROV" },
    ],
    approvedByUserId: manager.id,
  });
  return {
    vaultId: p.vaultId,
    sensorId: sensor.sensor.id,
    sensorToken: sensor.token,
    alertId: alert.id,
    entryId: entry.id,
  };
}
