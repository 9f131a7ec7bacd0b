import { describe, expect, it } from "vitest";
import {
  checkCameras,
  checkCapability,
  checkSite,
  checkStaff,
  checkVault,
  type VaultMeasurements,
} from "../src/custody/compliance.ts";
import {
  DEFAULT_MAX_LUX,
  DEFAULT_ZONE_LIMITS,
  readingExcursions,
  swingExcursions,
} from "../src/custody/environment.ts";
import {
  assertVaultEntryAllowed,
  assertZoneFitsCarrier,
  classifyScan,
  inventoryShortfall,
} from "../src/custody/safekeeping.ts";
import type { DomainError } from "../src/index.ts";

const good: VaultMeasurements = {
  clearHeightM: 2.8,
  floorLoadKnM2: 12.5,
  shelvingType: "compact",
  fireWallZoneH: 4,
  fireWallRoomH: 3,
  fireWallInnerH: 2,
  mainAisleM: 1.3,
  rowSpacingM: 0.8,
  endClearanceM: 0.6,
  backClearanceM: 0.1,
};
const failed = (v: VaultMeasurements) =>
  checkVault(v)
    .filter((f) => !f.ok)
    .map((f) => [f.clause, f.item, f.measured]);

const code = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).clause;
  }
  return null;
};

describe("vault compliance", () => {
  it("[D-5.5][D-5.7][D-5.9] passes a vault at exactly the limits", () => {
    expect(failed(good)).toEqual([]);
  });

  it("[D-5.5] flags a clear height under 2.60 m with the measured value", () => {
    expect(failed({ ...good, clearHeightM: 2.55 })).toEqual([["D-5.5", "clear_height", 2.55]]);
  });

  it("[D-5.6] needs 12 kN/m² under compact shelving, 5 kN/m² otherwise", () => {
    expect(failed({ ...good, floorLoadKnM2: 8 })).toEqual([["D-5.6", "floor_load", 8]]);
    expect(failed({ ...good, floorLoadKnM2: 8, shelvingType: "fixed" })).toEqual([]);
  });

  it("[D-5.7][D-5.9] flags fire walls and clearances below the figures, and missing measurements", () => {
    expect(failed({ ...good, fireWallRoomH: 2.5, backClearanceM: 0.05, mainAisleM: null })).toEqual([
      ["D-5.7", "fire_wall_room", 2.5],
      ["D-5.9", "main_aisle", null],
      ["D-5.9", "back_clearance", 0.05],
    ]);
  });

  it("[D-5.10] requires CCTV at lifts, corridors and perimeter, recording 24 h", () => {
    const f = checkCameras(
      [
        { covers: ["lift", "corridor"], recording24h: true, retentionDays: 90 },
        { covers: ["door"], recording24h: false, retentionDays: 30 },
      ],
      30,
    );
    expect(f.filter((x) => !x.ok).map((x) => x.item)).toEqual(["cctv_perimeter", "cctv_24h"]);
    expect(checkCameras([], 30).every((x) => !x.ok)).toBe(true);
  });

  it("[D-5.2][D-5.4] turns the site checklist into findings; unanswered is not compliant", () => {
    const f = checkSite({ high_ground: true, no_open_air_passage: false });
    expect(f.find((x) => x.item === "high_ground")?.ok).toBe(true);
    expect(f.find((x) => x.item === "no_open_air_passage")).toMatchObject({
      ok: false,
      clause: "D-5.4",
      measured: "no",
    });
    expect(f.find((x) => x.item === "functional_zoning")?.measured).toBeNull();
  });

  it("[D-6.1] needs an archive professional of intermediate title or above", () => {
    expect(
      checkStaff([
        { archiveProfessional: true, titleLevel: "junior" },
        { archiveProfessional: false, titleLevel: "senior" },
      ]).ok,
    ).toBe(false);
    expect(checkStaff([{ archiveProfessional: true, titleLevel: "intermediate" }]).ok).toBe(true);
  });

  it("[D-4.1] needs premises, every protective equipment group and staff", () => {
    const full = checkCapability({ rooms: 4, equipmentGroupsMissing: [], activeStaff: 3 });
    expect(full).toMatchObject({ clause: "D-4.1", ok: true });
    const gaps = checkCapability({ rooms: 0, equipmentGroupsMissing: ["fire"], activeStaff: 0 });
    expect(gaps.ok).toBe(false);
    expect(gaps.measured).toBe("missing: rooms, equipment:fire, staff");
  });
});

describe("environment", () => {
  it("[D-9.4] applies 14–24 °C and 45–60 % to paper and 13–15 °C / 35–45 % to master film", () => {
    const at = new Date();
    expect(
      readingExcursions({ at, temperatureC: 24, humidityPct: 45 }, DEFAULT_ZONE_LIMITS.paper, 50),
    ).toEqual([]);
    expect(
      readingExcursions({ at, temperatureC: 24.5, humidityPct: 62 }, DEFAULT_ZONE_LIMITS.paper, 50).map(
        (e) => e.kind,
      ),
    ).toEqual(["temperature_high", "humidity_high"]);
    expect(
      readingExcursions({ at, temperatureC: 16, humidityPct: 40 }, DEFAULT_ZONE_LIMITS.master_film, 50).map(
        (e) => e.kind,
      ),
    ).toEqual(["temperature_high"]);
  });

  it("[D-9.4] flags a 24-hour swing beyond ±2 °C or ±5 % RH", () => {
    expect(swingExcursions({ minT: 18, maxT: 22, minH: 45, maxH: 55 })).toEqual([]);
    expect(swingExcursions({ minT: 17, maxT: 22, minH: 44, maxH: 56 }).map((e) => [e.kind, e.value])).toEqual(
      [
        ["temperature_swing", 2.5],
        ["humidity_swing", 6],
      ],
    );
  });

  it("[D-9.5] marks the illuminance default as unverified and flags readings above it", () => {
    expect(DEFAULT_MAX_LUX.status).toBe("UNVERIFIED");
    expect(
      readingExcursions({ at: new Date(), lux: 80 }, DEFAULT_ZONE_LIMITS.paper, DEFAULT_MAX_LUX.value)[0],
    ).toMatchObject({ kind: "lux_high", clause: "D-9.5" });
  });
});

describe("safekeeping rules", () => {
  it("[D-9.9] refuses a vault entry by one person, or by one person listed twice", () => {
    expect(
      code(() => assertVaultEntryAllowed({ staffUserIds: ["a"], visitors: [], approvedByLeader: false })),
    ).toBe("D-9.9");
    expect(
      code(() =>
        assertVaultEntryAllowed({ staffUserIds: ["a", "a"], visitors: [], approvedByLeader: false }),
      ),
    ).toBe("D-9.9");
    expect(
      code(() =>
        assertVaultEntryAllowed({ staffUserIds: ["a", "b"], visitors: [], approvedByLeader: false }),
      ),
    ).toBeNull();
  });

  it("[D-9.10] refuses visitors without an agency leader's approval", () => {
    expect(
      code(() =>
        assertVaultEntryAllowed({
          staffUserIds: ["a", "b"],
          visitors: [{ name: "维修工" }],
          approvedByLeader: false,
        }),
      ),
    ).toBe("D-9.10");
    expect(
      code(() =>
        assertVaultEntryAllowed({
          staffUserIds: ["a", "b"],
          visitors: [{ name: "维修工" }],
          approvedByLeader: true,
        }),
      ),
    ).toBeNull();
  });

  it("[D-9.1] keeps audiovisual and electronic carriers in their own zones", () => {
    expect(code(() => assertZoneFitsCarrier("electronic", "paper"))).toBe("D-9.1");
    expect(code(() => assertZoneFitsCarrier("audiovisual", "audiovisual_tape"))).toBeNull();
    expect(code(() => assertZoneFitsCarrier("paper", "paper"))).toBeNull();
  });

  it("[D-9.8] flags vaults checked fewer than twice a year and classifies scans", () => {
    expect([0, 1, 2, 3].map(inventoryShortfall)).toEqual([2, 1, 0, 0]);
    expect(classifyScan(true, true, true)).toBe("present");
    expect(classifyScan(true, false, true)).toBe("missing");
    expect(classifyScan(false, true, true)).toBe("misplaced");
    expect(classifyScan(false, true, false)).toBe("unexpected");
  });
});
