// D-12.2: every ledger reproducible from the audit trail. The movement register
// and each box's current location are rebuilt from the "box.moved" events and
// compared with what the tables hold; on a healthy database nothing differs.

export const RECONCILED_FIELDS = [
  "boxId",
  "kind",
  "fromLocationId",
  "toLocationId",
  "byUserId",
  "referenceType",
  "referenceId",
  "note",
  "at",
] as const;
type Field = (typeof RECONCILED_FIELDS)[number];

/** One movement, as the register holds it or as its audit event tells it. */
export type MovementRecord = { movementId: string } & Record<Field, string | null>;

export interface BoxPosition {
  boxId: string;
  locationId: string | null;
}

export type MovementDifference =
  /** A register row no audit event records (written outside the platform). */
  | { kind: "register_without_event"; movementId: string; boxId: string }
  /** An audited movement missing from the register (deleted). */
  | { kind: "event_without_register"; movementId: string; boxId: string }
  /** The row differs from its event. */
  | {
      kind: "register_altered";
      movementId: string;
      boxId: string;
      field: Field;
      register: string | null;
      audit: string | null;
    }
  /** The box is not where its last audited movement put it. */
  | { kind: "location_mismatch"; boxId: string; register: string | null; audit: string | null };

export interface Reconciliation {
  ok: boolean;
  boxes: number;
  register: { movements: number; byKind: Record<string, number> };
  audit: { movements: number; byKind: Record<string, number> };
  differences: MovementDifference[];
}

const countByKind = (rows: readonly MovementRecord[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.kind ?? ""] = (out[r.kind ?? ""] ?? 0) + 1;
  return out;
};

/** `events` in chain order; the last event of a box says where it must be. */
export function reconcileMovements(
  register: readonly MovementRecord[],
  events: readonly MovementRecord[],
  boxes: readonly BoxPosition[],
): Reconciliation {
  const differences: MovementDifference[] = [];
  const audited = new Map(events.map((e) => [e.movementId, e]));
  const held = new Set(register.map((r) => r.movementId));
  for (const r of register) {
    const e = audited.get(r.movementId);
    if (!e) {
      differences.push({ kind: "register_without_event", movementId: r.movementId, boxId: r.boxId ?? "" });
      continue;
    }
    for (const field of RECONCILED_FIELDS)
      if ((r[field] ?? null) !== (e[field] ?? null))
        differences.push({
          kind: "register_altered",
          movementId: r.movementId,
          boxId: e.boxId ?? "",
          field,
          register: r[field] ?? null,
          audit: e[field] ?? null,
        });
  }
  for (const e of events)
    if (!held.has(e.movementId))
      differences.push({ kind: "event_without_register", movementId: e.movementId, boxId: e.boxId ?? "" });

  const lastTo = new Map<string, string | null>();
  for (const e of events) if (e.boxId) lastTo.set(e.boxId, e.toLocationId);
  for (const b of boxes) {
    const audit = lastTo.get(b.boxId) ?? null;
    if (audit !== b.locationId)
      differences.push({ kind: "location_mismatch", boxId: b.boxId, register: b.locationId, audit });
  }
  return {
    ok: differences.length === 0,
    boxes: boxes.length,
    register: { movements: register.length, byKind: countByKind(register) },
    audit: { movements: events.length, byKind: countByKind(events) },
    differences,
  };
}
