// Who records the services of a use request and who receives them. The agency's
// staff scan, lend, check returns and re-shelve; the client consents to a loan;
// the requesting side (the client, or the organisation that submitted) downloads.
import { type Actor, hasRole } from "../access/actor.ts";
import type { RequestParties } from "./retrieval-policy.ts";

const CLIENT_SIGNERS = ["client_admin", "client_archive_officer", "client_leader"] as const;
const AGENCY_STAFF = ["agency_manager", "agency_vault_keeper", "agency_operator"] as const;

export const useServicesPolicy = {
  /** D-10.6, D-10.8, D-11: the agency's staff record scans, loans, returns and re-shelving. */
  serve: (actor: Actor, r: RequestParties) =>
    actor.type === "system" || (actor.orgId === r.agencyOrgId && hasRole(actor, ...AGENCY_STAFF)),
  /** D-10.6: the client's written consent to lend, given by its responsible staff. */
  consentLoan: (actor: Actor, r: RequestParties) =>
    actor.type === "system" || (actor.orgId === r.clientOrgId && hasRole(actor, ...CLIENT_SIGNERS)),
  /** D-3.12: delivered copies go to the requesting side only. */
  download: (actor: Actor, r: RequestParties) =>
    actor.type === "user" && (actor.orgId === r.submitterOrgId || actor.orgId === r.clientOrgId),
};

export function useServicesPermissions(actor: Actor, r: RequestParties) {
  return {
    serve: useServicesPolicy.serve(actor, r),
    consentLoan: useServicesPolicy.consentLoan(actor, r),
    download: useServicesPolicy.download(actor, r),
  };
}
