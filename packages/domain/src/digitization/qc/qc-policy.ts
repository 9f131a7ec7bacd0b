// Who does what in digitization QC (Z-7.4): the agency ingests deliveries and
// runs the automatic checks; the client sets the contract's quality terms,
// reviews the sample, records defects, decides the verdict and sends volumes
// back; regulators read. Anyone else is not a party and gets NOT_FOUND.
import { type Actor, hasRole } from "../../access/actor.ts";
import { type ProjectParties, projectRelation } from "../../access/policy.ts";

const CLIENT_REVIEWERS = ["client_admin", "client_archive_officer", "client_leader"] as const;
const AGENCY_STAFF = ["agency_manager", "agency_operator"] as const;

export const qcPolicy = {
  read: (actor: Actor, p: ProjectParties) => projectRelation(actor, p) !== null,
  ingest: (actor: Actor, p: ProjectParties) =>
    actor.type === "system" || (actor.orgId === p.agencyOrgId && hasRole(actor, ...AGENCY_STAFF)),
  setTerms: (actor: Actor, p: ProjectParties) =>
    actor.type === "system" || (actor.orgId === p.clientOrgId && hasRole(actor, ...CLIENT_REVIEWERS)),
  review: (actor: Actor, p: ProjectParties) =>
    actor.type === "system" || (actor.orgId === p.clientOrgId && hasRole(actor, ...CLIENT_REVIEWERS)),
};

export function qcPermissions(actor: Actor, p: ProjectParties) {
  return {
    ingest: qcPolicy.ingest(actor, p),
    setTerms: qcPolicy.setTerms(actor, p),
    review: qcPolicy.review(actor, p),
  };
}
export type QcPermissions = ReturnType<typeof qcPermissions>;
