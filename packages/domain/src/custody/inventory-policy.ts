// Who plans and runs inventory checks (D-9.8): the vault's agency — its manager
// and vault keepers plan, they and its operators count. Supervising regulators
// read; clients see the twice-a-year status of the agencies they work with.
import { type Actor, hasRole, supervises } from "../access/actor.ts";

export interface VaultParty {
  agencyOrgId: string;
  agencyDistrict: string;
}

const own = (actor: Actor, v: VaultParty) => actor.type === "system" || actor.orgId === v.agencyOrgId;

export const inventoryPolicy = {
  read: (actor: Actor, v: VaultParty) => own(actor, v) || supervises(actor, v.agencyDistrict),
  plan: (actor: Actor, v: VaultParty) =>
    own(actor, v) && hasRole(actor, "agency_manager", "agency_vault_keeper"),
  count: (actor: Actor, v: VaultParty) =>
    own(actor, v) && hasRole(actor, "agency_manager", "agency_vault_keeper", "agency_operator"),
};

export function inventoryPermissions(actor: Actor, v: VaultParty) {
  return { plan: inventoryPolicy.plan(actor, v), count: inventoryPolicy.count(actor, v) };
}
