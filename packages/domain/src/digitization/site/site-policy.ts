// Who may do what on a digitization site. The agency registers and records
// (people, devices, ports, cameras, seal tests, media); the client approves
// device take-outs and verifies the handed-over results; regulators read.
import { type Actor, hasRole } from "../../access/actor.ts";
import { type ProjectParties, projectRelation } from "../../access/policy.ts";
import type { Role } from "../../access/roles.ts";

const CLIENT_SIGNERS: Role[] = ["client_admin", "client_archive_officer", "client_leader"];
const AGENCY_STAFF: Role[] = ["agency_manager", "agency_operator", "agency_vault_keeper"];

export const digitizationSitePolicy = {
  read: (actor: Actor, p: ProjectParties) => projectRelation(actor, p) !== null,
  /** Z-5.5–Z-5.8, Z-7.2, Z-7.6: registers are kept by the agency's manager. */
  register: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || (rel === "agency" && hasRole(actor, "agency_manager"));
  },
  /** Z-5.6, Z-5.8, Z-7.5: day-to-day records (entry checks, seal tests, copies) by the agency's staff. */
  record: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || (rel === "agency" && hasRole(actor, ...AGENCY_STAFF));
  },
  /** Z-5.7: taking a device out needs the client's check and approval. Z-7.7: the client verifies. */
  clientDecide: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || (rel === "client" && hasRole(actor, ...CLIENT_SIGNERS));
  },
  /** Z-7.7: the agency's confirmation that it keeps no copy is signed by its manager. */
  confirmNoCopy: (actor: Actor, p: ProjectParties) =>
    actor.type === "user" && actor.orgId === p.agencyOrgId && hasRole(actor, "agency_manager"),
  /** Z-5.6: full ID numbers for the client and the agency's manager; others see the last 4. */
  seesIdNumbers: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || rel === "client" || (rel === "agency" && hasRole(actor, "agency_manager"));
  },
};

export function digitizationSitePermissions(actor: Actor, p: ProjectParties) {
  return {
    register: digitizationSitePolicy.register(actor, p),
    record: digitizationSitePolicy.record(actor, p),
    clientDecide: digitizationSitePolicy.clientDecide(actor, p),
    confirmNoCopy: digitizationSitePolicy.confirmNoCopy(actor, p),
    seeIdNumbers: digitizationSitePolicy.seesIdNumbers(actor, p),
  };
}
export type DigitizationSitePermissions = ReturnType<typeof digitizationSitePermissions>;
