// D-11.2 after an inventory check (D-9.8): a misplaced box is put back at its
// recorded location; the move goes into the register like any other.
import { inTransaction } from "@dangan/db";
import { type Actor, authorize, conflict, inventoryPolicy, notFound } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { recordMovement } from "../movements/record.ts";
import type { InventoryChecksService } from "./inventory-checks.service.ts";

const userId = (actor: Actor) => (actor.type === "user" ? actor.userId : null);

export function inventoryReshelving({ dbh: { db } }: Deps, checks: InventoryChecksService) {
  return {
    /** D-11.2: a misplaced box goes back to its recorded location; the move is registered. */
    async reshelve(actor: Actor, resultId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await trx
          .selectFrom("inventoryResult")
          .selectAll()
          .where("id", "=", resultId)
          .forUpdate()
          .executeTakeFirst();
        if (!r) throw notFound("inventory result", resultId);
        const k = await checks.readable(actor, r.checkId, trx).catch(() => {
          throw notFound("inventory result", resultId);
        });
        authorize(inventoryPolicy.count(actor, k), "re-shelve boxes of this vault");
        if (r.result !== "misplaced" || !r.boxId || !r.expectedLocationId)
          throw conflict("NOT_RESHELVABLE", {
            zh: "只有错架且有登记库位的档案盒可以归位",
            en: "Only a misplaced box with a recorded location can be re-shelved",
          });
        if (r.reshelvedAt)
          throw conflict("ALREADY_RESHELVED", {
            zh: "该档案盒已归位",
            en: "This box was already re-shelved",
          });
        const box = await trx
          .selectFrom("box")
          .select(["locationId"])
          .where("id", "=", r.boxId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (box.locationId !== r.expectedLocationId)
          throw conflict("BOX_MOVED_SINCE", {
            zh: "盘点后该档案盒的登记库位已变更",
            en: "The box's recorded location changed after the check",
          });
        const moved = await recordMovement(trx, audit, {
          boxId: r.boxId,
          kind: "relocate",
          fromLocationId: r.foundLocationId,
          toLocationId: r.expectedLocationId,
          byUserId: userId(actor),
          referenceType: "inventory_check",
          referenceId: r.checkId,
          note: "盘点错架归位 D-11.2",
        });
        const at = new Date();
        await trx
          .updateTable("inventoryResult")
          .set({ reshelvedAt: at, reshelvedBy: userId(actor) })
          .where("id", "=", resultId)
          .execute();
        audit.record({
          action: "inventory_result.reshelved",
          entityType: "inventory_check",
          entityId: r.checkId,
          payload: {
            resultId,
            boxId: r.boxId,
            movementId: moved.movementId,
            toLocationId: r.expectedLocationId,
          },
          scopeOrgIds: [k.agencyOrgId],
        });
        return { reshelvedAt: at, movementId: moved.movementId };
      });
    },
  };
}
