// Who may see and do what with grants and use requests. The client's people
// issue and revoke grants; the agency of the project serves requests; a
// grantee organisation sees the grants naming it and its own requests.
// Regulators see no archive content here.
import { type Actor, hasRole } from "../access/actor.ts";
import type { Role } from "../access/roles.ts";

export interface GrantParties {
  clientOrgId: string;
  agencyOrgId: string;
  granteeOrgId: string | null;
}

export interface RequestParties {
  clientOrgId: string;
  agencyOrgId: string;
  /** The organisation of the user who submitted the request. */
  submitterOrgId: string;
}

const CLIENT_MANAGERS: Role[] = ["client_admin", "client_archive_officer", "client_leader"];
const AGENCY_STAFF: Role[] = ["agency_manager", "agency_vault_keeper", "agency_operator"];
const sys = (a: Actor) => a.type === "system";
const orgOf = (a: Actor): string | null => (a.type === "user" ? a.orgId : null);
const among = (a: Actor, orgs: (string | null)[]) => orgOf(a) !== null && orgs.includes(orgOf(a));

export const retrievalPolicy = {
  readGrant: (a: Actor, g: GrantParties) =>
    sys(a) || among(a, [g.clientOrgId, g.agencyOrgId, g.granteeOrgId]),
  /** D-10.2: the grant is the client's written word. */
  manageGrants: (a: Actor, clientOrgId: string) =>
    sys(a) || (orgOf(a) === clientOrgId && hasRole(a, ...CLIENT_MANAGERS)),
  readRequest: (a: Actor, r: RequestParties) =>
    sys(a) || among(a, [r.clientOrgId, r.agencyOrgId, r.submitterOrgId]),
  /** Acceptance, retrieval, service and return: the project's agency. */
  serveRequest: (a: Actor, r: { agencyOrgId: string }) =>
    sys(a) || (orgOf(a) === r.agencyOrgId && hasRole(a, ...AGENCY_STAFF)),
  /** The submitter's organisation may withdraw its request before service. */
  cancelRequest: (a: Actor, r: RequestParties) =>
    sys(a) || orgOf(a) === r.submitterOrgId || retrievalPolicy.serveRequest(a, r),
};

export function requestPermissions(a: Actor, r: RequestParties) {
  return { serve: retrievalPolicy.serveRequest(a, r), cancel: retrievalPolicy.cancelRequest(a, r) };
}
