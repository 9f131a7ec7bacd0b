// Vaults: measured attributes (checked by compliance), the named keeper and
// the key holders (D-9.2). The agency manager registers and changes them.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  conflict,
  facilityPermissions,
  facilityPolicy,
  type KeyHolderInput,
  readScope,
  type VaultCreate,
  type VaultUpdate,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import { agencyVisible, type FacilitiesAccess } from "./facilities.access.ts";
import { assertAgencyUser, inUse, todayInShanghai } from "./facilities.common.ts";

export interface VaultFilter {
  q?: string | undefined;
  agencyOrgId?: string | undefined;
  siteId?: string | undefined;
}

const KEEPER_ROLES = ["agency_vault_keeper", "agency_manager"];

const codeTaken = (code: string) =>
  conflict("VAULT_CODE_TAKEN", { zh: `库房编号 ${code} 已被使用`, en: `Vault code ${code} is already used` });

export function vaultsService(db: Kysely<Database>, access: FacilitiesAccess) {
  const listQuery = (actor: Actor, f: VaultFilter) => {
    let q = db
      .selectFrom("vault as v")
      .innerJoin("site as s", "s.id", "v.siteId")
      .innerJoin("organisation as a", "a.id", "v.agencyOrgId")
      .leftJoin("appUser as k", "k.id", "v.keeperUserId")
      .where(agencyVisible(readScope(actor), "v.agency_org_id"));
    if (f.agencyOrgId) q = q.where("v.agencyOrgId", "=", f.agencyOrgId);
    if (f.siteId) q = q.where("v.siteId", "=", f.siteId);
    if (f.q)
      q = q.where((eb) =>
        eb.or([eb("v.code", "ilike", likePattern(f.q!)), eb("v.name", "ilike", likePattern(f.q!))]),
      );
    return q;
  };

  return {
    async list(actor: Actor, f: VaultFilter, page: number, pageSize: number) {
      const q = listQuery(actor, f);
      const today = todayInShanghai();
      const [items, count] = await Promise.all([
        q
          .selectAll("v")
          .select(["s.name as siteName", "a.name as agencyName", "k.displayName as keeperName"])
          .select((eb) => [
            eb
              .selectFrom("location")
              .select(eb.fn.countAll<number>().as("n"))
              .whereRef("location.vaultId", "=", "v.id")
              .as("locationCount"),
            eb
              .selectFrom("protectiveEquipment as e")
              .select(eb.fn.countAll<number>().as("n"))
              .whereRef("e.vaultId", "=", "v.id")
              .where("e.status", "!=", "retired")
              .where("e.nextDueOn", "<", today)
              .as("overdueEquipment"),
          ])
          .orderBy("a.name")
          .orderBy("v.code")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    async get(actor: Actor, id: string) {
      const { row: v, rel } = await access.vault(actor, id);
      const [names, keeper, keyHolders, counts] = await Promise.all([
        db
          .selectFrom("site as s")
          .innerJoin("organisation as a", "a.id", "s.agencyOrgId")
          .select(["s.name as siteName", "a.name as agencyName"])
          .where("s.id", "=", v.siteId)
          .executeTakeFirstOrThrow(),
        v.keeperUserId
          ? db.selectFrom("appUser").select("displayName").where("id", "=", v.keeperUserId).executeTakeFirst()
          : undefined,
        db
          .selectFrom("vaultKeyHolder as h")
          .innerJoin("appUser as u", "u.id", "h.userId")
          .select(["h.userId", "u.displayName", "u.active", "h.device", "h.issuedOn", "h.note"])
          .where("h.vaultId", "=", id)
          .orderBy("u.displayName")
          .execute(),
        db
          .selectFrom("location")
          .select((eb) => [
            eb.fn.countAll<number>().as("locations"),
            eb.fn.sum<number>("capacity").as("capacity"),
          ])
          .where("vaultId", "=", id)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        ...v,
        ...names,
        keeperName: keeper?.displayName ?? null,
        keyHolders,
        locationCount: Number(counts.locations),
        capacityTotal: Number(counts.capacity ?? 0),
        permissions: facilityPermissions(actor, rel, v),
      };
    },

    async create(actor: Actor, input: VaultCreate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: site, rel } = await access.site(actor, input.siteId, trx);
        authorize(facilityPolicy.manage(actor, rel), "register a vault at this site");
        const taken = await trx
          .selectFrom("vault")
          .select("id")
          .where("agencyOrgId", "=", site.agencyOrgId)
          .where("code", "=", input.code)
          .executeTakeFirst();
        if (taken) throw codeTaken(input.code);
        if (input.keeperUserId)
          await assertAgencyUser(trx, site.agencyOrgId, input.keeperUserId, KEEPER_ROLES);
        const row = await trx
          .insertInto("vault")
          .values({ ...input, agencyOrgId: site.agencyOrgId })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "vault.created",
          entityType: "vault",
          entityId: row.id,
          payload: { ...input, ...operatorNote(actor) },
          scopeOrgIds: [site.agencyOrgId],
        });
        return row;
      });
    },

    async update(actor: Actor, id: string, patch: VaultUpdate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: before, rel } = await access.vault(actor, id, trx);
        authorize(facilityPolicy.manage(actor, rel), "change this vault");
        if (patch.code && patch.code !== before.code) {
          const taken = await trx
            .selectFrom("vault")
            .select("id")
            .where("agencyOrgId", "=", before.agencyOrgId)
            .where("code", "=", patch.code)
            .executeTakeFirst();
          if (taken) throw codeTaken(patch.code);
        }
        if (patch.keeperUserId)
          await assertAgencyUser(trx, before.agencyOrgId, patch.keeperUserId, KEEPER_ROLES);
        const row = await trx
          .updateTable("vault")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "vault.updated",
          entityType: "vault",
          entityId: id,
          payload: { changes: changes(before, patch), ...operatorNote(actor) },
          scopeOrgIds: [before.agencyOrgId],
        });
        return row;
      });
    },

    async remove(actor: Actor, id: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: v, rel } = await access.vault(actor, id, trx);
        authorize(facilityPolicy.manage(actor, rel), "delete this vault");
        for (const table of ["location", "protectiveEquipment", "camera", "fireAlarm"] as const) {
          const used = await trx
            .selectFrom(table)
            .select("id")
            .where("vaultId", "=", id)
            .limit(1)
            .executeTakeFirst();
          if (used)
            throw inUse({
              zh: "库房已有库位、设备或监控记录，不能删除",
              en: "The vault has locations, equipment or cameras; it cannot be deleted",
            });
        }
        await trx.deleteFrom("vaultKeyHolder").where("vaultId", "=", id).execute();
        await trx.updateTable("facilityRoom").set({ vaultId: null }).where("vaultId", "=", id).execute();
        await trx.deleteFrom("vault").where("id", "=", id).execute();
        audit.record({
          action: "vault.deleted",
          entityType: "vault",
          entityId: id,
          payload: { code: v.code, name: v.name, ...operatorNote(actor) },
          scopeOrgIds: [v.agencyOrgId],
        });
        return { ok: true as const };
      });
    },

    /** D-9.2: a named agency user holds a key or access device of the vault. */
    async addKeyHolder(actor: Actor, vaultId: string, input: KeyHolderInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: v, rel } = await access.vault(actor, vaultId, trx);
        authorize(facilityPolicy.manage(actor, rel), "issue keys of this vault");
        await assertAgencyUser(trx, v.agencyOrgId, input.userId);
        await trx
          .insertInto("vaultKeyHolder")
          .values({ ...input, vaultId, agencyOrgId: v.agencyOrgId })
          .onConflict((oc) =>
            oc
              .columns(["vaultId", "userId", "device"])
              .doUpdateSet({ issuedOn: input.issuedOn ?? null, note: input.note ?? null }),
          )
          .execute();
        audit.record({
          action: "vault.key_holder_added",
          entityType: "vault",
          entityId: vaultId,
          payload: { ...input, ...operatorNote(actor) },
          scopeOrgIds: [v.agencyOrgId],
        });
        return { ok: true as const };
      });
    },

    async removeKeyHolder(actor: Actor, vaultId: string, userId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: v, rel } = await access.vault(actor, vaultId, trx);
        authorize(facilityPolicy.manage(actor, rel), "take back keys of this vault");
        const gone = await trx
          .deleteFrom("vaultKeyHolder")
          .where("vaultId", "=", vaultId)
          .where("userId", "=", userId)
          .returning("device")
          .execute();
        audit.record({
          action: "vault.key_holder_removed",
          entityType: "vault",
          entityId: vaultId,
          payload: { userId, devices: gone.map((g) => g.device), ...operatorNote(actor) },
          scopeOrgIds: [v.agencyOrgId],
        });
        return { ok: true as const, removed: gone.length };
      });
    },
  };
}
