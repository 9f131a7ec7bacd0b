// SQL for the regulator's register of agencies (G-12, G-14, D-4.2): the read
// scope as a WHERE clause, and the figures each entry carries.
import type { Database } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { likePattern } from "../../lib/page.ts";

type From = Database & { a: Database["organisation"] };

/** Regulators: agencies in their districts; an agency: itself; a client: agencies it works with. */
export function visibleAgencies(scope: ReadScope) {
  return (eb: ExpressionBuilder<From, "a">) => {
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "districts") return eb("a.district", "in", scope.districts);
    return eb.or([
      eb("a.id", "=", scope.orgId),
      eb(
        "a.id",
        "in",
        eb.selectFrom("project as wp").select("wp.agencyOrgId").where("wp.clientOrgId", "=", scope.orgId),
      ),
    ]);
  };
}

export interface AgencyFilter {
  q?: string | undefined;
  district?: string | undefined;
  serviceType?: string | undefined;
  status?: "active" | "suspended" | "revoked" | undefined;
  foreignBacked?: boolean | undefined;
}

export function registryRepository(db: Kysely<Database>) {
  const base = (scope: ReadScope, f: AgencyFilter) => {
    let q = db.selectFrom("organisation as a").where("a.kind", "=", "agency").where(visibleAgencies(scope));
    if (f.q) {
      const pat = likePattern(f.q);
      q = q.where((eb) =>
        eb.or([
          eb("a.name", "ilike", pat),
          eb("a.licenceNumber", "ilike", pat),
          eb("a.creditCode", "ilike", pat),
        ]),
      );
    }
    if (f.district) q = q.where("a.district", "=", f.district);
    if (f.status) q = q.where("a.registrationStatus", "=", f.status);
    if (f.foreignBacked !== undefined) q = q.where("a.foreignBacked", "=", f.foreignBacked);
    if (f.serviceType) q = q.where(sql<boolean>`${f.serviceType} = ANY(a.service_types)`);
    return q;
  };

  const rowColumns = [
    "a.id",
    "a.name",
    "a.creditCode",
    "a.district",
    "a.serviceTypes",
    "a.licenceNumber",
    "a.businessScope",
    "a.registrationStatus",
    "a.foreignBacked",
    "a.contactName",
    "a.address",
  ] as const;

  const withCounts = <Q extends ReturnType<typeof base>>(q: Q) =>
    q.select([
      ...rowColumns,
      (eb) =>
        eb
          .selectFrom("staffMember as s")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("s.agencyOrgId", "=", "a.id")
          .where("s.active", "=", true)
          .as("staffCount"),
      (eb) =>
        eb
          .selectFrom("staffMember as s")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("s.agencyOrgId", "=", "a.id")
          .where("s.active", "=", true)
          .where("s.titleLevel", "in", ["intermediate", "senior"])
          .as("titledStaffCount"),
      (eb) =>
        eb
          .selectFrom("vault as v")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("v.agencyOrgId", "=", "a.id")
          .as("vaultCount"),
      (eb) =>
        eb
          .selectFrom("project as p")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("p.agencyOrgId", "=", "a.id")
          .where("p.status", "in", ["active", "suspended"])
          .as("activeProjectCount"),
      (eb) =>
        eb
          .selectFrom("incident as i")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("i.agencyOrgId", "=", "a.id")
          .where("i.status", "!=", "closed")
          .as("openIncidentCount"),
    ]);

  return {
    async page(scope: ReadScope, f: AgencyFilter, page: number, pageSize: number) {
      const q = base(scope, f);
      const [items, count] = await Promise.all([
        withCounts(q)
          .orderBy("a.name")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items: items.map(numbers), total: Number(count.n) };
    },
    all: async (scope: ReadScope, f: AgencyFilter) =>
      (await withCounts(base(scope, f)).orderBy("a.name").limit(10_000).execute()).map(numbers),
    one: async (scope: ReadScope, id: string) => {
      const row = await withCounts(base(scope, {}).where("a.id", "=", id)).executeTakeFirst();
      return row ? numbers(row) : undefined;
    },
  };
}

function numbers<T extends Record<string, unknown>>(row: T) {
  const r = row as T & {
    staffCount: unknown;
    titledStaffCount: unknown;
    vaultCount: unknown;
    activeProjectCount: unknown;
    openIncidentCount: unknown;
  };
  return {
    ...r,
    staffCount: Number(r.staffCount ?? 0),
    titledStaffCount: Number(r.titledStaffCount ?? 0),
    vaultCount: Number(r.vaultCount ?? 0),
    activeProjectCount: Number(r.activeProjectCount ?? 0),
    openIncidentCount: Number(r.openIncidentCount ?? 0),
  };
}
