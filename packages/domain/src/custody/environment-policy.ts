// Who may do what with a vault's environment records (D-9.4, D-9.5) and its
// entry log (D-9.9, D-9.10). The vault belongs to its agency; supervisors read
// everything; a client reads the environment (never the entry log) of the
// vaults that hold its boxes.
import { type Actor, hasRole, supervises } from "../access/actor.ts";
import type { ExcursionKind } from "./environment.ts";

export type VaultRelation = "system" | "agency" | "supervisor" | "client";

export interface VaultParties {
  agencyOrgId: string;
  agencyDistrict: string;
  siteDistrict: string | null;
}

/** `holdsBoxes`: the actor's organisation has boxes in this vault. */
export function vaultRelation(actor: Actor, v: VaultParties, holdsBoxes: boolean): VaultRelation | null {
  if (actor.type === "system") return "system";
  if (actor.orgId === v.agencyOrgId) return "agency";
  if (supervises(actor, v.agencyDistrict) || (v.siteDistrict !== null && supervises(actor, v.siteDistrict)))
    return "supervisor";
  if (actor.orgKind === "client" && holdsBoxes) return "client";
  return null;
}

const keeperOrManager = (actor: Actor, rel: VaultRelation | null) =>
  rel === "system" || (rel === "agency" && hasRole(actor, "agency_manager", "agency_vault_keeper"));

export const environmentPolicy = {
  readEnvironment: (rel: VaultRelation | null) => rel !== null,
  /** Sensors, CSV readings and alert acknowledgement: the vault's keepers and the agency manager. */
  manageSensors: keeperOrManager,
  importReadings: keeperOrManager,
  acknowledgeAlert: keeperOrManager,
  /** Limits are agency-wide: the agency manager. */
  setLimits: (actor: Actor, agencyOrgId: string) =>
    actor.type === "system" || (actor.orgId === agencyOrgId && hasRole(actor, "agency_manager")),
  /** The entry log names people: the agency and its supervisors, not clients. */
  readEntries: (rel: VaultRelation | null) => rel === "system" || rel === "agency" || rel === "supervisor",
  recordEntry: keeperOrManager,
};

export function environmentPermissions(actor: Actor, rel: VaultRelation | null, agencyOrgId: string) {
  return {
    manageSensors: environmentPolicy.manageSensors(actor, rel),
    importReadings: environmentPolicy.importReadings(actor, rel),
    acknowledgeAlerts: environmentPolicy.acknowledgeAlert(actor, rel),
    setLimits: environmentPolicy.setLimits(actor, agencyOrgId),
    readEntries: environmentPolicy.readEntries(rel),
    recordEntry: environmentPolicy.recordEntry(actor, rel),
  };
}
export type EnvironmentPermissions = ReturnType<typeof environmentPermissions>;

/** Of two values of the same excursion kind, the one further past the limit. */
export const worseValue = (kind: ExcursionKind, a: number, b: number) =>
  kind.endsWith("_low") ? Math.min(a, b) : Math.max(a, b);
