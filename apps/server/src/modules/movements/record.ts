// D-9.11: the one way a box moves. Every module that moves a box (intake,
// inventory re-shelving, retrieval) calls this inside its transaction: it sets
// where the box now is, appends the register row and records "box.moved" with
// the same facts, so that the register can be rebuilt from the audit trail (D-12.2).
import type { BoxStatus, MovementKind, Tx } from "@dangan/db";
import { type AuditEventDraft, notFound } from "@dangan/domain";

export interface MovementInput {
  boxId: string;
  kind: MovementKind;
  fromLocationId: string | null;
  toLocationId: string | null;
  byUserId: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
  note?: string | null;
  /** Set the box's status in the same update (e.g. "checked_out" with a checkout). */
  status?: BoxStatus;
}

/** What "box.moved" carries; the reconciliation compares it with the register row. */
export interface MovementFacts {
  movementId: string;
  boxId: string;
  projectId: string;
  kind: MovementKind;
  fromLocationId: string | null;
  toLocationId: string | null;
  byUserId: string | null;
  referenceType: string | null;
  referenceId: string | null;
  at: string;
}

export async function recordMovement(
  trx: Tx,
  audit: { record(d: AuditEventDraft): void },
  m: MovementInput,
): Promise<MovementFacts> {
  const at = new Date();
  const box = await trx
    .updateTable("box")
    .set({ locationId: m.toLocationId, updatedAt: at, ...(m.status ? { status: m.status } : {}) })
    .where("id", "=", m.boxId)
    .returning(["projectId", "clientOrgId", "agencyOrgId"])
    .executeTakeFirst();
  if (!box) throw notFound("box", m.boxId);
  const row = await trx
    .insertInto("boxMovement")
    .values({
      boxId: m.boxId,
      kind: m.kind,
      fromLocationId: m.fromLocationId,
      toLocationId: m.toLocationId,
      at,
      byUserId: m.byUserId,
      referenceType: m.referenceType ?? null,
      referenceId: m.referenceId ?? null,
      note: m.note ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const facts: MovementFacts = {
    movementId: row.id,
    boxId: m.boxId,
    projectId: box.projectId,
    kind: m.kind,
    fromLocationId: m.fromLocationId,
    toLocationId: m.toLocationId,
    byUserId: m.byUserId,
    referenceType: m.referenceType ?? null,
    referenceId: m.referenceId ?? null,
    at: at.toISOString(),
  };
  audit.record({
    action: "box.moved",
    entityType: "box",
    entityId: m.boxId,
    payload: { ...facts, ...(m.note ? { note: m.note } : {}), ...(m.status ? { status: m.status } : {}) },
    scopeOrgIds: [box.clientOrgId, box.agencyOrgId],
  });
  return facts;
}
