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
import { mfaStore } from "../auth/mfa.service.ts";
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

/** ASVS 2.5.6: a reset of one's own second factor would let a stolen session drop it. */
const mfaResetSelf = () =>
  new DomainError({
    code: "MFA_RESET_SELF",
    status: 409,
    message: {
      zh: "不能重置自己的两步验证，请由本机构另一位管理员或运维人员处理",
      en: "You cannot reset your own second factor; another administrator or the operator must",
    },
  });

const mfaNotSet = () =>
  new DomainError({
    code: "MFA_NOT_ENABLED",
    status: 409,
    message: { zh: "该用户未设置两步验证", en: "This user has no second factor" },
  });

export function usersService(deps: Deps) {
  const { db } = deps.dbh;
  const mfa = mfaStore(deps);
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
      // Whether each has a second factor in force, for the administrator's reset (ASVS 2.5.6).
      const withMfa = new Set(
        items.length
          ? (
              await db
                .selectFrom("userMfa")
                .select("userId")
                .where(
                  "userId",
                  "in",
                  items.map((u) => u.id),
                )
                .where("enabledAt", "is not", null)
                .execute()
            ).map((r) => r.userId)
          : [],
      );
      return pageOf(
        items.map((u) => ({ ...userDto(u, actor), mfaEnabled: withMfa.has(u.id) })),
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

    /**
     * A user who lost both the authenticator and the recovery codes (ASVS 2.5.6,
     * 2.8): their organisation's administrator — or the operator, `dangan user
     * mfa-reset` — removes the second factor and ends their sessions; the next
     * sign-in is by password and, where the role requires it, enrols afresh.
     */
    async resetMfa(actor: Actor, id: string) {
      const u = await loadInOrg(actor, id);
      if (actor.type === "user" && actor.userId === id) throw mfaResetSelf();
      const st = await mfa.status(id);
      if (!st.enabled && !st.pending) throw mfaNotSet();
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        await mfa.remove(trx, id);
        await trx.deleteFrom("userSession").where("userId", "=", id).execute();
        audit.record({
          action: "user.mfa_reset",
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
