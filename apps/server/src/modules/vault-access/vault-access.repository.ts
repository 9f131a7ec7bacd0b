// SQL for the vault entry log (D-9.9, D-9.10). Lists read only vaults the actor
// may see (the agency and its supervisors; never clients); people's ID numbers
// leave here masked.
import type { Database } from "@dangan/db";
import { type Actor, maskIdNumber } from "@dangan/domain";
import type { Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";
import { visibleVaults } from "../environment/vault-scope.ts";

export interface EntryFilter {
  vaultId?: string | undefined;
  status?: "inside" | "exited" | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Anyone's name in the entry. */
  q?: string | undefined;
}

export function vaultAccessRepository(db: Kysely<Database>) {
  const query = (actor: Actor, f: EntryFilter) => {
    let q = db
      .selectFrom("vaultEntry as e")
      .innerJoin("vault as v", "v.id", "e.vaultId")
      .innerJoin("site as s", "s.id", "v.siteId")
      .innerJoin("organisation as ag", "ag.id", "v.agencyOrgId")
      .leftJoin("appUser as ap", "ap.id", "e.approvedBy")
      .leftJoin("appUser as rb", "rb.id", "e.recordedBy")
      .where(visibleVaults(actor, { clients: false }));
    if (f.vaultId) q = q.where("e.vaultId", "=", f.vaultId);
    if (f.status === "inside") q = q.where("e.exitedAt", "is", null);
    if (f.status === "exited") q = q.where("e.exitedAt", "is not", null);
    if (f.from) q = q.where("e.enteredAt", ">=", new Date(f.from));
    if (f.to) q = q.where("e.enteredAt", "<=", new Date(f.to));
    if (f.q) {
      const pattern = likePattern(f.q);
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("vaultEntryPerson as p")
            .select("p.seq")
            .whereRef("p.entryId", "=", "e.id")
            .where("p.name", "ilike", pattern),
        ),
      );
    }
    return q;
  };

  const columns = (q: ReturnType<typeof query>) =>
    q
      .selectAll("e")
      .select([
        "v.code as vaultCode",
        "v.name as vaultName",
        "ag.name as agencyName",
        "ap.displayName as approvedByName",
        "rb.displayName as recordedByName",
      ])
      .orderBy("e.enteredAt", "desc")
      .orderBy("e.id");

  /** The people of these entries, ID numbers masked. */
  async function peopleOf(entryIds: string[]) {
    if (entryIds.length === 0) return new Map<string, PersonOut[]>();
    const rows = await db
      .selectFrom("vaultEntryPerson")
      .selectAll()
      .where("entryId", "in", entryIds)
      .orderBy("entryId")
      .orderBy("seq")
      .execute();
    const out = new Map<string, PersonOut[]>();
    for (const { entryId, seq: _s, idNumber, ...p } of rows)
      out.set(entryId, [...(out.get(entryId) ?? []), { ...p, idNumber: maskIdNumber(idNumber) }]);
    return out;
  }

  return {
    async page(actor: Actor, f: EntryFilter, page: number, pageSize: number) {
      const q = query(actor, f);
      const [items, count] = await Promise.all([
        columns(q)
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const people = await peopleOf(items.map((e) => e.id));
      return { items: items.map((e) => ({ ...e, people: people.get(e.id) ?? [] })), total: Number(count.n) };
    },

    /** Active users of the agency who may enter; leaders are its managers. */
    staffOf: (agencyOrgId: string) =>
      db
        .selectFrom("appUser")
        .select(["id", "displayName", "roles"])
        .where("orgId", "=", agencyOrgId)
        .where("active", "=", true)
        .orderBy("displayName")
        .execute(),

    usersByIds: (ids: string[]) =>
      ids.length
        ? db
            .selectFrom("appUser")
            .select(["id", "orgId", "active", "roles", "displayName"])
            .where("id", "in", ids)
            .execute()
        : Promise.resolve([]),
  };
}

export interface PersonOut {
  kind: "staff" | "visitor";
  userId: string | null;
  name: string;
  organisation: string | null;
  idNumber: string | null;
  purpose: string | null;
}
