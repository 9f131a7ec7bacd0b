import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/access/actor.ts";
import {
  checkEquipment,
  checkFireAlarms,
  checkKeyCustody,
  checkRooms,
  checkSiteSafety,
  isOverdue,
} from "../src/custody/facilities.ts";
import {
  assertLocationHasRoom,
  locationCode,
  MAX_LOCATIONS_PER_BATCH,
  planLocations,
} from "../src/custody/facilities-locations.ts";
import { facilityPolicy, facilityRelation } from "../src/custody/facilities-policy.ts";
import type { DomainError } from "../src/index.ts";

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return [(e as DomainError).code, (e as DomainError).clause];
  }
  return null;
};
const failed = (fs: { ok: boolean; item: string }[]) => fs.filter((f) => !f.ok).map((f) => f.item);
const span = (from: number, to = from) => ({ from, to });

describe("facilities rules", () => {
  it("[D-9.1] codes locations from the vault prefix and plans every range", () => {
    expect(locationCode("A", 1, 2, 3, 4)).toBe("A-01-02-03-04");
    const plan = planLocations("K1", [
      {
        rows: span(1, 2),
        columns: span(1, 2),
        sections: span(1),
        shelves: span(1, 3),
        zone: "paper",
        capacity: 4,
      },
    ]);
    expect(plan).toHaveLength(12);
    expect(plan[11]).toMatchObject({ code: "K1-02-02-01-03", zone: "paper", capacity: 4 });
  });

  it("[D-9.1] refuses overlapping, reversed or oversized ranges", () => {
    const r = {
      rows: span(1),
      columns: span(1),
      sections: span(1),
      shelves: span(1, 2),
      zone: "paper" as const,
      capacity: 1,
    };
    expect(refusal(() => planLocations("A", [r, { ...r, shelves: span(2, 3) }]))).toEqual([
      "LOCATION_OVERLAP",
      "D-9.1",
    ]);
    expect(refusal(() => planLocations("A", [{ ...r, rows: span(3, 2) }]))).toEqual([
      "LOCATION_RANGE_INVALID",
      "D-9.1",
    ]);
    const huge = { ...r, rows: span(1, 200), columns: span(1, 101) };
    try {
      planLocations("A", [huge]);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).details).toEqual({ total: 40_400, max: MAX_LOCATIONS_PER_BATCH });
    }
  });

  it("[D-9.1] a location holds at most its capacity", () => {
    expect(refusal(() => assertLocationHasRoom({ code: "A", capacity: 2 }, 1))).toBeNull();
    expect(refusal(() => assertLocationHasRoom({ code: "A", capacity: 2 }, 2))).toEqual([
      "LOCATION_FULL",
      "D-9.1",
    ]);
  });

  it("[D-5.3] needs a room for every function", () => {
    const f = checkRooms([
      { roomFunction: "storage", areaM2: 300 },
      { roomFunction: "storage", areaM2: 120.5 },
      { roomFunction: "office", areaM2: null },
    ]);
    expect(failed(f)).toEqual(["room_public_service", "room_technical", "room_ancillary"]);
    expect(f[0]!.measured).toBe("2 (420.5 m²)");
  });

  it("[D-5.10] needs fire alarms at lifts, corridors and the perimeter", () => {
    expect(failed(checkFireAlarms([{ covers: ["lift", "door"] }, { covers: ["corridor"] }]))).toEqual([
      "fire_alarm_perimeter",
    ]);
  });

  it("[D-5.7][D-9.3] treats unanswered safety items as not met", () => {
    const f = checkSiteSafety({ no_smoking: true, no_flammables: false });
    expect(f.find((x) => x.item === "no_flammables")).toMatchObject({
      clause: "D-9.3",
      ok: false,
      measured: "no",
    });
    expect(f.find((x) => x.item === "no_open_flame")).toMatchObject({
      clause: "D-5.7",
      ok: false,
      measured: null,
    });
    expect(f.find((x) => x.item === "no_smoking")?.ok).toBe(true);
  });

  it("[D-5.8][D-9.7][D-9.3] needs each equipment group in service and no check overdue", () => {
    const today = "2026-05-01";
    const base = { status: "in_service" as const, nextDueOn: "2026-06-01" };
    expect(isOverdue({ status: "in_service", nextDueOn: "2026-04-30" }, today)).toBe(true);
    expect(isOverdue({ status: "retired", nextDueOn: "2020-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "in_service", nextDueOn: today }, today)).toBe(false);
    const all = checkEquipment(
      [
        { ...base, kind: "dehumidifier" },
        { ...base, kind: "fire_extinguisher", nextDueOn: "2026-04-01" },
        { ...base, kind: "anti_theft", status: "faulty" },
        { ...base, kind: "disinfection", status: "retired" },
      ],
      today,
    );
    expect(failed(all)).toEqual([
      "equipment_anti_theft",
      "equipment_disinfection",
      "equipment_checks_current",
      "fire_equipment_checked",
    ]);
    expect(all.find((f) => f.item === "equipment_checks_current")?.measured).toBe("1 overdue, 1 faulty");
  });

  it("[D-9.2] needs a named keeper and at least one key holder", () => {
    expect(failed(checkKeyCustody(false, 0))).toEqual(["vault_keeper", "key_holders"]);
    expect(failed(checkKeyCustody(true, 2))).toEqual([]);
  });

  it("[D-9.2] lets the manager change facilities and only the named keeper maintain a vault", () => {
    const user = (
      roles: UserActor["roles"],
      orgId = "agency",
      kind: UserActor["orgKind"] = "agency",
    ): UserActor => ({
      type: "user",
      userId: `${roles[0]}-user`,
      orgId,
      orgKind: kind,
      roles,
      regulatorLevel: null,
      supervisedDistricts: [],
    });
    const agency = { id: "agency", district: "jiading" };
    const keeper = user(["agency_vault_keeper"]);
    const rel = facilityRelation(keeper, agency, false);
    expect(facilityPolicy.manage(keeper, rel)).toBe(false);
    expect(facilityPolicy.maintainVault(keeper, rel, { keeperUserId: keeper.userId })).toBe(true);
    expect(facilityPolicy.maintainVault(keeper, rel, { keeperUserId: "someone-else" })).toBe(false);
    const manager = user(["agency_manager"]);
    expect(facilityPolicy.manage(manager, facilityRelation(manager, agency, false))).toBe(true);
    const client = user(["client_admin"], "client", "client");
    expect(facilityRelation(client, agency, false)).toBeNull();
    expect(facilityRelation(client, agency, true)).toBe("client");
    expect(facilityPolicy.seesAllBoxes("client")).toBe(false);
    expect(facilityRelation(user(["agency_manager"], "other"), agency, true)).toBeNull();
  });
});
