// The vault entry log (D-9.9, D-9.10): at least two distinct staff of the
// vault's agency go in together; visitors only with the approval of one of its
// managers, who is recorded; the group's exit closes the entry. Recorded by the
// vault's keepers or the manager; read by the agency and its supervisors.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  alreadyInside,
  approverNotLeader,
  assertAgencyStaff,
  assertVaultEntryAllowed,
  authorize,
  conflict,
  DomainError,
  environmentPolicy,
  isAgencyLeader,
  maskIdNumber,
  notFound,
  type VaultEntryInput,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { loadVault } from "../environment/vault-scope.ts";
import { type EntryFilter, vaultAccessRepository } from "./vault-access.repository.ts";

const FUTURE_SLACK_MS = 5 * 60_000;

const timeRefused = (en: string, zh: string) =>
  new DomainError({ code: "ENTRY_TIME_INVALID", status: 422, clause: "D-9.9", message: { zh, en } });

export function vaultAccessService(db: Kysely<Database>) {
  const repo = vaultAccessRepository(db);
  const readable = async (actor: Actor, vaultId: string) => {
    const vault = await loadVault(db, actor, vaultId, { clients: false });
    authorize(environmentPolicy.readEntries(vault.relation), "read this vault's entry log");
    return vault;
  };

  return {
    async list(actor: Actor, vaultId: string, f: EntryFilter, page: number, pageSize: number) {
      await readable(actor, vaultId);
      const r = await repo.page(actor, { ...f, vaultId }, page, pageSize);
      return pageOf(r.items, r.total, page, pageSize);
    },

    /** People still inside: every open entry of the vaults I may see. */
    async inside(actor: Actor, vaultId?: string) {
      return (await repo.page(actor, { status: "inside", vaultId }, 1, 500)).items;
    },

    rows: (actor: Actor, vaultId: string, f: EntryFilter, limit: number) =>
      readable(actor, vaultId).then(() => repo.page(actor, { ...f, vaultId }, 1, limit)),

    /** Who can be named on the form: the agency's active staff and, among them, its leaders. */
    async people(actor: Actor, vaultId: string) {
      const vault = await loadVault(db, actor, vaultId, { clients: false });
      authorize(environmentPolicy.recordEntry(actor, vault.relation), "record entries into this vault");
      const staff = await repo.staffOf(vault.agencyOrgId);
      return { staff, leaders: staff.filter((u) => u.roles.includes("agency_manager")) };
    },

    async record(actor: Actor, vaultId: string, input: VaultEntryInput) {
      const vault = await loadVault(db, actor, vaultId, { clients: false });
      authorize(environmentPolicy.recordEntry(actor, vault.relation), "record entries into this vault");
      const enteredAt = input.enteredAt ? new Date(input.enteredAt) : new Date();
      if (enteredAt.getTime() > Date.now() + FUTURE_SLACK_MS)
        throw timeRefused("The entry time is in the future", "进入时间晚于当前时间");
      const users = await repo.usersByIds([
        ...new Set([...input.staffUserIds, input.approvedByUserId ?? []].flat()),
      ]);
      assertAgencyStaff(input.staffUserIds, users, vault.agencyOrgId);
      const approver = input.approvedByUserId
        ? users.find((u) => u.id === input.approvedByUserId)
        : undefined;
      if (input.approvedByUserId && !isAgencyLeader(approver, vault.agencyOrgId)) throw approverNotLeader();
      assertVaultEntryAllowed({
        staffUserIds: input.staffUserIds,
        visitors: input.visitors,
        approvedByLeader: approver !== undefined,
      });
      const name = new Map(users.map((u) => [u.id, u.displayName]));
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const inside = await trx
          .selectFrom("vaultEntryPerson as p")
          .innerJoin("vaultEntry as e", "e.id", "p.entryId")
          .select("p.userId")
          .where("e.exitedAt", "is", null)
          .where("p.userId", "in", input.staffUserIds)
          .execute();
        if (inside.length) throw alreadyInside(inside.map((p) => p.userId!));
        const entry = await trx
          .insertInto("vaultEntry")
          .values({
            vaultId,
            agencyOrgId: vault.agencyOrgId,
            purpose: input.purpose,
            enteredAt,
            approvedBy: approver?.id ?? null,
            approvalNote: input.approvalNote ?? null,
            recordedBy: actor.type === "user" ? actor.userId : null,
          })
          .returning(["id", "enteredAt"])
          .executeTakeFirstOrThrow();
        const people = [
          ...input.staffUserIds.map((id) => ({ kind: "staff" as const, userId: id, name: name.get(id)! })),
          ...input.visitors.map((v) => ({ kind: "visitor" as const, userId: null, ...v })),
        ];
        await trx
          .insertInto("vaultEntryPerson")
          .values(people.map((p, i) => ({ entryId: entry.id, seq: i + 1, ...p })))
          .execute();
        audit.record({
          action: "vault.entered",
          entityType: "vault_entry",
          entityId: entry.id,
          payload: {
            vaultId,
            enteredAt: enteredAt.toISOString(),
            purpose: input.purpose,
            staff: input.staffUserIds,
            visitors: input.visitors.map((v) => ({ ...v, idNumber: maskIdNumber(v.idNumber) })),
            approvedBy: approver?.id ?? null,
          },
          scopeOrgIds: [vault.agencyOrgId],
        });
        return { id: entry.id, enteredAt: entry.enteredAt };
      });
    },

    /** The group leaves together: one exit time closes the entry. */
    async exit(
      actor: Actor,
      entryId: string,
      input: { exitedAt?: string | undefined; note?: string | undefined },
    ) {
      const found = await db
        .selectFrom("vaultEntry")
        .select("vaultId")
        .where("id", "=", entryId)
        .executeTakeFirst();
      if (!found) throw notFound("vault entry", entryId);
      const vault = await loadVault(db, actor, found.vaultId, { clients: false }).catch(() => {
        throw notFound("vault entry", entryId);
      });
      authorize(environmentPolicy.recordEntry(actor, vault.relation), "record exits from this vault");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const e = await trx
          .selectFrom("vaultEntry")
          .selectAll()
          .where("id", "=", entryId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (e.exitedAt)
          throw conflict("ALREADY_EXITED", { zh: "已登记出库", en: "The exit is already recorded" });
        const exitedAt = input.exitedAt ? new Date(input.exitedAt) : new Date();
        if (exitedAt < e.enteredAt) throw timeRefused("The exit is before the entry", "出库时间早于进入时间");
        if (exitedAt.getTime() > Date.now() + FUTURE_SLACK_MS)
          throw timeRefused("The exit time is in the future", "出库时间晚于当前时间");
        await trx
          .updateTable("vaultEntry")
          .set({
            exitedAt,
            exitNote: input.note ?? null,
            exitRecordedBy: actor.type === "user" ? actor.userId : null,
          })
          .where("id", "=", entryId)
          .execute();
        audit.record({
          action: "vault.exited",
          entityType: "vault_entry",
          entityId: entryId,
          payload: {
            vaultId: e.vaultId,
            enteredAt: e.enteredAt.toISOString(),
            exitedAt: exitedAt.toISOString(),
          },
          scopeOrgIds: [e.agencyOrgId],
        });
        return { id: entryId, exitedAt };
      });
    },
  };
}
export type VaultAccessService = ReturnType<typeof vaultAccessService>;
