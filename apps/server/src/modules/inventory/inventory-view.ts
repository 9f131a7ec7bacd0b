// What the scanning and results pages show of one check: its shelves with the
// barcodes found there, the results once completed, and the treatment needs.
import type { Database } from "@dangan/db";
import { type Kysely, sql } from "kysely";

export function inventoryView(db: Kysely<Database>) {
  return {
    shelves(checkId: string) {
      return db
        .selectFrom("inventoryShelf as sh")
        .innerJoin("location as l", "l.id", "sh.locationId")
        .select(["sh.locationId", "l.code", "sh.openedAt", "sh.closedAt"])
        .select((eb) =>
          eb
            .selectFrom("inventoryScan as sc")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("sc.checkId", "=", "sh.checkId")
            .whereRef("sc.locationId", "=", "sh.locationId")
            .as("scans"),
        )
        .where("sh.checkId", "=", checkId)
        .orderBy("sh.openedAt")
        .execute();
    },

    /** Scans with what the register says of the box (only boxes of the check's agency). */
    scans(checkId: string, agencyOrgId: string, locationId?: string) {
      let q = db
        .selectFrom("inventoryScan as sc")
        .leftJoin("box as b", (j) =>
          j.onRef("b.barcode", "=", "sc.barcode").on("b.agencyOrgId", "=", agencyOrgId),
        )
        .leftJoin("location as l", "l.id", "b.locationId")
        .select([
          "sc.id",
          "sc.barcode",
          "sc.locationId",
          "sc.scannedAt",
          "b.boxNo",
          "b.locationId as recordedLocationId",
        ])
        .select("l.code as recordedLocation")
        .where("sc.checkId", "=", checkId);
      if (locationId) q = q.where("sc.locationId", "=", locationId);
      return q.orderBy("sc.scannedAt", "desc").execute();
    },

    results(checkId: string) {
      return db
        .selectFrom("inventoryResult as r")
        .leftJoin("box as b", "b.id", "r.boxId")
        .leftJoin("project as p", "p.id", "r.projectId")
        .leftJoin("organisation as c", "c.id", "p.clientOrgId")
        .leftJoin("location as le", "le.id", "r.expectedLocationId")
        .leftJoin("location as lf", "lf.id", "r.foundLocationId")
        .select([
          "r.id",
          "r.barcode",
          "r.result",
          "r.boxId",
          "r.incidentId",
          "r.reshelvedAt",
          "r.expectedLocationId",
          "b.boxNo",
          "p.code as projectCode",
          "c.name as clientName",
          "le.code as expectedLocation",
          "lf.code as foundLocation",
        ])
        .where("r.checkId", "=", checkId)
        .orderBy(sql`array_position(ARRAY['missing','misplaced','unexpected','present'], r.result)`)
        .orderBy("r.barcode")
        .execute();
    },

    findings(checkId: string) {
      return db
        .selectFrom("inventoryFinding as f")
        .innerJoin("box as b", "b.id", "f.boxId")
        .leftJoin("appUser as u", "u.id", "f.createdBy")
        .select(["f.id", "f.kind", "f.note", "f.incidentId", "f.createdAt", "b.barcode", "b.boxNo"])
        .select("u.displayName as createdByName")
        .where("f.checkId", "=", checkId)
        .orderBy("f.createdAt")
        .execute();
    },

    staffNames(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("appUser").select(["id", "displayName"]).where("id", "in", ids).execute();
    },

    /** Boxes the register places in the check's scope: the count to expect. */
    async expected(check: { vaultId: string; agencyOrgId: string; clientOrgId: string | null }) {
      let q = db
        .selectFrom("box as b")
        .innerJoin("location as l", "l.id", "b.locationId")
        .where("l.vaultId", "=", check.vaultId)
        .where("b.agencyOrgId", "=", check.agencyOrgId);
      if (check.clientOrgId) q = q.where("b.clientOrgId", "=", check.clientOrgId);
      const r = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
