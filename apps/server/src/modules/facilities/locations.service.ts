// D-9.1: a vault's locations (row / column / section / shelf, each in a carrier
// zone), generated in bulk from ranges, listed with their occupancy, and the
// boxes at one location. Occupancy counts boxes whose location_id is there;
// a client counts and sees only its own boxes.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  assertZoneFitsCarrier,
  authorize,
  type CarrierZone,
  DomainError,
  type FacilityRelation,
  facilityPolicy,
  type LocationGenerate,
  type LocationUpdate,
  notFound,
  overlapError,
  planLocations,
  positionKey,
} from "@dangan/domain";
import type { ExpressionBuilder, Kysely } from "kysely";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import type { FacilitiesAccess } from "./facilities.access.ts";

export interface LocationFilter {
  q?: string | undefined;
  zone?: string | undefined;
  row?: number | undefined;
  occupancy?: "empty" | "partial" | "full" | undefined;
}

type L = ExpressionBuilder<Database & { l: Database["location"] }, "l">;

/** Boxes at the location that this viewer may count: all, or the client's own. */
const occupied = (actor: Actor, rel: FacilityRelation) => (eb: L) => {
  let q = eb
    .selectFrom("box as b")
    .select((e) => e.fn.countAll<number>().as("n"))
    .whereRef("b.locationId", "=", "l.id");
  if (!facilityPolicy.seesAllBoxes(rel) && actor.type === "user")
    q = q.where("b.clientOrgId", "=", actor.orgId);
  return q;
};

export function locationsService(db: Kysely<Database>, access: FacilitiesAccess) {
  async function maintainable(actor: Actor, vaultId: string, trx: Kysely<Database>) {
    const { row, rel } = await access.vault(actor, vaultId, trx);
    authorize(facilityPolicy.maintainVault(actor, rel, row), "change the locations of this vault");
    return row;
  }

  return {
    /** Refused as a whole (nothing created) when any location exists already: safe to re-run. */
    async generate(actor: Actor, vaultId: string, input: LocationGenerate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const vault = await maintainable(actor, vaultId, trx);
        await trx.selectFrom("vault").select("id").where("id", "=", vaultId).forUpdate().execute();
        const prefix = input.prefix ?? vault.code;
        const plan = planLocations(prefix, input.ranges);
        const existing = await trx
          .selectFrom("location")
          .select(["code", "rowNo", "columnNo", "sectionNo", "shelfNo"])
          .where("vaultId", "=", vaultId)
          .execute();
        const taken = new Set([...existing.map(positionKey), ...existing.map((e) => e.code)]);
        const clash = plan.filter((p) => taken.has(positionKey(p)) || taken.has(p.code));
        if (clash.length) throw overlapError(clash.map((c) => c.code));
        for (let i = 0; i < plan.length; i += 1000)
          await trx
            .insertInto("location")
            .values(plan.slice(i, i + 1000).map((p) => ({ ...p, vaultId })))
            .execute();
        audit.record({
          action: "location.generated",
          entityType: "vault",
          entityId: vaultId,
          payload: {
            prefix,
            ranges: input.ranges,
            created: plan.length,
            first: plan[0]!.code,
            last: plan.at(-1)!.code,
            ...operatorNote(actor),
          },
          scopeOrgIds: [vault.agencyOrgId],
        });
        return { created: plan.length, first: plan[0]!.code, last: plan.at(-1)!.code };
      });
    },

    async list(actor: Actor, vaultId: string, f: LocationFilter, page: number, pageSize: number) {
      const { rel } = await access.vault(actor, vaultId);
      let q = db.selectFrom("location as l").where("l.vaultId", "=", vaultId);
      if (f.zone) q = q.where("l.zone", "=", f.zone);
      if (f.row) q = q.where("l.rowNo", "=", f.row);
      if (f.q) q = q.where("l.code", "ilike", likePattern(f.q));
      if (f.occupancy === "empty") q = q.where((eb) => eb(occupied(actor, rel)(eb), "=", 0));
      if (f.occupancy === "partial")
        q = q.where((eb) =>
          eb.and([
            eb(occupied(actor, rel)(eb), ">", 0),
            eb(occupied(actor, rel)(eb), "<", eb.ref("l.capacity")),
          ]),
        );
      if (f.occupancy === "full")
        q = q.where((eb) => eb(occupied(actor, rel)(eb), ">=", eb.ref("l.capacity")));
      const [items, count] = await Promise.all([
        q
          .selectAll("l")
          .select((eb) => occupied(actor, rel)(eb).as("occupied"))
          .orderBy("l.rowNo")
          .orderBy("l.columnNo")
          .orderBy("l.sectionNo")
          .orderBy("l.shelfNo")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(
        items.map((i) => ({ ...i, occupied: Number(i.occupied) })),
        Number(count.n),
        page,
        pageSize,
      );
    },

    /** Every location of the vault with its occupancy, for the vault map. */
    async map(actor: Actor, vaultId: string) {
      const { row: v, rel } = await access.vault(actor, vaultId);
      const cells = await db
        .selectFrom("location as l")
        .select([
          "l.id",
          "l.code",
          "l.rowNo",
          "l.columnNo",
          "l.sectionNo",
          "l.shelfNo",
          "l.zone",
          "l.capacity",
        ])
        .select((eb) => occupied(actor, rel)(eb).as("occupied"))
        .where("l.vaultId", "=", vaultId)
        .orderBy("l.rowNo")
        .orderBy("l.columnNo")
        .orderBy("l.sectionNo")
        .orderBy("l.shelfNo")
        .execute();
      return {
        vault: { id: v.id, code: v.code, name: v.name },
        ownBoxesOnly: !facilityPolicy.seesAllBoxes(rel),
        cells: cells.map((c) => ({ ...c, occupied: Number(c.occupied) })),
      };
    },

    async boxesAt(actor: Actor, locationId: string) {
      const loc = await db
        .selectFrom("location as l")
        .innerJoin("vault as v", "v.id", "l.vaultId")
        .selectAll("l")
        .select(["v.agencyOrgId", "v.code as vaultCode"])
        .where("l.id", "=", locationId)
        .executeTakeFirst();
      const { rel } = await access.related(actor, "location", loc);
      let q = db
        .selectFrom("box as b")
        .innerJoin("organisation as c", "c.id", "b.clientOrgId")
        .innerJoin("project as p", "p.id", "b.projectId")
        .select([
          "b.id",
          "b.boxNo",
          "b.barcode",
          "b.status",
          "b.carrier",
          "b.category",
          "c.name as clientName",
          "p.code as projectCode",
        ])
        .where("b.locationId", "=", locationId);
      if (!facilityPolicy.seesAllBoxes(rel) && actor.type === "user")
        q = q.where("b.clientOrgId", "=", actor.orgId);
      const boxes = await q.orderBy("b.boxNo").execute();
      return { location: loc!, boxes };
    },

    /** Zone and capacity changes may not strand the boxes already there (D-9.1). */
    async update(actor: Actor, locationId: string, patch: LocationUpdate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const loc = await trx
          .selectFrom("location")
          .selectAll()
          .where("id", "=", locationId)
          .forUpdate()
          .executeTakeFirst();
        if (!loc) throw notFound("location");
        const v = await maintainable(actor, loc.vaultId, trx);
        const boxes = await trx
          .selectFrom("box")
          .select("carrier")
          .where("locationId", "=", locationId)
          .execute();
        if (patch.capacity !== undefined && patch.capacity < boxes.length)
          throw new DomainError({
            code: "CAPACITY_BELOW_OCCUPANCY",
            status: 409,
            clause: "D-9.1",
            message: {
              zh: `库位现有 ${boxes.length} 盒，容量不能小于此数`,
              en: `The location holds ${boxes.length} boxes; capacity cannot go below that`,
            },
          });
        if (patch.zone) for (const b of boxes) assertZoneFitsCarrier(b.carrier, patch.zone as CarrierZone);
        const row = await trx
          .updateTable("location")
          .set(patch)
          .where("id", "=", locationId)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "location.updated",
          entityType: "vault",
          entityId: loc.vaultId,
          payload: {
            locationId,
            code: loc.code,
            before: { zone: loc.zone, capacity: loc.capacity },
            after: patch,
            ...operatorNote(actor),
          },
          scopeOrgIds: [v.agencyOrgId],
        });
        return row;
      });
    },
  };
}
