// Who may do what in oversight (G-4, G-7, G-11, G-13). Reading follows the
// project: its parties and the regulators supervising either party's district.
import { type Actor, hasRole, supervises } from "../access/actor.ts";
import { type ProjectParties, projectRelation } from "../access/policy.ts";
import type { Role } from "../access/roles.ts";

const REGULATORS: Role[] = ["regulator_admin", "regulator_inspector"];
const CLIENT_SUPERVISORS: Role[] = ["client_admin", "client_archive_officer", "client_leader"];
const AGENCY_CHECKERS: Role[] = ["agency_manager", "agency_vault_keeper"];

/** The project, and for an order which party it is addressed to. */
export interface OversightTarget extends ProjectParties {
  inspectorOrgId?: string;
  addressee?: "agency" | "client";
}

const regulatorOver = (actor: Actor, p: ProjectParties) =>
  actor.type === "system" ||
  (actor.orgKind === "regulator" &&
    hasRole(actor, ...REGULATORS) &&
    (supervises(actor, p.clientDistrict) || supervises(actor, p.agencyDistrict)));

export const oversightPolicy = {
  read: (actor: Actor, p: ProjectParties) => projectRelation(actor, p) !== null,

  /** Start an inspection: a supervising regulator, the agency (self-check), the client (supervision). */
  inspect: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    if (rel === "system") return true;
    if (rel === "supervisor") return regulatorOver(actor, p);
    if (rel === "agency") return hasRole(actor, ...AGENCY_CHECKERS);
    if (rel === "client") return hasRole(actor, ...CLIENT_SUPERVISORS);
    return false;
  },

  /** Answer items and record findings: the organisation that runs the inspection. */
  work: (actor: Actor, t: OversightTarget) =>
    actor.type === "system" ||
    (actor.orgId === t.inspectorOrgId &&
      hasRole(actor, ...REGULATORS, ...CLIENT_SUPERVISORS, ...AGENCY_CHECKERS)),

  /** Rectification orders, notices and yearly plans are the regulator's (G-7). */
  regulate: (actor: Actor, p: ProjectParties) => regulatorOver(actor, p),

  /** The addressed party answers the order (G-4: agency performs, client keeps responsibility). */
  respond: (actor: Actor, t: OversightTarget) => {
    if (actor.type === "system") return true;
    const orgId = t.addressee === "client" ? t.clientOrgId : t.agencyOrgId;
    const roles: Role[] = t.addressee === "client" ? CLIENT_SUPERVISORS : ["agency_manager"];
    return actor.orgId === orgId && hasRole(actor, ...roles);
  },

  /**
   * Decide on a response: the issuer — a supervising regulator, or the client
   * whose failed final acceptance raised the order (G-11).
   */
  decideOrder: (actor: Actor, o: ProjectParties & { issuerOrgId: string }) =>
    actor.type === "system" ||
    (actor.orgId === o.issuerOrgId &&
      (regulatorOver(actor, o) ||
        (actor.orgKind === "client" &&
          actor.orgId === o.clientOrgId &&
          hasRole(actor, ...CLIENT_SUPERVISORS)))),

  /** The client's final acceptance of a project (G-11, Z-8.2). */
  accept: (actor: Actor, p: ProjectParties) =>
    actor.type === "system" ||
    (actor.orgKind === "client" && actor.orgId === p.clientOrgId && hasRole(actor, ...CLIENT_SUPERVISORS)),

  planSpotChecks: (actor: Actor) =>
    actor.type === "system" || (actor.orgKind === "regulator" && hasRole(actor, ...REGULATORS)),
};
