// D-9.8: counting shelf by shelf. Scanning a location barcode opens that shelf;
// the box barcodes scanned next are found there; closing the shelf ends it.
// Each scan answers what the register says of the box, for the operator.
import { inTransaction, type Tx } from "@dangan/db";
import { type Actor, conflict, DomainError } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { InventoryRepository } from "./inventory.repository.ts";
import type { InventoryChecksService } from "./inventory-checks.service.ts";

const userId = (actor: Actor) => (actor.type === "user" ? actor.userId : null);

export function inventoryScanning(
  { dbh: { db } }: Deps,
  checks: InventoryChecksService,
  repo: InventoryRepository,
) {
  const { running } = checks;
  const openShelfOf = (trx: Tx, checkId: string) =>
    trx
      .selectFrom("inventoryShelf as sh")
      .innerJoin("location as l", "l.id", "sh.locationId")
      .select(["sh.locationId", "l.code"])
      .where("sh.checkId", "=", checkId)
      .where("sh.closedAt", "is", null)
      .executeTakeFirst();

  return {
    /** Scanning a location barcode opens that shelf (closing the one before). */
    async openShelf(actor: Actor, id: string, locationBarcode: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const k = await running(trx, actor, id);
        const loc = await repo.locationByBarcode(k.vaultId, locationBarcode, trx);
        if (!loc)
          throw new DomainError({
            code: "LOCATION_NOT_IN_VAULT",
            status: 422,
            clause: "D-9.8",
            message: {
              zh: `库位条码 ${locationBarcode} 不属于本库房`,
              en: `Location barcode ${locationBarcode} is not a location of this vault`,
            },
          });
        const now = new Date();
        await trx
          .updateTable("inventoryShelf")
          .set({ closedAt: now, closedBy: userId(actor) })
          .where("checkId", "=", id)
          .where("closedAt", "is", null)
          .where("locationId", "<>", loc.id)
          .execute();
        await trx
          .insertInto("inventoryShelf")
          .values({ checkId: id, locationId: loc.id, openedBy: userId(actor) })
          .onConflict((oc) =>
            oc.columns(["checkId", "locationId"]).doUpdateSet({ closedAt: null, closedBy: null }),
          )
          .execute();
        audit.record({
          action: "inventory_check.shelf_opened",
          entityType: "inventory_check",
          entityId: id,
          payload: { locationId: loc.id, code: loc.code },
          scopeOrgIds: [k.agencyOrgId],
        });
        return { locationId: loc.id, code: loc.code };
      });
    },

    /** A box barcode found on the open shelf; tells what the register says of it. */
    async scan(actor: Actor, id: string, rawBarcode: string) {
      const barcode = rawBarcode.trim();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const k = await running(trx, actor, id);
        const shelf = await openShelfOf(trx, id);
        if (!shelf)
          throw conflict("NO_SHELF_OPEN", {
            zh: "请先扫描库位条码",
            en: "Scan a location barcode first",
          });
        const earlier = await trx
          .selectFrom("inventoryScan as sc")
          .innerJoin("location as l", "l.id", "sc.locationId")
          .select(["sc.id", "sc.locationId", "l.code"])
          .where("sc.checkId", "=", id)
          .where("sc.barcode", "=", barcode)
          .executeTakeFirst();
        if (earlier && earlier.locationId !== shelf.locationId)
          throw conflict(
            "ALREADY_SCANNED",
            {
              zh: `该档案盒已在库位 ${earlier.code} 扫描`,
              en: `This box was already scanned at ${earlier.code}`,
            },
            { location: earlier.code },
          );
        const box = await trx
          .selectFrom("box as b")
          .leftJoin("location as l", "l.id", "b.locationId")
          .select(["b.id", "b.boxNo", "b.clientOrgId", "b.locationId", "l.code as recordedLocation"])
          .where("b.barcode", "=", barcode)
          .where("b.agencyOrgId", "=", k.agencyOrgId)
          .executeTakeFirst();
        const known = !!box && (!k.clientOrgId || box.clientOrgId === k.clientOrgId);
        const status = !known
          ? "unknown"
          : box.locationId === shelf.locationId
            ? "recorded_here"
            : "recorded_elsewhere";
        if (!earlier) {
          await trx
            .insertInto("inventoryScan")
            .values({ checkId: id, locationId: shelf.locationId, barcode, scannedBy: userId(actor) })
            .execute();
          audit.record({
            action: "inventory_check.scanned",
            entityType: "inventory_check",
            entityId: id,
            payload: { barcode, locationId: shelf.locationId, status },
            scopeOrgIds: [k.agencyOrgId],
          });
        }
        return {
          barcode,
          location: shelf.code,
          status,
          duplicate: !!earlier,
          boxNo: known ? box.boxNo : null,
          recordedLocation: known ? box.recordedLocation : null,
        };
      });
    },

    async closeShelf(actor: Actor, id: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const k = await running(trx, actor, id);
        const shelf = await openShelfOf(trx, id);
        if (!shelf) throw conflict("NO_SHELF_OPEN", { zh: "没有正在盘点的库位", en: "No shelf is open" });
        await trx
          .updateTable("inventoryShelf")
          .set({ closedAt: new Date(), closedBy: userId(actor) })
          .where("checkId", "=", id)
          .where("locationId", "=", shelf.locationId)
          .execute();
        audit.record({
          action: "inventory_check.shelf_closed",
          entityType: "inventory_check",
          entityId: id,
          payload: { locationId: shelf.locationId, code: shelf.code },
          scopeOrgIds: [k.agencyOrgId],
        });
        return { locationId: shelf.locationId, code: shelf.code };
      });
    },
  };
}
