// People and their roles. Each organisation's administrator manages its users.

import { type AppUser, inTransaction } from "@dangan/db";
import {
  type Actor,
  ADMIN_ROLE,
  authorize,
  DomainError,
  maskIdNumber,
  maskPhone,
  notFound,
  policy,
  type Role,
  rolesFitKind,
  type UserActor,
  type UserCreate,
  type UserUpdate,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import { hashPassword } from "../auth/password.ts";

export type UsersService = ReturnType<typeof usersService>;

const rolesMismatch = (kind: string) =>
  new DomainError({
    code: "ROLE_NOT_FOR_ORG_KIND",
    status: 422,
    clause: "G-4",
    message: { zh: "所选角色与机构类型不符", en: `These roles do not belong to a ${kind}` },
  });

/** ID and phone numbers are shown in full only to the user and their organisation's administrator. */
function userDto(u: AppUser, viewer: Actor) {
  const full =
    viewer.type === "system" ||
    viewer.userId === u.id ||
    (viewer.orgId === u.orgId && viewer.roles.includes(ADMIN_ROLE[viewer.orgKind]));
  const { passwordHash: _omit, ...rest } = u;
  return {
    ...rest,
    phone: full ? u.phone : maskPhone(u.phone),
    idNumber: full ? u.idNumber : maskIdNumber(u.idNumber),
    locked: !!u.lockedUntil && u.lockedUntil > new Date(),
  };
}

export function usersService({ dbh: { db } }: Deps) {
  async function loadInOrg(actor: Actor, id: string) {
    const u = await db.selectFrom("appUser").selectAll().where("id", "=", id).executeTakeFirst();
    if (!u || !policy.manageUsers(actor, u.orgId)) throw notFound("user", id);
    return u;
  }

  return {
    async me(actor: UserActor) {
      const u = await db
        .selectFrom("appUser")
        .selectAll()
        .where("id", "=", actor.userId)
        .executeTakeFirstOrThrow();
      const org = await db
        .selectFrom("organisation")
        .select(["id", "name", "kind", "district", "regulatorLevel", "supervisedDistricts"])
        .where("id", "=", actor.orgId)
        .executeTakeFirstOrThrow();
      return { ...userDto(u, actor), org };
    },

    async list(actor: Actor, orgId: string, q: string | undefined, page: number, pageSize: number) {
      authorize(policy.manageUsers(actor, orgId), "list this organisation's users");
      let base = db.selectFrom("appUser").where("orgId", "=", orgId);
      if (q)
        base = base.where((eb) =>
          eb.or([eb("username", "ilike", likePattern(q)), eb("displayName", "ilike", likePattern(q))]),
        );
      const [items, count] = await Promise.all([
        base
          .selectAll()
          .orderBy("username")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(
        items.map((u) => userDto(u, actor)),
        Number(count.n),
        page,
        pageSize,
      );
    },

    async create(actor: Actor, input: UserCreate) {
      authorize(policy.manageUsers(actor, input.orgId), "add users to this organisation");
      const org = await db
        .selectFrom("organisation")
        .select(["id", "kind"])
        .where("id", "=", input.orgId)
        .executeTakeFirst();
      if (!org) throw notFound("organisation", input.orgId);
      if (!rolesFitKind(input.roles, org.kind)) throw rolesMismatch(org.kind);
      const passwordHash = await hashPassword(input.password);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { password: _secret, ...fields } = input;
        const u = await trx
          .insertInto("appUser")
          .values({ ...fields, passwordHash })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "user.created",
          entityType: "user",
          entityId: u.id,
          payload: {
            username: u.username,
            displayName: u.displayName,
            roles: u.roles,
            ...operatorNote(actor),
          },
          scopeOrgIds: [u.orgId],
        });
        return userDto(u, actor);
      });
    },

    async update(actor: Actor, id: string, patch: UserUpdate) {
      const before = await loadInOrg(actor, id);
      if (patch.roles) {
        const org = await db
          .selectFrom("organisation")
          .select("kind")
          .where("id", "=", before.orgId)
          .executeTakeFirstOrThrow();
        if (!rolesFitKind(patch.roles as Role[], org.kind)) throw rolesMismatch(org.kind);
      }
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const u = await trx
          .updateTable("appUser")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (patch.active === false) await trx.deleteFrom("userSession").where("userId", "=", id).execute();
        // Personal data is recorded as changed, not by value (ASVS 7.1.1).
        const { phone, idNumber, ...visible } = patch;
        audit.record({
          action: "user.updated",
          entityType: "user",
          entityId: id,
          payload: {
            ...visible,
            ...(phone !== undefined ? { phoneChanged: true } : {}),
            ...(idNumber !== undefined ? { idNumberChanged: true } : {}),
            ...operatorNote(actor),
          },
          scopeOrgIds: [u.orgId],
        });
        return userDto(u, actor);
      });
    },

    async unlock(actor: Actor, id: string) {
      const u = await loadInOrg(actor, id);
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx
          .updateTable("appUser")
          .set({ failedLogins: 0, lockedUntil: null })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: "user.unlocked",
          entityType: "user",
          entityId: id,
          payload: operatorNote(actor),
          scopeOrgIds: [u.orgId],
        });
      });
    },

    async resetPassword(actor: Actor, id: string, password: string) {
      const u = await loadInOrg(actor, id);
      const passwordHash = await hashPassword(password);
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx
          .updateTable("appUser")
          .set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null })
          .where("id", "=", id)
          .execute();
        await trx.deleteFrom("userSession").where("userId", "=", id).execute();
        audit.record({
          action: "user.password_changed",
          entityType: "user",
          entityId: id,
          payload: { by: "administrator", ...operatorNote(actor) },
          scopeOrgIds: [u.orgId],
        });
      });
    },
  };
}
