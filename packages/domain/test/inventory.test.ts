import { describe, expect, it } from "vitest";
import {
  assertInventoryPlan,
  countOutcomes,
  inventoryOutcomes,
  nextDueAfter,
  type RegisteredBox,
} from "../src/custody/inventory.ts";
import { type MovementRecord, reconcileMovements } from "../src/custody/movement-reconciliation.ts";
import type { DomainError } from "../src/index.ts";

const box = (barcode: string, locationId: string | null, inScope = true): RegisteredBox => ({
  boxId: `id-${barcode}`,
  barcode,
  locationId,
  inScope,
});
const vault = new Set(["L1", "L2", "L3"]);
const boxes = [
  box("A", "L1"),
  box("B", "L2"),
  box("C", "L3"),
  box("D", null),
  box("E", "X9"),
  box("F", "L1", false),
];
const scans = [
  { barcode: "A", locationId: "L1" },
  { barcode: "B", locationId: "L1" },
  { barcode: "E", locationId: "L2" },
  { barcode: "F", locationId: "L1" },
  { barcode: "?", locationId: "L2" },
];
const results = (method: "full" | "sample", examined: string[]) =>
  Object.fromEntries(
    inventoryOutcomes({
      method,
      vaultLocationIds: vault,
      examinedLocationIds: new Set(examined),
      boxes,
      scans,
    }).map((o) => [o.barcode, o.result]),
  );

describe("inventory rules (D-9.8)", () => {
  it("[D-9.8] classifies present, misplaced (incl. from another vault), unexpected and missing boxes", () => {
    expect(results("full", ["L1", "L2"])).toEqual({
      A: "present",
      B: "misplaced",
      E: "misplaced",
      F: "unexpected",
      "?": "unexpected",
      C: "missing",
    });
  });

  it("[D-9.8] counts a box missing in a sample only where the shelves were examined", () => {
    const r = results("sample", ["L1", "L2"]);
    expect(r.C).toBeUndefined();
    expect(countOutcomes(Object.values(r).map((result) => ({ result: result as "present" })))).toEqual({
      present: 1,
      missing: 0,
      misplaced: 2,
      unexpected: 2,
    });
  });

  it("[D-9.8] refuses a period over six months and a by-client plan without its client", () => {
    const code = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return [(e as DomainError).code, (e as DomainError).clause];
      }
      return null;
    };
    expect(code(() => assertInventoryPlan({ method: "full", periodMonths: 7 }))).toEqual([
      "INVENTORY_PERIOD_TOO_LONG",
      "D-9.8",
    ]);
    expect(code(() => assertInventoryPlan({ method: "by_client", periodMonths: 6 }, null))).toEqual([
      "INVENTORY_CLIENT_REQUIRED",
      "D-9.8",
    ]);
    expect(code(() => assertInventoryPlan({ method: "by_client", periodMonths: 6 }, "c"))).toBeNull();
  });

  it("[D-9.8] sets the next due date one period after completion, at month ends too", () => {
    expect(nextDueAfter("2026-03-15", 6)).toBe("2026-09-15");
    expect(nextDueAfter("2026-08-31", 6)).toBe("2027-02-28");
    expect(nextDueAfter("2026-12-01", 1)).toBe("2027-01-01");
  });
});

describe("ledger reconciliation (D-12.2)", () => {
  const m = (id: string, boxId: string, kind: string, to: string | null): MovementRecord => ({
    movementId: id,
    boxId,
    kind,
    fromLocationId: null,
    toLocationId: to,
    byUserId: "u",
    referenceType: null,
    referenceId: null,
    note: null,
    at: "2026-01-01T00:00:00.000Z",
  });
  const events = [m("1", "b1", "intake", null), m("2", "b1", "shelve", "L1"), m("3", "b2", "shelve", "L2")];

  it("[D-12.2] finds nothing when the register, the locations and the audit trail agree", () => {
    const r = reconcileMovements(events, events, [
      { boxId: "b1", locationId: "L1" },
      { boxId: "b2", locationId: "L2" },
    ]);
    expect(r).toMatchObject({ ok: true, differences: [], register: { movements: 3 } });
  });

  it("[D-12.2] names altered, deleted and unaudited rows and misplaced boxes", () => {
    const register = [
      m("1", "b1", "intake", null),
      m("2", "b1", "shelve", "L9"),
      m("4", "b2", "relocate", "L2"),
    ];
    const r = reconcileMovements(register, events, [
      { boxId: "b1", locationId: "L1" },
      { boxId: "b2", locationId: "L3" },
    ]);
    expect(r.differences).toEqual([
      {
        kind: "register_altered",
        movementId: "2",
        boxId: "b1",
        field: "toLocationId",
        register: "L9",
        audit: "L1",
      },
      { kind: "register_without_event", movementId: "4", boxId: "b2" },
      { kind: "event_without_register", movementId: "3", boxId: "b2" },
      { kind: "location_mismatch", boxId: "b2", register: "L3", audit: "L2" },
    ]);
  });
});
