// SQL for written grants. Lists read only grants the actor is a party to: the
// client, the project's agency, or the grantee organisation; regulators none.
import type { Database } from "@dangan/db";
import { type Actor, GRANT_DOCUMENT_KIND, type GrantQuery, type GrantView } from "@dangan/domain";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { likePattern } from "../../lib/page.ts";

type From = Database & { g: Database["writtenGrant"] };

export function visibleGrants(actor: Actor) {
  return (eb: ExpressionBuilder<From, "g">) => {
    if (actor.type === "system") return eb.val(true);
    if (actor.orgKind === "regulator") return eb.val(false);
    return eb.or([
      eb("g.clientOrgId", "=", actor.orgId),
      eb("g.agencyOrgId", "=", actor.orgId),
      eb("g.granteeOrgId", "=", actor.orgId),
    ]);
  };
}

export interface GrantFilter {
  projectId?: string | undefined;
  status?: "draft" | "issued" | "revoked" | undefined;
  mode?: string | undefined;
  q?: string | undefined;
}

export function grantsRepository(db: Kysely<Database>) {
  const joined = (ex: Kysely<Database> = db) =>
    ex
      .selectFrom("writtenGrant as g")
      .innerJoin("project as p", "p.id", "g.projectId")
      .innerJoin("organisation as c", "c.id", "g.clientOrgId")
      .innerJoin("organisation as a", "a.id", "g.agencyOrgId")
      .leftJoin("organisation as go", "go.id", "g.granteeOrgId")
      .leftJoin("appUser as ib", "ib.id", "g.issuedBy");
  const columns = (q: ReturnType<typeof joined>) =>
    q
      .selectAll("g")
      .select([
        "p.code as projectCode",
        "p.name as projectName",
        "c.name as clientName",
        "a.name as agencyName",
        "go.name as granteeOrgName",
        "ib.displayName as issuedByName",
      ])
      .select((eb) => [
        eb
          .selectFrom("writtenGrantItem as gi")
          .select((e) => e.fn.count<number>("gi.itemId").as("n"))
          .whereRef("gi.grantId", "=", "g.id")
          .as("itemCount"),
        eb
          .selectFrom("writtenGrantItem as gi")
          .select((e) => e.fn.count<number>("gi.boxId").as("n"))
          .whereRef("gi.grantId", "=", "g.id")
          .as("boxCount"),
      ]);

  return {
    async page(actor: Actor, f: GrantFilter, page: number, pageSize: number) {
      let q = joined().where(visibleGrants(actor));
      if (f.projectId) q = q.where("g.projectId", "=", f.projectId);
      if (f.status) q = q.where("g.status", "=", f.status);
      if (f.mode) q = q.where(sql<boolean>`${f.mode} = ANY(g.modes)`);
      if (f.q) {
        const pat = likePattern(f.q);
        q = q.where((eb) =>
          eb.or([
            eb("g.grantNo", "ilike", pat),
            eb("g.granteeName", "ilike", pat),
            eb("g.purpose", "ilike", pat),
          ]),
        );
      }
      const [items, count] = await Promise.all([
        columns(q)
          .orderBy("g.createdAt", "desc")
          .orderBy("g.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Row regardless of scope; callers apply the policy. */
    find: (id: string, ex: Kysely<Database> = db) =>
      columns(joined(ex)).where("g.id", "=", id).executeTakeFirst(),

    items: (grantId: string, ex: Kysely<Database> = db) =>
      ex.selectFrom("writtenGrantItem").select(["itemId", "boxId"]).where("grantId", "=", grantId).execute(),

    /** Items a frozen catalogue query matches in the project now. */
    async matching(ex: Kysely<Database>, projectId: string, q: GrantQuery) {
      let s = ex
        .selectFrom("catalogueItem as i")
        .leftJoin("boxItem as bi", "bi.itemId", "i.id")
        .leftJoin("box as b", "b.id", "bi.boxId")
        .select("i.id")
        .where("i.projectId", "=", projectId);
      if (q.q) {
        const pat = likePattern(q.q);
        s = s.where((eb) => eb.or([eb("i.title", "ilike", pat), eb("i.referenceCode", "ilike", pat)]));
      }
      if (q.year) s = s.where("i.year", "=", q.year);
      if (q.category) s = s.where("i.category", "=", q.category);
      if (q.boxNo) s = s.where((eb) => eb.or([eb("b.boxNo", "=", q.boxNo!), eb("i.boxNo", "=", q.boxNo!)]));
      return (await s.limit(5001).execute()).map((r) => r.id);
    },

    async nextNo(ex: Kysely<Database>) {
      const r = await sql<{ n: number }>`SELECT nextval('written_grant_number_seq') AS n`.execute(ex);
      return `SQ${new Date().getFullYear()}-${String(r.rows[0]!.n).padStart(4, "0")}`;
    },

    /** The grant as the coverage rule sees it (grantInForce, useRequestRefusal). */
    async view(id: string, ex: Kysely<Database> = db): Promise<GrantView | null> {
      const g = await ex.selectFrom("writtenGrant").selectAll().where("id", "=", id).executeTakeFirst();
      if (!g) return null;
      const [rows, confirmed] = await Promise.all([
        this.items(id, ex),
        g.digest
          ? ex
              .selectFrom("confirmation")
              .select("id")
              .where("entityType", "=", "written_grant")
              .where("entityId", "=", id)
              .where("documentKind", "=", GRANT_DOCUMENT_KIND)
              .where("documentDigest", "=", g.digest)
              .where("orgId", "=", g.clientOrgId)
              .executeTakeFirst()
          : undefined,
      ]);
      return {
        id: g.id,
        status: g.status,
        confirmedByClient: !!confirmed,
        modes: g.modes,
        validFrom: g.validFrom,
        validTo: g.validTo,
        itemIds: new Set(rows.flatMap((r) => (r.itemId ? [r.itemId] : []))),
        boxIds: new Set(rows.flatMap((r) => (r.boxId ? [r.boxId] : []))),
      };
    },
  };
}
export type GrantRow = NonNullable<Awaited<ReturnType<ReturnType<typeof grantsRepository>["find"]>>>;
