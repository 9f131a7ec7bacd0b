// SQL for use requests and the use register (D-10.4). Lists read only requests
// the actor is a party to: the client, the agency, or the submitter's
// organisation (a grantee); regulators see no archive use.
import type { Database, UseRequestStatus } from "@dangan/db";
import type { Actor } from "@dangan/domain";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { likePattern } from "../../lib/page.ts";

type From = Database & { r: Database["useRequest"]; su: Database["appUser"] };

export function visibleRequests(actor: Actor) {
  return (eb: ExpressionBuilder<From, "r" | "su">) => {
    if (actor.type === "system") return eb.val(true);
    if (actor.orgKind === "regulator") return eb.val(false);
    return eb.or([
      eb("r.clientOrgId", "=", actor.orgId),
      eb("r.agencyOrgId", "=", actor.orgId),
      eb("su.orgId", "=", actor.orgId),
    ]);
  };
}

export interface RequestFilter {
  projectId?: string | undefined;
  status?: UseRequestStatus | undefined;
  mode?: string | undefined;
  priority?: string | undefined;
  grantId?: string | undefined;
  /** Request number, user's name or an item's title or reference code. */
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Requests not yet closed, rejected or cancelled. */
  open?: boolean | undefined;
}

const stepAt = (action: string) =>
  sql<Date | null>`(SELECT max(s.at) FROM use_request_step s WHERE s.request_id = r.id AND s.action = ${action})`;
const stepBy = (action: string) =>
  sql<string | null>`(SELECT u.display_name FROM use_request_step s JOIN app_user u ON u.id = s.by_user_id
    WHERE s.request_id = r.id AND s.action = ${action} ORDER BY s.at DESC LIMIT 1)`;

export function useRequestsRepository(db: Kysely<Database>) {
  const joined = (ex: Kysely<Database> = db) =>
    ex
      .selectFrom("useRequest as r")
      .innerJoin("appUser as su", "su.id", "r.submittedBy")
      .innerJoin("project as p", "p.id", "r.projectId")
      .innerJoin("organisation as c", "c.id", "r.clientOrgId")
      .leftJoin("writtenGrant as g", "g.id", "r.grantId");
  const columns = (q: ReturnType<typeof joined>) =>
    q
      .selectAll("r")
      .select([
        "su.orgId as submitterOrgId",
        "su.displayName as submittedByName",
        "p.code as projectCode",
        "p.name as projectName",
        "c.name as clientName",
        "g.grantNo",
      ])
      .select([
        sql<number>`(SELECT count(*) FROM use_request_item ri WHERE ri.request_id = r.id)`.as("itemCount"),
        sql<string>`(SELECT string_agg(coalesce(i.reference_code, '') || ' ' || coalesce(i.title, ''), '；' ORDER BY i.reference_code)
          FROM use_request_item ri JOIN catalogue_item i ON i.id = ri.item_id WHERE ri.request_id = r.id)`.as(
          "content",
        ),
        stepAt("accept").as("acceptedAt"),
        stepBy("accept").as("acceptedByName"),
        stepAt("retrieve").as("retrievedAt"),
        stepBy("retrieve").as("retrievedByName"),
        stepAt("finish_service").as("servedAt"),
        sql<Date | null>`(SELECT max(s.at) FROM use_request_step s WHERE s.request_id = r.id AND s.to_state = 'returned')`.as(
          "returnedAt",
        ),
      ]);

  const filtered = (actor: Actor, f: RequestFilter) => {
    let q = joined().where(visibleRequests(actor));
    if (f.projectId) q = q.where("r.projectId", "=", f.projectId);
    if (f.status) q = q.where("r.status", "=", f.status);
    if (f.mode) q = q.where("r.mode", "=", f.mode as "reading");
    if (f.priority) q = q.where("r.priority", "=", f.priority as "rush");
    if (f.grantId) q = q.where("r.grantId", "=", f.grantId);
    if (f.open) q = q.where("r.status", "not in", ["closed", "rejected", "cancelled"]);
    if (f.from) q = q.where("r.submittedAt", ">=", new Date(f.from));
    if (f.to) q = q.where("r.submittedAt", "<=", new Date(f.to));
    if (f.q) {
      const pat = likePattern(f.q);
      q = q.where((eb) =>
        eb.or([
          eb("r.requestNo", "ilike", pat),
          eb("r.userName", "ilike", pat),
          eb("r.userOrgName", "ilike", pat),
          eb.exists(
            eb
              .selectFrom("useRequestItem as ri")
              .innerJoin("catalogueItem as i", "i.id", "ri.itemId")
              .select("ri.itemId")
              .whereRef("ri.requestId", "=", "r.id")
              .where((e) => e.or([e("i.title", "ilike", pat), e("i.referenceCode", "ilike", pat)])),
          ),
        ]),
      );
    }
    return q;
  };

  return {
    async page(
      actor: Actor,
      f: RequestFilter,
      page: number,
      pageSize: number,
      order: "due" | "recent" = "recent",
    ) {
      const q = filtered(actor, f);
      let rows = columns(q);
      rows = order === "due" ? rows.orderBy("r.dueAt") : rows.orderBy("r.submittedAt", "desc");
      const [items, count] = await Promise.all([
        rows
          .orderBy("r.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items: items.map((r) => ({ ...r, itemCount: Number(r.itemCount) })), total: Number(count.n) };
    },

    /** Row regardless of scope; callers apply the policy. */
    find: (id: string, ex: Kysely<Database> = db) =>
      columns(joined(ex)).where("r.id", "=", id).executeTakeFirst(),

    items: (requestId: string, ex: Kysely<Database> = db) =>
      ex
        .selectFrom("useRequestItem as ri")
        .innerJoin("catalogueItem as i", "i.id", "ri.itemId")
        .leftJoin("box as b", "b.id", "ri.boxId")
        .select([
          "ri.itemId",
          "ri.boxId",
          "i.referenceCode",
          "i.title",
          "i.year",
          "i.pages",
          "b.boxNo",
          "b.status as boxStatus",
        ])
        .where("ri.requestId", "=", requestId)
        .orderBy("b.boxNo")
        .orderBy("i.referenceCode")
        .execute(),

    steps: (requestId: string) =>
      db
        .selectFrom("useRequestStep as s")
        .leftJoin("appUser as u", "u.id", "s.byUserId")
        .select(["s.id", "s.action", "s.fromState", "s.toState", "s.at", "s.note", "u.displayName as byName"])
        .where("s.requestId", "=", requestId)
        .orderBy("s.at")
        .orderBy("s.id")
        .execute(),

    async nextNo(ex: Kysely<Database>) {
      const r = await sql<{ n: number }>`SELECT nextval('use_request_number_seq') AS n`.execute(ex);
      return `DY${new Date().getFullYear()}-${String(r.rows[0]!.n).padStart(4, "0")}`;
    },
  };
}
export type UseRequestRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof useRequestsRepository>["find"]>>
>;
