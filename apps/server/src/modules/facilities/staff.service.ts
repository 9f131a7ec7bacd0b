// D-6.1, D-6.2: the agency's staff register (title level, archive professional)
// and training records. ID numbers are shown in full to the agency's manager
// only and never written to the audit log unmasked.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  conflict,
  DomainError,
  facilityPermissions,
  facilityPolicy,
  maskIdNumber,
  notFound,
  readScope,
  type StaffInput,
  type StaffUpdate,
  type TrainingInput,
} from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import { agencyVisible, type FacilitiesAccess } from "./facilities.access.ts";
import { owningAgency } from "./facilities.common.ts";

export interface StaffFilter {
  q?: string | undefined;
  agencyOrgId?: string | undefined;
  titleLevel?: string | undefined;
  archiveProfessional?: boolean | undefined;
  active?: boolean | undefined;
}

const masked = <T extends { idNumber?: string | null | undefined }>(v: T) =>
  v.idNumber === undefined ? v : { ...v, idNumber: maskIdNumber(v.idNumber) };

const notStaff = () =>
  new DomainError({
    code: "NOT_AGENCY_STAFF",
    status: 422,
    clause: "D-6.1",
    message: { zh: "关联账户须属于本机构", en: "The linked account must belong to this agency" },
  });

export function staffService(db: Kysely<Database>, access: FacilitiesAccess) {
  /** Platform accounts are the agency's own business. */
  const insider = (actor: Actor, agencyOrgId: string) =>
    actor.type === "system" || actor.orgId === agencyOrgId;
  const seesIds = (actor: Actor, agencyOrgId: string) =>
    actor.type === "system" || (actor.orgId === agencyOrgId && actor.roles.includes("agency_manager"));

  async function checkUnique(
    trx: Kysely<Database>,
    agencyOrgId: string,
    v: Partial<StaffInput>,
    except?: string,
  ) {
    if (v.userId) {
      const u = await trx.selectFrom("appUser").select("orgId").where("id", "=", v.userId).executeTakeFirst();
      if (u?.orgId !== agencyOrgId) throw notStaff();
      let q = trx.selectFrom("staffMember").select("id").where("userId", "=", v.userId);
      if (except) q = q.where("id", "!=", except);
      if (await q.executeTakeFirst())
        throw conflict("STAFF_USER_TAKEN", {
          zh: "该账户已关联其他人员",
          en: "The account is linked to another staff member",
        });
    }
    if (v.idNumber) {
      let q = trx
        .selectFrom("staffMember")
        .select("id")
        .where("agencyOrgId", "=", agencyOrgId)
        .where("idNumber", "=", v.idNumber);
      if (except) q = q.where("id", "!=", except);
      if (await q.executeTakeFirst())
        throw conflict("STAFF_ID_NUMBER_TAKEN", {
          zh: "证件号码已登记",
          en: "The ID number is already registered",
        });
    }
  }

  async function readable(actor: Actor, id: string, executor: Kysely<Database> = db) {
    const s = await executor.selectFrom("staffMember").selectAll().where("id", "=", id).executeTakeFirst();
    return access.related(actor, "staff_member", s, executor);
  }

  return {
    async list(actor: Actor, f: StaffFilter, page: number, pageSize: number) {
      let q = db
        .selectFrom("staffMember as m")
        .innerJoin("organisation as a", "a.id", "m.agencyOrgId")
        .leftJoin("appUser as u", "u.id", "m.userId")
        .where(agencyVisible(readScope(actor), "m.agency_org_id"));
      if (f.agencyOrgId) q = q.where("m.agencyOrgId", "=", f.agencyOrgId);
      if (f.titleLevel) q = q.where("m.titleLevel", "=", f.titleLevel as "none");
      if (f.archiveProfessional !== undefined)
        q = q.where("m.archiveProfessional", "=", f.archiveProfessional);
      if (f.active !== undefined) q = q.where("m.active", "=", f.active);
      if (f.q)
        q = q.where((eb) =>
          eb.or([eb("m.name", "ilike", likePattern(f.q!)), eb("m.position", "ilike", likePattern(f.q!))]),
        );
      const [rows, count] = await Promise.all([
        q
          .selectAll("m")
          .select(["a.name as agencyName", "u.username"])
          .select((eb) => [
            eb
              .selectFrom("staffTraining as t")
              .select(sql<number>`coalesce(sum(t.hours), 0)`.as("h"))
              .whereRef("t.staffId", "=", "m.id")
              .where("t.heldOn", ">=", sql<string>`(current_date - interval '1 year')::date`)
              .as("trainingHoursLastYear"),
            eb
              .selectFrom("staffTraining as t")
              .select(eb.fn.countAll<number>().as("n"))
              .whereRef("t.staffId", "=", "m.id")
              .as("trainingCount"),
          ])
          .orderBy("a.name")
          .orderBy("m.active", "desc")
          .orderBy("m.name")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const items = rows.map((r) => {
        const shown = seesIds(actor, r.agencyOrgId) ? r : masked(r);
        return insider(actor, r.agencyOrgId) ? shown : { ...shown, userId: null, username: null };
      });
      return pageOf(items, Number(count.n), page, pageSize);
    },

    async get(actor: Actor, id: string) {
      const { row, rel } = await readable(actor, id);
      const trainings = await db
        .selectFrom("staffTraining as t")
        .leftJoin("attachment as c", "c.id", "t.certificateAttachmentId")
        .selectAll("t")
        .select(["c.filename as certificateFilename"])
        .where("t.staffId", "=", id)
        .orderBy("t.heldOn", "desc")
        .execute();
      const user = row.userId
        ? await db
            .selectFrom("appUser")
            .select(["username", "displayName"])
            .where("id", "=", row.userId)
            .executeTakeFirst()
        : undefined;
      const shown = seesIds(actor, row.agencyOrgId) ? row : masked(row);
      const own = insider(actor, row.agencyOrgId);
      return {
        ...shown,
        ...(own ? {} : { userId: null }),
        user: own ? (user ?? null) : null,
        trainings,
        permissions: facilityPermissions(actor, rel),
      };
    },

    async create(actor: Actor, input: StaffInput) {
      const agencyOrgId = owningAgency(actor, input.agencyOrgId);
      const rel = await access.relationTo(actor, agencyOrgId);
      if (!rel) throw notFound("organisation");
      authorize(facilityPolicy.manage(actor, rel), "register staff of this agency");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        await checkUnique(trx, agencyOrgId, input);
        const { agencyOrgId: _ignored, ...values } = input;
        const row = await trx
          .insertInto("staffMember")
          .values({ ...values, agencyOrgId })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "staff.saved",
          entityType: "staff_member",
          entityId: row.id,
          payload: { ...masked(values), ...operatorNote(actor) },
          scopeOrgIds: [agencyOrgId],
        });
        return row;
      });
    },

    async update(actor: Actor, id: string, patch: StaffUpdate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: before, rel } = await readable(actor, id, trx);
        authorize(facilityPolicy.manage(actor, rel), "change this staff record");
        await checkUnique(trx, before.agencyOrgId, patch, id);
        const row = await trx
          .updateTable("staffMember")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "staff.saved",
          entityType: "staff_member",
          entityId: id,
          payload: { changes: changes(masked(before), masked(patch)), ...operatorNote(actor) },
          scopeOrgIds: [before.agencyOrgId],
        });
        return row;
      });
    },

    /** D-6.2: a training record; the certificate is an attachment on the staff record. */
    async addTraining(actor: Actor, staffId: string, input: TrainingInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: s, rel } = await readable(actor, staffId, trx);
        authorize(facilityPolicy.manage(actor, rel), "record training for this person");
        if (input.certificateAttachmentId) {
          const a = await trx
            .selectFrom("attachment")
            .select("id")
            .where("id", "=", input.certificateAttachmentId)
            .where("entityType", "=", "staff_member")
            .where("entityId", "=", staffId)
            .executeTakeFirst();
          if (!a)
            throw new DomainError({
              code: "ATTACHMENT_NOT_ON_STAFF",
              status: 422,
              clause: "D-6.2",
              message: {
                zh: "证书须先作为附件上传到该人员",
                en: "Upload the certificate to this person first",
              },
            });
        }
        const row = await trx
          .insertInto("staffTraining")
          .values({ ...input, staffId, agencyOrgId: s.agencyOrgId })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "staff.training_added",
          entityType: "staff_member",
          entityId: staffId,
          payload: { trainingId: row.id, ...input, ...operatorNote(actor) },
          scopeOrgIds: [s.agencyOrgId],
        });
        return row;
      });
    },
  };
}
