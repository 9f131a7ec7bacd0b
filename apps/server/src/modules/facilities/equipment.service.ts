// D-5.8, D-9.7: protective equipment of a vault (or a whole site) and its
// maintenance log. Each check sets the next due date; a passed due date is
// OVERDUE on every list and in the compliance check. Fire equipment checks
// are D-9.3's "checked regularly".
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  type EquipmentInput,
  type EquipmentUpdate,
  facilityPolicy,
  isOverdue,
  type MaintenanceInput,
  readScope,
} from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import { agencyVisible, type FacilitiesAccess } from "./facilities.access.ts";
import { addDays, todayInShanghai, userIdOf } from "./facilities.common.ts";

export interface EquipmentFilter {
  q?: string | undefined;
  agencyOrgId?: string | undefined;
  siteId?: string | undefined;
  vaultId?: string | undefined;
  kind?: string | undefined;
  overdue?: boolean | undefined;
}

export function equipmentService(db: Kysely<Database>, access: FacilitiesAccess) {
  /** Equipment the actor may maintain: the manager, or the keeper of its vault. */
  async function maintainable(actor: Actor, id: string, trx: Kysely<Database>) {
    const e = await trx.selectFrom("protectiveEquipment").selectAll().where("id", "=", id).executeTakeFirst();
    const { rel } = await access.related(actor, "protective_equipment", e, trx);
    const vault = e!.vaultId
      ? await trx
          .selectFrom("vault")
          .select("keeperUserId")
          .where("id", "=", e!.vaultId)
          .executeTakeFirstOrThrow()
      : { keeperUserId: null };
    authorize(facilityPolicy.maintainVault(actor, rel, vault), "maintain this equipment");
    return e!;
  }

  async function insert(
    actor: Actor,
    place: { agencyOrgId: string; siteId: string; vaultId: string | null },
    input: EquipmentInput,
  ) {
    return inTransaction(db, auditActor(actor), async (trx, audit) => {
      const row = await trx
        .insertInto("protectiveEquipment")
        .values({
          ...input,
          ...place,
          nextDueOn: input.nextDueOn ?? addDays(todayInShanghai(), input.checkIntervalDays),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      audit.record({
        action: "equipment.saved",
        entityType: "protective_equipment",
        entityId: row.id,
        payload: { ...place, ...input, ...operatorNote(actor) },
        scopeOrgIds: [place.agencyOrgId],
      });
      return row;
    });
  }

  return {
    async list(actor: Actor, f: EquipmentFilter, page: number, pageSize: number) {
      const today = todayInShanghai();
      let q = db
        .selectFrom("protectiveEquipment as e")
        .innerJoin("site as s", "s.id", "e.siteId")
        .innerJoin("organisation as a", "a.id", "e.agencyOrgId")
        .leftJoin("vault as v", "v.id", "e.vaultId")
        .where(agencyVisible(readScope(actor), "e.agency_org_id"));
      if (f.agencyOrgId) q = q.where("e.agencyOrgId", "=", f.agencyOrgId);
      if (f.siteId) q = q.where("e.siteId", "=", f.siteId);
      if (f.vaultId) q = q.where("e.vaultId", "=", f.vaultId);
      if (f.kind) q = q.where("e.kind", "=", f.kind as "dehumidifier");
      if (f.overdue === true) q = q.where("e.status", "!=", "retired").where("e.nextDueOn", "<", today);
      if (f.overdue === false)
        q = q.where((eb) => eb.or([eb("e.status", "=", "retired"), eb("e.nextDueOn", ">=", today)]));
      if (f.q)
        q = q.where((eb) =>
          eb.or([eb("e.name", "ilike", likePattern(f.q!)), eb("e.serialNumber", "ilike", likePattern(f.q!))]),
        );
      const [rows, count] = await Promise.all([
        q
          .selectAll("e")
          .select([
            "s.name as siteName",
            "a.name as agencyName",
            "v.code as vaultCode",
            "v.name as vaultName",
          ])
          .orderBy(sql`e.status = 'retired'`)
          .orderBy("e.nextDueOn")
          .orderBy("e.name")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const items = rows.map((e) => ({ ...e, overdue: isOverdue(e, today) }));
      return { ...pageOf(items, Number(count.n), page, pageSize), today };
    },

    async addToVault(actor: Actor, vaultId: string, input: EquipmentInput) {
      const { row: v, rel } = await access.vault(actor, vaultId);
      authorize(facilityPolicy.maintainVault(actor, rel, v), "register equipment in this vault");
      return insert(actor, { agencyOrgId: v.agencyOrgId, siteId: v.siteId, vaultId }, input);
    },

    async addToSite(actor: Actor, siteId: string, input: EquipmentInput) {
      const { row: s, rel } = await access.site(actor, siteId);
      authorize(facilityPolicy.manage(actor, rel), "register equipment at this site");
      return insert(actor, { agencyOrgId: s.agencyOrgId, siteId, vaultId: null }, input);
    },

    async update(actor: Actor, id: string, patch: EquipmentUpdate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const before = await maintainable(actor, id, trx);
        const row = await trx
          .updateTable("protectiveEquipment")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "equipment.saved",
          entityType: "protective_equipment",
          entityId: id,
          payload: { changes: changes(before, patch), ...operatorNote(actor) },
          scopeOrgIds: [before.agencyOrgId],
        });
        return row;
      });
    },

    async maintenanceLog(actor: Actor, id: string) {
      const e = await db
        .selectFrom("protectiveEquipment")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      await access.related(actor, "protective_equipment", e);
      const items = await db
        .selectFrom("equipmentMaintenance as m")
        .leftJoin("appUser as u", "u.id", "m.recordedBy")
        .selectAll("m")
        .select("u.displayName as recordedByName")
        .where("m.equipmentId", "=", id)
        .orderBy("m.performedOn", "desc")
        .orderBy("m.createdAt", "desc")
        .execute();
      return { equipment: { ...e!, overdue: isOverdue(e!, todayInShanghai()) }, items };
    },

    /** D-9.7: records a check; the equipment's next due date and status follow it. */
    async recordMaintenance(actor: Actor, id: string, input: MaintenanceInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const e = await maintainable(actor, id, trx);
        const nextDueOn = input.nextDueOn ?? addDays(input.performedOn, e.checkIntervalDays);
        const row = await trx
          .insertInto("equipmentMaintenance")
          .values({
            ...input,
            nextDueOn,
            equipmentId: id,
            agencyOrgId: e.agencyOrgId,
            recordedBy: userIdOf(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const status =
          input.result === "fault_found" ? "faulty" : e.status === "retired" ? "retired" : "in_service";
        // A late entry for an older check goes into the log without moving the dates back.
        if (!e.lastCheckedOn || input.performedOn >= e.lastCheckedOn)
          await trx
            .updateTable("protectiveEquipment")
            .set({ lastCheckedOn: input.performedOn, nextDueOn, status, updatedAt: new Date() })
            .where("id", "=", id)
            .execute();
        audit.record({
          action: "equipment.maintained",
          entityType: "protective_equipment",
          entityId: id,
          payload: { maintenanceId: row.id, ...input, nextDueOn, status, ...operatorNote(actor) },
          scopeOrgIds: [e.agencyOrgId],
        });
        return row;
      });
    },
  };
}
