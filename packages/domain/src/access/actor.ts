// Who is acting. Built by the server from the session; the CLI acts as the
// system operator, which bypasses role checks but never a rule of the spec.
import type { District } from "../organisations/districts.ts";
import type { OrgKind, RegulatorLevel } from "../organisations/kinds.ts";
import type { Role } from "./roles.ts";

export interface UserActor {
  type: "user";
  userId: string;
  orgId: string;
  orgKind: OrgKind;
  roles: Role[];
  /** For regulators: city level supervises every district. */
  regulatorLevel: RegulatorLevel | null;
  supervisedDistricts: District[];
}

export interface SystemActor {
  type: "system";
  /** What the operator ran, e.g. "dangan demo". */
  reason: string;
}

export type Actor = UserActor | SystemActor;

export const systemActor = (reason: string): SystemActor => ({ type: "system", reason });

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.type === "system" || roles.some((role) => actor.roles.includes(role));
}

/** Whether a regulator actor supervises the given district. */
export function supervises(actor: Actor, district: string): boolean {
  if (actor.type === "system") return true;
  if (actor.orgKind !== "regulator") return false;
  return actor.regulatorLevel === "city" || (actor.supervisedDistricts as string[]).includes(district);
}
