// D-9.8: pests, mould and the like seen during a check are recorded as a
// treatment need and opened as an incident at once, so treatment is not
// left until the check completes.
import { inTransaction } from "@dangan/db";
import { type Actor, notFound, type TreatmentFinding } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import type { InventoryChecksService } from "./inventory-checks.service.ts";

const userId = (actor: Actor) => (actor.type === "user" ? actor.userId : null);
const TREATMENT_ZH = { pests: "虫害", mould: "霉变", other: "其他需处置情况" } as const;

export function inventoryTreatment(
  { dbh: { db } }: Deps,
  checks: InventoryChecksService,
  incidents: IncidentsService,
) {
  return {
    /** D-9.8: pests or mould seen on a box — a treatment need and its incident, at once. */
    async finding(actor: Actor, id: string, input: TreatmentFinding) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const k = await checks.running(trx, actor, id);
        const box = await trx
          .selectFrom("box")
          .select(["id", "boxNo", "projectId"])
          .where("barcode", "=", input.barcode.trim())
          .where("agencyOrgId", "=", k.agencyOrgId)
          .executeTakeFirst();
        if (!box) throw notFound("box", input.barcode);
        const incidentId = await incidents.openIn(trx, audit, {
          projectId: box.projectId,
          kind: "damage",
          severity: "major",
          source: "system",
          sourceType: "inventory_check",
          sourceId: id,
          clauseId: "D-9.8",
          title: `${k.vaultCode} 盘点发现${TREATMENT_ZH[input.kind]}：${box.boxNo}`,
          description: input.note,
          openedBy: userId(actor),
        });
        const row = await trx
          .insertInto("inventoryFinding")
          .values({
            checkId: id,
            boxId: box.id,
            kind: input.kind,
            note: input.note,
            incidentId,
            createdBy: userId(actor),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        audit.record({
          action: "inventory_check.finding_recorded",
          entityType: "inventory_check",
          entityId: id,
          payload: { findingId: row.id, boxId: box.id, kind: input.kind, note: input.note, incidentId },
          scopeOrgIds: [k.agencyOrgId],
        });
        return { id: row.id, incidentId };
      });
    },
  };
}
