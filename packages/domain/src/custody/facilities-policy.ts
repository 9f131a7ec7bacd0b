// Who may do what with an agency's facilities (sites, vaults, equipment,
// locations, staff). They belong to the agency; its supervisors and the
// clients it works for read them; clients never see other clients' boxes.
import { type Actor, hasRole, supervises } from "../access/actor.ts";

export type FacilityRelation = "system" | "agency" | "supervisor" | "client";

export interface AgencyRef {
  id: string;
  district: string;
}

/** `sharesProject`: the actor's organisation has a project with this agency. */
export function facilityRelation(
  actor: Actor,
  agency: AgencyRef,
  sharesProject: boolean,
): FacilityRelation | null {
  if (actor.type === "system") return "system";
  if (actor.orgId === agency.id) return "agency";
  if (supervises(actor, agency.district)) return "supervisor";
  if (actor.orgKind === "client" && sharesProject) return "client";
  return null;
}

const manage = (actor: Actor, rel: FacilityRelation | null) =>
  rel === "system" || (rel === "agency" && hasRole(actor, "agency_manager"));

export const facilityPolicy = {
  read: (rel: FacilityRelation | null) => rel !== null,
  /** Sites, rooms, vaults, cameras, alarms, keys, staff: the agency manager. */
  manage,
  /** Equipment, maintenance and locations of a vault: also the keeper named for it (D-9.2). */
  maintainVault: (actor: Actor, rel: FacilityRelation | null, vault: { keeperUserId: string | null }) =>
    manage(actor, rel) ||
    (rel === "agency" &&
      actor.type === "user" &&
      hasRole(actor, "agency_vault_keeper") &&
      vault.keeperUserId === actor.userId),
  /** Whose boxes a location shows: all for the agency and supervisors, own for a client. */
  seesAllBoxes: (rel: FacilityRelation | null) =>
    rel === "system" || rel === "agency" || rel === "supervisor",
  /** Staff ID numbers unmasked: the agency's manager only. */
  seesIdNumbers: manage,
};

export function facilityPermissions(
  actor: Actor,
  rel: FacilityRelation | null,
  vault?: { keeperUserId: string | null },
) {
  return {
    manage: manage(actor, rel),
    maintain: vault ? facilityPolicy.maintainVault(actor, rel, vault) : manage(actor, rel),
    seeAllBoxes: facilityPolicy.seesAllBoxes(rel),
  };
}
export type FacilityPermissions = ReturnType<typeof facilityPermissions>;
