// A use request as the services see it: loaded only when the caller may read it
// (the client, the agency, the submitter's organisation), else NOT_FOUND.
import type { Database, Tx } from "@dangan/db";
import { type Actor, notFound, type RequestParties, retrievalPolicy } from "@dangan/domain";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";

export async function loadRequest(db: Kysely<Database> | Tx, actor: Actor, id: string, lock = false) {
  let q = db
    .selectFrom("useRequest as r")
    .innerJoin("appUser as su", "su.id", "r.submittedBy")
    .selectAll("r")
    .select("su.orgId as submitterOrgId")
    .where("r.id", "=", id);
  if (lock) q = q.forUpdate("r");
  const r = await q.executeTakeFirst();
  if (!r) throw notFound("use request", id);
  const parties: RequestParties = {
    clientOrgId: r.clientOrgId,
    agencyOrgId: r.agencyOrgId,
    submitterOrgId: r.submitterOrgId,
  };
  if (!retrievalPolicy.readRequest(actor, parties)) throw notFound("use request", id);
  return { ...r, parties };
}
export type LoadedRequest = Awaited<ReturnType<typeof loadRequest>>;

/** Read scope for lists joined on `r` (use_request): the parties and the submitter's organisation. */
export const visibleRequests =
  (actor: Actor) =>
  // biome-ignore lint/suspicious/noExplicitAny: applied to queries that alias use_request as "r"
  (eb: ExpressionBuilder<any, any>) => {
    if (actor.type === "system") return sql<boolean>`true`;
    const org = actor.orgId;
    return eb.or([
      eb("r.clientOrgId", "=", org),
      eb("r.agencyOrgId", "=", org),
      eb.exists(
        eb
          .selectFrom("appUser as vu")
          .select("vu.id")
          .whereRef("vu.id", "=", "r.submittedBy")
          .where("vu.orgId", "=", org),
      ),
    ]);
  };

/** The items of the request and the box each went out in. */
export const requestItems = (db: Kysely<Database> | Tx, requestId: string) =>
  db
    .selectFrom("useRequestItem as i")
    .innerJoin("catalogueItem as c", "c.id", "i.itemId")
    .select(["i.itemId", "i.boxId", "c.referenceCode", "c.title"])
    .where("i.requestId", "=", requestId)
    .orderBy("c.referenceCode")
    .execute();

export { actorUserId as userId } from "../../lib/audit-actor.ts";
