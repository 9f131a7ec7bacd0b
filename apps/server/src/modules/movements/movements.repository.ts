// SQL for the movement register (D-9.11): every box_movement row whose box
// belongs to a project the caller may read — a client sees its own boxes only.
import type { Database, MovementKind } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import type { Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";
import { visibleProjects } from "../projects/projects.repository.ts";

export interface MovementFilter {
  vaultId?: string | undefined;
  clientOrgId?: string | undefined;
  projectId?: string | undefined;
  kind?: MovementKind | undefined;
  boxId?: string | undefined;
  /** Barcode or box number. */
  q?: string | undefined;
  /** Inclusive calendar days, Shanghai time. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Start of a Shanghai calendar day (the platform's days are Shanghai days). */
export const dayStart = (day: string, plusDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

export function movementsRepository(db: Kysely<Database>) {
  const base = (scope: ReadScope) =>
    db
      .selectFrom("boxMovement as m")
      .innerJoin("box as b", "b.id", "m.boxId")
      .innerJoin("project as p", "p.id", "b.projectId")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .leftJoin("location as lf", "lf.id", "m.fromLocationId")
      .leftJoin("vault as vf", "vf.id", "lf.vaultId")
      .leftJoin("location as lt", "lt.id", "m.toLocationId")
      .leftJoin("vault as vt", "vt.id", "lt.vaultId")
      .where(visibleProjects(scope));

  const filtered = (scope: ReadScope, f: MovementFilter) => {
    let q = base(scope);
    if (f.vaultId)
      q = q.where((eb) => eb.or([eb("lf.vaultId", "=", f.vaultId!), eb("lt.vaultId", "=", f.vaultId!)]));
    if (f.clientOrgId) q = q.where("p.clientOrgId", "=", f.clientOrgId);
    if (f.projectId) q = q.where("p.id", "=", f.projectId);
    if (f.kind) q = q.where("m.kind", "=", f.kind);
    if (f.boxId) q = q.where("b.id", "=", f.boxId);
    if (f.q)
      q = q.where((eb) =>
        eb.or([eb("b.barcode", "ilike", likePattern(f.q!)), eb("b.boxNo", "ilike", likePattern(f.q!))]),
      );
    if (f.from) q = q.where("m.at", ">=", dayStart(f.from));
    if (f.to) q = q.where("m.at", "<", dayStart(f.to, 1));
    return q;
  };

  return {
    filtered,

    async list(scope: ReadScope, f: MovementFilter, limit: number, offset: number) {
      const q = filtered(scope, f);
      const [items, count] = await Promise.all([
        q
          .leftJoin("appUser as u", "u.id", "m.byUserId")
          .select([
            "m.id",
            "m.at",
            "m.kind",
            "m.note",
            "m.referenceType",
            "m.referenceId",
            "b.id as boxId",
            "b.boxNo",
            "b.barcode",
            "p.id as projectId",
            "p.code as projectCode",
            "p.name as projectName",
            "c.name as clientName",
            "a.name as agencyName",
            "lf.code as fromLocation",
            "vf.code as fromVault",
            "lt.code as toLocation",
            "vt.code as toVault",
            "u.displayName as byName",
          ])
          .orderBy("m.at", "desc")
          .orderBy("m.id")
          .limit(limit)
          .offset(offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** The values the filters can take: what the caller's register actually holds. */
    async facets(scope: ReadScope) {
      const q = base(scope);
      const [projects, vaultsFrom, vaultsTo] = await Promise.all([
        q
          .select(["p.id", "p.code", "p.name", "c.id as clientOrgId", "c.name as clientName"])
          .distinct()
          .orderBy("p.code")
          .execute(),
        q.where("vf.id", "is not", null).select(["vf.id", "vf.code", "vf.name"]).distinct().execute(),
        q.where("vt.id", "is not", null).select(["vt.id", "vt.code", "vt.name"]).distinct().execute(),
      ]);
      const vaults = new Map<string, { id: string; code: string; name: string }>();
      for (const v of [...vaultsFrom, ...vaultsTo])
        if (v.id) vaults.set(v.id, v as { id: string; code: string; name: string });
      const clients = new Map(
        projects.map((p) => [p.clientOrgId, { id: p.clientOrgId, name: p.clientName }]),
      );
      return {
        projects: projects.map(({ id, code, name, clientOrgId }) => ({ id, code, name, clientOrgId })),
        clients: [...clients.values()],
        vaults: [...vaults.values()].sort((x, y) => x.code.localeCompare(y.code)),
      };
    },
  };
}
export type MovementsRepository = ReturnType<typeof movementsRepository>;
