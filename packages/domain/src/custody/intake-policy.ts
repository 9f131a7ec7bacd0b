// Who may do what in an intake batch. Both parties record steps (D-8.1); the
// agency's staff handle the boxes; only the client grants content access
// (D-8.10) and consents to repacking (D-8.9). Regulators read.

import type { Actor } from "../access/actor.ts";
import { hasRole } from "../access/actor.ts";
import { type ProjectParties, projectRelation } from "../access/policy.ts";
import type { Role } from "../access/roles.ts";

const AGENCY_STAFF: Role[] = ["agency_manager", "agency_vault_keeper", "agency_operator"];
const CLIENT_MANAGERS: Role[] = ["client_admin", "client_archive_officer", "client_leader"];

const isAgencyStaff = (a: Actor, p: ProjectParties) =>
  projectRelation(a, p) === "agency" && hasRole(a, ...AGENCY_STAFF);
const isClientManager = (a: Actor, p: ProjectParties) =>
  projectRelation(a, p) === "client" && hasRole(a, ...CLIENT_MANAGERS);
const isSystem = (a: Actor) => a.type === "system";

export const intakePolicy = {
  /** Start a batch and record its steps: either party's responsible people. */
  recordSteps: (a: Actor, p: ProjectParties) => isSystem(a) || isAgencyStaff(a, p) || isClientManager(a, p),
  /** Boxes, seals, intake inspection, shelving: the agency's staff. */
  handleBoxes: (a: Actor, p: ProjectParties) => isSystem(a) || isAgencyStaff(a, p),
  /** Condition checks and treatment records: either party. */
  recordCondition: (a: Actor, p: ProjectParties) =>
    isSystem(a) || isAgencyStaff(a, p) || isClientManager(a, p),
  /** D-8.10 grants and D-8.9 consent are the client's. */
  decideForClient: (a: Actor, p: ProjectParties) => isSystem(a) || isClientManager(a, p),
};

export function intakePermissions(a: Actor, p: ProjectParties) {
  return {
    recordSteps: intakePolicy.recordSteps(a, p),
    handleBoxes: intakePolicy.handleBoxes(a, p),
    recordCondition: intakePolicy.recordCondition(a, p),
    decideForClient: intakePolicy.decideForClient(a, p),
  };
}
export type IntakePermissions = ReturnType<typeof intakePermissions>;
