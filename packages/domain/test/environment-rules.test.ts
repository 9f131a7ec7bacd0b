import { describe, expect, it } from "vitest";
import { readingExcursions, swingExcursions } from "../src/custody/environment.ts";
import {
  assertStricterLimits,
  EMPTY_OVERRIDE,
  effectiveLimits,
  installationLimits,
  installationLimitsSchema,
  limitFigures,
  UNVERIFIED_MARKER,
} from "../src/custody/environment-limits.ts";
import { worseValue } from "../src/custody/environment-policy.ts";
import { parseCsv, parseReadingTime, readReadingCsv } from "../src/custody/reading-import.ts";
import { assertVaultEntryAllowed } from "../src/custody/safekeeping.ts";
import {
  readingFreshness,
  readingSignatureValid,
  readingValuesSchema,
  signReading,
} from "../src/custody/sensor-reading.ts";
import { assertAgencyStaff, isAgencyLeader } from "../src/custody/vault-entry.ts";
import { DomainError } from "../src/index.ts";

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, clause: e.clause, details: e.details };
    throw e;
  }
  return null;
};

describe("environment limits", () => {
  it("[D-9.4] uses JGJ 25-2010 figures for paper and master film", () => {
    const paper = installationLimits("paper");
    expect([paper.temperatureC.min.value, paper.temperatureC.max.value]).toEqual([14, 24]);
    expect([paper.humidityPct.min.value, paper.humidityPct.max.value]).toEqual([45, 60]);
    const film = installationLimits("master_film");
    expect([film.temperatureC.min.value, film.temperatureC.max.value, film.humidityPct.max.value]).toEqual([
      13, 15, 45,
    ]);
    expect(paper.swing.temperatureC.value).toBe(2);
    expect(paper.swing.humidityPct.value).toBe(5);
  });

  it("[D-9.5] marks the unverified illuminance default, and drops the mark once the installation sets it", () => {
    const std = installationLimits("paper");
    expect(std.maxLux).toMatchObject({ unverified: true, marker: UNVERIFIED_MARKER, origin: "standard" });
    expect(std.temperatureC.min.unverified).toBe(false);
    expect(installationLimits("electronic").temperatureC.min.marker).toBe(UNVERIFIED_MARKER);
    const inst = installationLimitsSchema.parse({
      maxLux: 100,
      zones: { electronic: { temperatureC: { min: 15, max: 22 } } },
    });
    expect(installationLimits("paper", inst).maxLux).toMatchObject({
      value: 100,
      unverified: false,
      origin: "installation",
    });
    expect(installationLimits("electronic", inst).temperatureC.max.value).toBe(22);
  });

  it("[D-9.4] lets an agency set stricter limits and refuses looser ones", () => {
    const base = installationLimits("paper");
    const stricter = { ...EMPTY_OVERRIDE, temperatureMin: 16, temperatureMax: 22, swingHumidityPct: 3 };
    expect(refusal(() => assertStricterLimits(base, stricter))).toBeNull();
    const e = effectiveLimits(base, stricter);
    expect(e.temperatureC.min).toMatchObject({ value: 16, origin: "agency" });
    expect(e.humidityPct.max).toMatchObject({ value: 60, origin: "standard" });
    expect(
      refusal(() => assertStricterLimits(base, { ...EMPTY_OVERRIDE, temperatureMax: 26 })),
    ).toMatchObject({
      code: "LIMITS_LOOSER_THAN_STANDARD",
      clause: "D-9.4",
      details: { fields: ["temperatureMax"] },
    });
    expect(refusal(() => assertStricterLimits(base, { ...EMPTY_OVERRIDE, humidityMin: 40 }))?.clause).toBe(
      "D-9.4",
    );
    expect(
      refusal(() => assertStricterLimits(base, { ...EMPTY_OVERRIDE, swingTemperatureC: 3 }))?.clause,
    ).toBe("D-9.4");
    expect(
      refusal(() => assertStricterLimits(base, { ...EMPTY_OVERRIDE, temperatureMin: 23, temperatureMax: 20 }))
        ?.code,
    ).toBe("LIMITS_EMPTY_RANGE");
  });

  it("[D-9.5] refuses a looser illuminance limit under D-9.5", () => {
    const base = installationLimits("paper");
    expect(refusal(() => assertStricterLimits(base, { ...EMPTY_OVERRIDE, maxLux: 80 }))).toMatchObject({
      clause: "D-9.5",
      details: { fields: ["maxLux"] },
    });
    expect(refusal(() => assertStricterLimits(base, { ...EMPTY_OVERRIDE, maxLux: 30 }))).toBeNull();
  });

  it("[D-9.4][D-9.5] finds excursions against the limits in force", () => {
    const f = limitFigures(effectiveLimits(installationLimits("paper"), { ...EMPTY_OVERRIDE, maxLux: 30 }));
    const kinds = readingExcursions(
      { at: new Date(), temperatureC: 25, humidityPct: 44, lux: 31 },
      f.zone,
      f.maxLux,
    ).map((e) => [e.kind, e.clause]);
    expect(kinds).toEqual([
      ["temperature_high", "D-9.4"],
      ["humidity_low", "D-9.4"],
      ["lux_high", "D-9.5"],
    ]);
    expect(swingExcursions({ minT: 17, maxT: 21.5, minH: 50, maxH: 59 }, f.swing).map((e) => e.kind)).toEqual(
      ["temperature_swing"],
    );
    expect(worseValue("temperature_low", 12, 10)).toBe(10);
    expect(worseValue("humidity_high", 62, 65)).toBe(65);
  });
});

describe("sensor readings", () => {
  const secret = "ab".repeat(32);
  const r = { at: "2026-05-01T08:00:00+08:00", temperatureC: 21.5, humidityPct: 52, lux: 12 };

  it("[D-9.4] accepts a reading signed with the sensor's secret, and nothing else", () => {
    const sig = signReading(secret, "T-01", r);
    expect(readingSignatureValid(secret, "T-01", { ...r, sig })).toBe(true);
    expect(readingSignatureValid(secret, "T-01", { ...r, temperatureC: 19, sig })).toBe(false);
    expect(readingSignatureValid(secret, "T-02", { ...r, sig })).toBe(false);
    expect(readingSignatureValid("cd".repeat(32), "T-01", { ...r, sig })).toBe(false);
    expect(readingSignatureValid(secret, "T-01", r)).toBe(false);
    expect(readingSignatureValid(secret, "T-01", { ...r, sig: "zz" })).toBe(false);
  });

  it("[D-9.4] refuses stale and future readings, and readings without values", () => {
    const now = new Date("2026-05-01T08:10:00+08:00");
    expect(readingFreshness(new Date(r.at), now, 15 * 60_000)).toBe("fresh");
    expect(readingFreshness(new Date(r.at), now, 5 * 60_000)).toBe("stale");
    expect(readingFreshness(new Date("2026-05-01T08:20:00+08:00"), now, 15 * 60_000)).toBe("stale");
    expect(readingValuesSchema.safeParse({ at: r.at }).success).toBe(false);
    expect(readingValuesSchema.safeParse({ at: r.at, humidityPct: 120 }).success).toBe(false);
  });
});

describe("CSV readings", () => {
  const known = new Set(["T-01", "T-02"]);

  it("[D-9.4] parses quoted fields, Chinese headers and Shanghai local times", () => {
    expect(parseCsv('a,"b,""c"""\r\n1,2\n')).toEqual([
      ["a", 'b,"c"'],
      ["1", "2"],
    ]);
    expect(parseReadingTime("2026-05-01 08:00")?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(parseReadingTime("2026-05-01T08:00:00Z")?.toISOString()).toBe("2026-05-01T08:00:00.000Z");
    expect(parseReadingTime("yesterday")).toBeNull();
    const { readings, problems } = readReadingCsv(
      "传感器编号,时间,温度,湿度\nT-01,2026-05-01 08:00,21.5,52\n",
      known,
    );
    expect(problems).toEqual([]);
    expect(readings[0]).toMatchObject({
      row: 2,
      sensorCode: "T-01",
      temperatureC: 21.5,
      humidityPct: 52,
      lux: null,
    });
  });

  it("[D-9.4] reports every problem by row and column, in Chinese and English", () => {
    const csv = [
      "sensor_code,at,temperature_c,humidity_pct,lux",
      "T-01,2026-05-01 08:00,21,50,",
      "T-09,2026-05-01 08:01,21,50,",
      "T-01,not a time,21,50,",
      "T-01,2026-05-01 08:02,warm,150,",
      "T-01,2026-05-01 08:00,22,51,",
      "T-02,2026-05-01 08:03,,,",
    ].join("\n");
    const { problems } = readReadingCsv(csv, known);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, "sensorCode"],
      [4, "at"],
      [5, "temperatureC"],
      [5, "humidityPct"],
      [6, "at"],
      [7, null],
    ]);
    expect(problems[0]!.message.zh).toContain("第3行");
    expect(problems[0]!.message.en).toContain("Row 3, sensor code");
    expect(problems[4]!.message.en).toContain("duplicates row 2");
    expect(readReadingCsv("at,temperature_c\n2026-05-01 08:00,20\n", known).problems).toMatchObject([
      { row: 1, column: "sensorCode" },
    ]);
  });
});

describe("vault entries", () => {
  const agency = "a";
  const staff = (id: string, roles = ["agency_vault_keeper"], orgId = agency) => ({
    id,
    orgId,
    active: true,
    roles,
  });

  it("[D-9.9] refuses one person, and the same person twice", () => {
    expect(
      refusal(() => assertVaultEntryAllowed({ staffUserIds: ["u1"], visitors: [], approvedByLeader: false })),
    ).toMatchObject({
      code: "TWO_PERSON_RULE",
      clause: "D-9.9",
    });
    expect(
      refusal(() =>
        assertVaultEntryAllowed({ staffUserIds: ["u1", "u1"], visitors: [], approvedByLeader: false }),
      )?.clause,
    ).toBe("D-9.9");
    expect(
      refusal(() =>
        assertVaultEntryAllowed({ staffUserIds: ["u1", "u2"], visitors: [], approvedByLeader: false }),
      ),
    ).toBeNull();
  });

  it("[D-9.9] counts only active staff of the vault's agency", () => {
    expect(refusal(() => assertAgencyStaff(["u1", "u2"], [staff("u1"), staff("u2")], agency))).toBeNull();
    expect(
      refusal(() => assertAgencyStaff(["u1", "u2"], [staff("u1"), staff("u2", [], "b")], agency)),
    ).toMatchObject({
      code: "NOT_AGENCY_STAFF",
      details: { userIds: ["u2"] },
    });
    expect(refusal(() => assertAgencyStaff(["u1", "u3"], [staff("u1")], agency))?.clause).toBe("D-9.9");
  });

  it("[D-9.10] needs a leader of the agency to approve visitors", () => {
    const visitors = [{ name: "张三" }];
    expect(
      refusal(() =>
        assertVaultEntryAllowed({ staffUserIds: ["u1", "u2"], visitors, approvedByLeader: false }),
      ),
    ).toMatchObject({
      code: "VISITOR_NOT_APPROVED",
      clause: "D-9.10",
    });
    expect(isAgencyLeader(staff("m", ["agency_manager"]), agency)).toBe(true);
    expect(isAgencyLeader(staff("k"), agency)).toBe(false);
    expect(isAgencyLeader(staff("m", ["agency_manager"], "b"), agency)).toBe(false);
    expect(isAgencyLeader({ ...staff("m", ["agency_manager"]), active: false }, agency)).toBe(false);
  });
});
