// Sites (D-5.2, D-5.4 checklist; D-9.3 emergency plan) and their functional
// rooms (D-5.3). Owned and changed by the agency manager.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  DomainError,
  facilityPermissions,
  facilityPolicy,
  notFound,
  type RoomInput,
  readScope,
  SITE_CHECKLIST,
  SITE_SAFETY_CHECKLIST,
  type SiteCreate,
  type SiteUpdate,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import { agencyVisible, type FacilitiesAccess } from "./facilities.access.ts";
import { assertCustodyAgency, inUse, owningAgency } from "./facilities.common.ts";

export interface SiteFilter {
  q?: string | undefined;
  agencyOrgId?: string | undefined;
}

export function sitesService(db: Kysely<Database>, access: FacilitiesAccess) {
  async function assertPlanOnSite(trx: Kysely<Database>, siteId: string, attachmentId: string) {
    const a = await trx
      .selectFrom("attachment")
      .select("id")
      .where("id", "=", attachmentId)
      .where("entityType", "=", "site")
      .where("entityId", "=", siteId)
      .executeTakeFirst();
    if (!a)
      throw new DomainError({
        code: "ATTACHMENT_NOT_ON_SITE",
        status: 422,
        clause: "D-9.3",
        message: { zh: "应急预案须先作为附件上传到该场地", en: "Upload the plan to this site first" },
      });
  }

  /** A room the actor may change, with its site's agency. */
  async function managedRoom(actor: Actor, id: string, executor: Kysely<Database>) {
    const room = await executor
      .selectFrom("facilityRoom")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    const { rel } = await access.related(actor, "facility_room", room, executor);
    authorize(facilityPolicy.manage(actor, rel), "change this room");
    return room!;
  }

  return {
    async list(actor: Actor, f: SiteFilter, page: number, pageSize: number) {
      let q = db
        .selectFrom("site as s")
        .innerJoin("organisation as a", "a.id", "s.agencyOrgId")
        .where(agencyVisible(readScope(actor), "s.agency_org_id"));
      if (f.agencyOrgId) q = q.where("s.agencyOrgId", "=", f.agencyOrgId);
      if (f.q)
        q = q.where((eb) =>
          eb.or([eb("s.name", "ilike", likePattern(f.q!)), eb("s.address", "ilike", likePattern(f.q!))]),
        );
      const [items, count] = await Promise.all([
        q
          .selectAll("s")
          .select("a.name as agencyName")
          .select((eb) =>
            eb
              .selectFrom("vault")
              .select(eb.fn.countAll<number>().as("n"))
              .whereRef("vault.siteId", "=", "s.id")
              .as("vaultCount"),
          )
          .orderBy("a.name")
          .orderBy("s.name")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    async get(actor: Actor, id: string) {
      const { row: site, rel } = await access.site(actor, id);
      const [agency, rooms, cameras, fireAlarms, vaults, plan] = await Promise.all([
        db
          .selectFrom("organisation")
          .select("name")
          .where("id", "=", site.agencyOrgId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("facilityRoom")
          .selectAll()
          .where("siteId", "=", id)
          .orderBy("roomFunction")
          .orderBy("name")
          .execute(),
        db.selectFrom("camera").selectAll().where("siteId", "=", id).orderBy("code").execute(),
        db.selectFrom("fireAlarm").selectAll().where("siteId", "=", id).orderBy("code").execute(),
        db
          .selectFrom("vault")
          .select(["id", "code", "name", "floorAreaM2", "shelvingType", "keeperUserId"])
          .where("siteId", "=", id)
          .orderBy("code")
          .execute(),
        site.emergencyPlanAttachmentId
          ? db
              .selectFrom("attachment")
              .select(["id", "filename", "sm3", "createdAt"])
              .where("id", "=", site.emergencyPlanAttachmentId)
              .executeTakeFirst()
          : undefined,
      ]);
      const answers = site.checklist as Record<string, boolean | undefined>;
      const checklist = [...SITE_CHECKLIST, ...SITE_SAFETY_CHECKLIST].map((i) => ({
        ...i,
        answer: answers[i.key] ?? null,
      }));
      return {
        ...site,
        agencyName: agency.name,
        checklist,
        rooms,
        cameras,
        fireAlarms,
        vaults,
        emergencyPlan: plan ?? null,
        permissions: facilityPermissions(actor, rel),
      };
    },

    async create(actor: Actor, input: SiteCreate) {
      const agencyOrgId = owningAgency(actor, input.agencyOrgId);
      const rel = await access.relationTo(actor, agencyOrgId);
      authorize(facilityPolicy.manage(actor, rel), "register a site for this agency");
      await assertCustodyAgency(db, agencyOrgId);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { agencyOrgId: _ignored, ...values } = input;
        const row = await trx
          .insertInto("site")
          .values({ ...values, agencyOrgId, checklist: (input.checklist ?? {}) as Record<string, boolean> })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "site.created",
          entityType: "site",
          entityId: row.id,
          payload: { ...values, ...operatorNote(actor) },
          scopeOrgIds: [agencyOrgId],
        });
        return row;
      });
    },

    async update(actor: Actor, id: string, patch: SiteUpdate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: before, rel } = await access.site(actor, id, trx);
        authorize(facilityPolicy.manage(actor, rel), "change this site");
        if (patch.emergencyPlanAttachmentId) await assertPlanOnSite(trx, id, patch.emergencyPlanAttachmentId);
        const checklist = patch.checklist ? { ...before.checklist, ...patch.checklist } : undefined;
        const row = await trx
          .updateTable("site")
          .set({
            ...patch,
            checklist: checklist as Record<string, boolean> | undefined,
            updatedAt: new Date(),
          })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "site.updated",
          entityType: "site",
          entityId: id,
          payload: { changes: changes(before, { ...patch, checklist }), ...operatorNote(actor) },
          scopeOrgIds: [before.agencyOrgId],
        });
        return row;
      });
    },

    async remove(actor: Actor, id: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: site, rel } = await access.site(actor, id, trx);
        authorize(facilityPolicy.manage(actor, rel), "delete this site");
        for (const table of ["vault", "camera", "fireAlarm", "protectiveEquipment"] as const) {
          const used = await trx
            .selectFrom(table)
            .select("id")
            .where("siteId", "=", id)
            .limit(1)
            .executeTakeFirst();
          if (used)
            throw inUse({
              zh: "场地下仍有库房或设备，不能删除",
              en: "The site still has vaults or equipment; remove them first",
            });
        }
        await trx.deleteFrom("facilityRoom").where("siteId", "=", id).execute();
        await trx.deleteFrom("site").where("id", "=", id).execute();
        audit.record({
          action: "site.deleted",
          entityType: "site",
          entityId: id,
          payload: { name: site.name, ...operatorNote(actor) },
          scopeOrgIds: [site.agencyOrgId],
        });
        return { ok: true as const };
      });
    },

    async addRoom(actor: Actor, siteId: string, input: RoomInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: site, rel } = await access.site(actor, siteId, trx);
        authorize(facilityPolicy.manage(actor, rel), "add rooms to this site");
        if (input.vaultId) await sameSiteVault(trx, siteId, input.vaultId);
        const row = await trx
          .insertInto("facilityRoom")
          .values({ ...input, siteId, agencyOrgId: site.agencyOrgId })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "facility_room.saved",
          entityType: "site",
          entityId: siteId,
          payload: { roomId: row.id, ...input, ...operatorNote(actor) },
          scopeOrgIds: [site.agencyOrgId],
        });
        return row;
      });
    },

    async updateRoom(actor: Actor, id: string, patch: Partial<RoomInput>) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const before = await managedRoom(actor, id, trx);
        if (patch.vaultId) await sameSiteVault(trx, before.siteId, patch.vaultId);
        const row = await trx
          .updateTable("facilityRoom")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "facility_room.saved",
          entityType: "site",
          entityId: before.siteId,
          payload: { roomId: id, changes: changes(before, patch), ...operatorNote(actor) },
          scopeOrgIds: [before.agencyOrgId],
        });
        return row;
      });
    },

    async removeRoom(actor: Actor, id: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const room = await managedRoom(actor, id, trx);
        await trx.deleteFrom("facilityRoom").where("id", "=", id).execute();
        audit.record({
          action: "facility_room.deleted",
          entityType: "site",
          entityId: room.siteId,
          payload: { roomId: id, name: room.name, ...operatorNote(actor) },
          scopeOrgIds: [room.agencyOrgId],
        });
        return { ok: true as const };
      });
    },
  };
}

/** A record tied to a vault must name a vault of the same site. */
export async function sameSiteVault(db: Kysely<Database>, siteId: string, vaultId: string) {
  const v = await db.selectFrom("vault").select("siteId").where("id", "=", vaultId).executeTakeFirst();
  if (v?.siteId !== siteId) throw notFound("vault");
}
