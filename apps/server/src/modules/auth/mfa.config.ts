// DANGAN_MFA_REQUIRED_ROLES: comma-separated role names (default none). A user
// with one of them and no second factor signs in to a session that serves only
// the MFA enrolment routes until they turn MFA on (ASVS 2.2.x, 4.3.1).
import { ROLE_NAMES, type Role } from "@dangan/domain";

export interface MfaConfig {
  requiredRoles: Role[];
  /** Shown by authenticator apps next to the account name. */
  issuer: string;
}

export function mfaConfig(env: NodeJS.ProcessEnv): MfaConfig {
  const names = (env.DANGAN_MFA_REQUIRED_ROLES ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = names.filter((r) => !(ROLE_NAMES as string[]).includes(r));
  // A misspelt role would silently switch enforcement off: refuse to start instead.
  if (unknown.length) throw new Error(`DANGAN_MFA_REQUIRED_ROLES: unknown role(s) ${unknown.join(", ")}`);
  return { requiredRoles: names as Role[], issuer: "Dangan" };
}
