// D-12.2: rebuilds the movement register and box locations from the audit
// trail ("box.moved" events, recorded by recordMovement) and compares them with
// the tables, for the boxes of the projects the caller may read.
import type { Database } from "@dangan/db";
import {
  type MovementDifference,
  type MovementRecord,
  type ReadScope,
  reconcileMovements,
} from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import { visibleProjects } from "../projects/projects.repository.ts";

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function reconcileLedger(db: Kysely<Database>, scope: ReadScope, projectId?: string) {
  let boxQ = db
    .selectFrom("box as b")
    .innerJoin("project as p", "p.id", "b.projectId")
    .innerJoin("organisation as c", "c.id", "p.clientOrgId")
    .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
    .where(visibleProjects(scope));
  if (projectId) boxQ = boxQ.where("p.id", "=", projectId);

  const [boxes, rows, events] = await Promise.all([
    boxQ.select(["b.id as boxId", "b.locationId", "b.barcode", "b.boxNo"]).execute(),
    db.selectFrom("boxMovement as m").selectAll("m").where("m.boxId", "in", boxQ.select("b.id")).execute(),
    db
      .selectFrom("auditEvent as e")
      .select(["e.seq", "e.payload"])
      .where("e.action", "=", "box.moved")
      .where("e.entityType", "=", "box")
      .where("e.entityId", "in", boxQ.select(sql<string>`b.id::text`.as("id")))
      .orderBy("e.seq")
      .execute(),
  ]);

  const register: MovementRecord[] = rows.map((r) => ({
    movementId: r.id,
    boxId: r.boxId,
    kind: r.kind,
    fromLocationId: r.fromLocationId,
    toLocationId: r.toLocationId,
    byUserId: r.byUserId,
    referenceType: r.referenceType,
    referenceId: r.referenceId,
    note: r.note,
    at: r.at.toISOString(),
  }));
  const audited: MovementRecord[] = events.map(({ payload }) => {
    const p = payload as Record<string, unknown>;
    return {
      movementId: String(p.movementId),
      boxId: text(p.boxId),
      kind: text(p.kind),
      fromLocationId: text(p.fromLocationId),
      toLocationId: text(p.toLocationId),
      byUserId: text(p.byUserId),
      referenceType: text(p.referenceType),
      referenceId: text(p.referenceId),
      note: text(p.note),
      at: text(p.at),
    };
  });
  const result = reconcileMovements(
    register,
    audited,
    boxes.map((b) => ({ boxId: b.boxId, locationId: b.locationId })),
  );
  const label = new Map(boxes.map((b) => [b.boxId, { barcode: b.barcode, boxNo: b.boxNo }]));
  const places = await placeNames(db, result.differences);
  const place = (v: string | null | undefined) => (v ? (places.get(v) ?? v) : null);
  return {
    ...result,
    projectId: projectId ?? null,
    differences: result.differences.map((d) => ({
      ...d,
      ...(label.get(d.boxId) ?? { barcode: null, boxNo: null }),
      // Locations by their vault and code, for people reading the report.
      ...("audit" in d && isLocation(d)
        ? { registerPlace: place(d.register), auditPlace: place(d.audit) }
        : {}),
    })),
  };
}
const isLocation = (d: MovementDifference) =>
  d.kind === "location_mismatch" ||
  (d.kind === "register_altered" && (d.field === "fromLocationId" || d.field === "toLocationId"));

async function placeNames(db: Kysely<Database>, differences: MovementDifference[]) {
  const ids = differences.flatMap((d) => ("audit" in d && isLocation(d) ? [d.register, d.audit] : []));
  const wanted = [...new Set(ids.filter((v): v is string => !!v))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .selectFrom("location as l")
    .innerJoin("vault as v", "v.id", "l.vaultId")
    .select(["l.id", "l.code", "v.code as vaultCode"])
    .where("l.id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.vaultCode} ${r.code}`]));
}

export type LedgerReconciliation = Awaited<ReturnType<typeof reconcileLedger>>;
