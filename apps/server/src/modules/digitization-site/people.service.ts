// Z-7.2 workstations with fixed posts and people; Z-5.6 real-name registration
// with badges and the daily entry/exit log; Z-7.1 the entry check for banned
// items, whose violation refuses entry and opens an incident.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  alreadyOnSiteRefusal,
  type BannedItem,
  bannedItemRefusal,
  bannedItemsCarried,
  conflict,
  entryRefusal,
  maskIdNumber,
  notFound,
  type WorkstationKind,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import { siteRepository } from "./site.repository.ts";
import { type SiteAccess, userId } from "./site-access.ts";

export interface PersonInput {
  name: string;
  idNumber: string;
  badgeNo?: string | undefined;
  role: string;
  orgId?: string | undefined;
  userId?: string | undefined;
}

export interface EntryInput {
  personId?: string | undefined;
  badgeNo?: string | undefined;
  declaredItems: BannedItem[];
  foundItems: BannedItem[];
  note?: string | undefined;
}

/** Today in Shanghai, as the entry log's day. */
const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const duplicate = (what: { zh: string; en: string }) => conflict("DUPLICATE", what);
const isUnique = (e: unknown) => (e as { code?: string }).code === "23505";

export function peopleService({ dbh: { db } }: Deps, site: SiteAccess, incidents: IncidentsService) {
  const repo = siteRepository(db);

  return {
    async workstations(actor: Actor, projectId: string) {
      await site.load(actor, projectId);
      const [stations, assignments] = await Promise.all([
        repo.workstations(projectId),
        repo.assignments(projectId),
      ]);
      return stations.map((w) => ({
        ...w,
        assignments: assignments.filter((a) => a.workstationId === w.id),
      }));
    },

    async createWorkstation(
      actor: Actor,
      projectId: string,
      input: { code: string; kind: WorkstationKind; name: string },
    ) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "register", trx);
        const row = await trx
          .insertInto("digitizationWorkstation")
          .values({ projectId, ...input, createdBy: userId(actor) })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((e) => {
            throw isUnique(e)
              ? duplicate({ zh: "工位编号已存在", en: "A workstation with this code exists" })
              : e;
          });
        audit.record({
          action: "digitization_workstation.created",
          entityType: "digitization_workstation",
          entityId: row.id,
          payload: { projectId, ...input },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-7.2: a registered, active person takes a fixed post at the workstation. */
    async assign(actor: Actor, workstationId: string, input: { personId: string; post: string }) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "workstation", workstationId, trx, "register");
        const person = await trx
          .selectFrom("digitizationPerson")
          .select(["id", "name", "status"])
          .where("id", "=", input.personId)
          .where("projectId", "=", s.project.id)
          .executeTakeFirst();
        if (!person) throw notFound("person", input.personId);
        const veto = entryRefusal({ ...person, badgeNo: "-" });
        if (veto) throw veto;
        const row = await trx
          .insertInto("digitizationWorkstationAssignment")
          .values({ workstationId, personId: person.id, post: input.post, assignedBy: userId(actor) })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((e) => {
            throw isUnique(e)
              ? duplicate({ zh: "该人员已在此工位定岗", en: "This person already holds a post here" })
              : e;
          });
        audit.record({
          action: "digitization_assignment.created",
          entityType: "digitization_workstation",
          entityId: workstationId,
          payload: { personId: person.id, name: person.name, post: input.post },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-5.6: the people register; ID numbers show only their last 4 unless the viewer may see them. */
    async people(
      actor: Actor,
      projectId: string,
      f: { q?: string | undefined; status?: string | undefined },
      page: number,
      pageSize: number,
    ) {
      const s = await site.load(actor, projectId);
      const { items, total } = await repo.people(projectId, f, pageSize, (page - 1) * pageSize);
      const shown = items.map((p) => ({
        ...p,
        idNumber: s.can.seeIdNumbers ? p.idNumber : maskIdNumber(p.idNumber),
      }));
      return pageOf(shown, total, page, pageSize);
    },

    async register(actor: Actor, projectId: string, input: PersonInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "register", trx);
        const orgId = input.orgId ?? s.project.agencyOrgId;
        if (orgId !== s.project.agencyOrgId && orgId !== s.project.clientOrgId)
          throw notFound("organisation", orgId);
        if (input.userId) {
          const u = await trx
            .selectFrom("appUser")
            .select("orgId")
            .where("id", "=", input.userId)
            .executeTakeFirst();
          if (!u || u.orgId !== orgId) throw notFound("user", input.userId);
        }
        const row = await trx
          .insertInto("digitizationPerson")
          .values({
            projectId,
            orgId,
            userId: input.userId ?? null,
            name: input.name,
            idNumber: input.idNumber,
            badgeNo: input.badgeNo ?? null,
            role: input.role,
            registeredBy: userId(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((e) => {
            throw isUnique(e)
              ? duplicate({ zh: "工作牌号已被使用", en: "This badge number is already in use" })
              : e;
          });
        audit.record({
          action: "digitization_person.registered",
          entityType: "digitization_person",
          entityId: row.id,
          // The full ID number is never written to the audit trail.
          payload: {
            projectId,
            name: input.name,
            idNumber: maskIdNumber(input.idNumber),
            badgeNo: row.badgeNo,
            role: input.role,
            orgId,
          },
          scopeOrgIds: s.scopeOrgIds,
        });
        return { ...row, idNumber: s.can.seeIdNumbers ? row.idNumber : maskIdNumber(row.idNumber) };
      });
    },

    async revoke(actor: Actor, personId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "person", personId, trx, "register");
        const row = await trx
          .updateTable("digitizationPerson")
          .set({
            status: "revoked",
            revokedAt: new Date(),
            revokedBy: userId(actor),
            designatedOperator: false,
          })
          .where("id", "=", personId)
          .where("status", "=", "active")
          .returning(["id", "name", "status"])
          .executeTakeFirst();
        if (!row)
          throw conflict("ALREADY_REVOKED", { zh: "登记已注销", en: "The registration is already revoked" });
        audit.record({
          action: "digitization_person.revoked",
          entityType: "digitization_person",
          entityId: personId,
          payload: { name: row.name },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-5.6, Z-7.1: the entry check. A banned item refuses entry, is recorded and opens an incident. */
    async checkIn(actor: Actor, projectId: string, input: EntryInput) {
      const at = new Date();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "record", trx);
        let q = trx.selectFrom("digitizationPerson").selectAll().where("projectId", "=", projectId);
        if (input.personId) q = q.where("id", "=", input.personId);
        else q = q.where("badgeNo", "=", input.badgeNo ?? "");
        const person = await q.forUpdate().executeTakeFirst();
        const veto = entryRefusal(person);
        if (veto || !person) throw veto;
        const open = await trx
          .selectFrom("digitizationEntryLog")
          .select("id")
          .where("personId", "=", person.id)
          .where("outcome", "=", "admitted")
          .where("exitedAt", "is", null)
          .executeTakeFirst();
        const twice = alreadyOnSiteRefusal(person.name, !!open);
        if (twice) throw twice;
        const items = bannedItemsCarried(input.declaredItems, input.foundItems);
        const banned = bannedItemRefusal(items);
        const row = await trx
          .insertInto("digitizationEntryLog")
          .values({
            projectId,
            personId: person.id,
            day: shanghaiDay(at),
            checkedAt: at,
            checkedBy: userId(actor),
            outcome: banned ? "refused" : "admitted",
            bannedItems: items,
            note: input.note ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        let incidentId: string | null = null;
        if (banned) {
          incidentId = await incidents.openIn(trx, audit, {
            projectId,
            kind: "banned_item",
            severity: "major",
            source: "system",
            sourceType: "digitization_entry",
            sourceId: row.id,
            clauseId: "Z-7.1",
            title: `数字化场所入场检查发现违禁物品：${person.name}（${items.join("、")}）`,
            description: "入场检查发现携带手机、照相机、摄录设备或移动存储介质，已拒绝入场",
            openedBy: userId(actor),
          });
          await trx
            .updateTable("digitizationEntryLog")
            .set({ incidentId })
            .where("id", "=", row.id)
            .execute();
        }
        audit.record({
          action: banned ? "digitization_entry.refused" : "digitization_entry.admitted",
          entityType: "digitization_person",
          entityId: person.id,
          payload: { entryId: row.id, name: person.name, badgeNo: person.badgeNo, items, incidentId },
          scopeOrgIds: s.scopeOrgIds,
        });
        return {
          ...row,
          incidentId,
          personName: person.name,
          ...(banned
            ? { refusal: { code: banned.code, clause: banned.clause, message: banned.message } }
            : {}),
        };
      });
    },

    async checkOut(actor: Actor, entryId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "entry", entryId, trx, "record");
        const row = await trx
          .updateTable("digitizationEntryLog")
          .set({ exitedAt: new Date(), exitRecordedBy: userId(actor) })
          .where("id", "=", entryId)
          .where("outcome", "=", "admitted")
          .where("exitedAt", "is", null)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw conflict("NOT_ON_SITE", { zh: "该人员不在场内", en: "This person is not on site" });
        audit.record({
          action: "digitization_entry.exited",
          entityType: "digitization_person",
          entityId: row.personId,
          payload: { entryId },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    async entries(
      actor: Actor,
      projectId: string,
      f: { day?: string | undefined; outcome?: string | undefined },
      page: number,
      pageSize: number,
    ) {
      await site.load(actor, projectId);
      const { items, total } = await repo.entries(projectId, f, pageSize, (page - 1) * pageSize);
      return pageOf(items, total, page, pageSize);
    },
  };
}
export type PeopleService = ReturnType<typeof peopleService>;
