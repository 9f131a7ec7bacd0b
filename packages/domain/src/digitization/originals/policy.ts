// Who may do what with the originals (Z-6.1–Z-8.1): the client screens,
// unshelves, confirms, resumes or withdraws and checks the return; the agency's
// staff record station handovers, condition and temporary storage; either party
// stops a volume; supervisors read. A stranger does not see the project at all.
import { type Actor, hasRole } from "../../access/actor.ts";
import { type ProjectParties, projectRelation } from "../../access/policy.ts";
import type { Role } from "../../access/roles.ts";

const CLIENT_STAFF: Role[] = ["client_admin", "client_archive_officer", "client_leader"];
const AGENCY_STAFF: Role[] = ["agency_manager", "agency_operator"];

const client = (actor: Actor, p: ProjectParties) => {
  const rel = projectRelation(actor, p);
  return rel === "system" || (rel === "client" && hasRole(actor, ...CLIENT_STAFF));
};
const agency = (actor: Actor, p: ProjectParties) => {
  const rel = projectRelation(actor, p);
  return rel === "system" || (rel === "agency" && hasRole(actor, ...AGENCY_STAFF));
};

export const originalsPolicy = {
  read: (actor: Actor, p: ProjectParties) => projectRelation(actor, p) !== null,
  /** Z-6.1: the client registers and screens its volumes. */
  register: client,
  screen: client,
  /** Z-6.2: unshelving is the client's; agency staff may not enter its storage rooms. */
  unshelve: client,
  /** Z-6.3: either party draws up a handover list; each confirms it for itself. */
  draftHandover: (actor: Actor, p: ProjectParties) => client(actor, p) || agency(actor, p),
  /** Z-6.4, Z-6.5, Z-7.2: the agency's staff record condition, storage, batches and station moves. */
  work: agency,
  /** Z-7.3: any person at the site stops a volume at once. */
  stop: (actor: Actor, p: ProjectParties) => client(actor, p) || agency(actor, p),
  /** Z-7.3: only the client decides what happens to a stopped volume. */
  decideStop: client,
  /** Z-8.1: the client checks the return and closes the handover. */
  checkReturn: client,
};

export function originalsPermissions(actor: Actor, p: ProjectParties) {
  return {
    register: originalsPolicy.register(actor, p),
    screen: originalsPolicy.screen(actor, p),
    unshelve: originalsPolicy.unshelve(actor, p),
    draftHandover: originalsPolicy.draftHandover(actor, p),
    work: originalsPolicy.work(actor, p),
    stop: originalsPolicy.stop(actor, p),
    decideStop: originalsPolicy.decideStop(actor, p),
    checkReturn: originalsPolicy.checkReturn(actor, p),
  };
}
export type OriginalsPermissions = ReturnType<typeof originalsPermissions>;
