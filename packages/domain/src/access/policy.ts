// Permission checks as pure functions (architecture guide, habit 3). The server
// calls them on every route; `*Permissions` results go to the UI so that it
// shows only what the user may do.
import { forbidden } from "../errors/common.ts";
import type { OrgKind } from "../organisations/kinds.ts";
import { type Actor, hasRole, supervises } from "./actor.ts";
import { ADMIN_ROLE, type Role } from "./roles.ts";

export interface ProjectParties {
  clientOrgId: string;
  agencyOrgId: string;
  clientDistrict: string;
  agencyDistrict: string;
}

export interface OrgRef {
  id: string;
  kind: OrgKind;
  district: string;
}

export type ProjectRelation = "system" | "client" | "agency" | "supervisor";

const CLIENT_MANAGERS: Role[] = ["client_admin", "client_archive_officer", "client_leader"];
const SIGNERS: Role[] = ["client_admin", "client_archive_officer", "client_leader", "agency_manager"];

export function projectRelation(actor: Actor, p: ProjectParties): ProjectRelation | null {
  if (actor.type === "system") return "system";
  if (actor.orgId === p.clientOrgId) return "client";
  if (actor.orgId === p.agencyOrgId) return "agency";
  if (supervises(actor, p.clientDistrict) || supervises(actor, p.agencyDistrict)) return "supervisor";
  return null;
}

export const policy = {
  readProject: (actor: Actor, p: ProjectParties) => projectRelation(actor, p) !== null,

  /** G-9, G-11: the client keeps primary responsibility and runs its project. */
  manageProject: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || (rel === "client" && hasRole(actor, ...CLIENT_MANAGERS));
  },

  createProjectFor: (actor: Actor, clientOrgId: string) =>
    actor.type === "system" ||
    (actor.orgKind === "client" && actor.orgId === clientOrgId && hasRole(actor, ...CLIENT_MANAGERS)),

  attachToProject: (actor: Actor, p: ProjectParties) => projectRelation(actor, p) !== null,

  /** Confirmations are given by a responsible person of a party (D-8.2, Z-6.3). */
  confirmForProject: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || ((rel === "client" || rel === "agency") && hasRole(actor, ...SIGNERS));
  },

  /** Agencies and regulators form the public registry; a client is seen by itself,
   *  its supervisors and the agencies it works with. */
  readOrganisation: (actor: Actor, org: OrgRef, sharesProject: boolean) =>
    actor.type === "system" ||
    actor.orgId === org.id ||
    org.kind !== "client" ||
    supervises(actor, org.district) ||
    sharesProject,

  createOrganisation: (actor: Actor, district: string) =>
    actor.type === "system" || (hasRole(actor, "regulator_admin") && supervises(actor, district)),

  updateOrganisationProfile: (actor: Actor, org: OrgRef) =>
    actor.type === "system" ||
    (actor.orgId === org.id && hasRole(actor, ADMIN_ROLE[org.kind])) ||
    (hasRole(actor, "regulator_admin") && supervises(actor, org.district)),

  /** G-12: standing (licence, service types, status, foreign backing) is the regulator's to set. */
  changeStanding: (actor: Actor, org: OrgRef) => {
    if (actor.type === "system") return true;
    if (!hasRole(actor, "regulator_admin")) return false;
    if (org.kind === "regulator") return actor.regulatorLevel === "city";
    return supervises(actor, org.district);
  },

  manageUsers: (actor: Actor, orgId: string) =>
    actor.type === "system" || (actor.orgId === orgId && hasRole(actor, ADMIN_ROLE[actor.orgKind])),

  verifyAudit: (actor: Actor) =>
    actor.type === "system" || actor.orgKind === "regulator" || hasRole(actor, ADMIN_ROLE[actor.orgKind]),
};

export type PolicyName = keyof typeof policy;

/** Throws FORBIDDEN unless `allowed`. */
export function authorize(allowed: boolean, action: string): void {
  if (!allowed) throw forbidden(action);
}

export function projectPermissions(actor: Actor, p: ProjectParties) {
  const manage = policy.manageProject(actor, p);
  return {
    update: manage,
    transition: manage,
    editContract: manage,
    writeLedger: manage,
    attach: policy.attachToProject(actor, p),
    confirm: policy.confirmForProject(actor, p),
  };
}
export type ProjectPermissions = ReturnType<typeof projectPermissions>;
