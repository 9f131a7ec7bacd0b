// Entity access for grants and use requests (attachments, confirmations, audit
// trail): the client and the agency of the project, and for a grant its
// grantee organisation; regulators never (no archive content). The agency's
// staff attach the letter and ID to a request (D-10.9); the client confirms a grant.
import type { Database } from "@dangan/db";
import { type Actor, notFound, retrievalPolicy } from "@dangan/domain";
import type { Kysely } from "kysely";

export const RETRIEVAL_ENTITY_TYPES = ["written_grant", "use_request"] as const;

export async function retrievalAccess(db: Kysely<Database>, actor: Actor, type: string, id: string) {
  if (type === "written_grant") {
    const g = await db
      .selectFrom("writtenGrant")
      .select(["clientOrgId", "agencyOrgId", "granteeOrgId"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!g || !retrievalPolicy.readGrant(actor, g)) throw notFound(type);
    const manage = retrievalPolicy.manageGrants(actor, g.clientOrgId);
    return { read: true, attach: manage, confirm: manage, orgIds: [g.clientOrgId, g.agencyOrgId] };
  }
  const r = await db
    .selectFrom("useRequest as r")
    .innerJoin("appUser as u", "u.id", "r.submittedBy")
    .select(["r.clientOrgId", "r.agencyOrgId", "u.orgId as submitterOrgId"])
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!r || !retrievalPolicy.readRequest(actor, r)) throw notFound(type);
  return {
    read: true,
    attach: retrievalPolicy.serveRequest(actor, r),
    confirm: false,
    orgIds: [r.clientOrgId, r.agencyOrgId],
  };
}
