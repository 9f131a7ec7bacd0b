// Roles a user can hold, each tied to one organisation kind.
import type { Message } from "../errors/domain-error.ts";
import type { OrgKind } from "../organisations/kinds.ts";

export const ROLES = {
  regulator_admin: { kind: "regulator", label: { zh: "监管管理员", en: "Regulator administrator" } },
  regulator_inspector: { kind: "regulator", label: { zh: "监管检查员", en: "Regulator inspector" } },
  client_admin: { kind: "client", label: { zh: "委托方管理员", en: "Client administrator" } },
  client_archive_officer: { kind: "client", label: { zh: "档案管理员", en: "Client archive officer" } },
  client_leader: { kind: "client", label: { zh: "分管领导", en: "Client leader" } },
  agency_manager: { kind: "agency", label: { zh: "机构负责人", en: "Agency manager" } },
  agency_vault_keeper: { kind: "agency", label: { zh: "库房管理员", en: "Agency vault keeper" } },
  agency_operator: { kind: "agency", label: { zh: "作业人员", en: "Agency operator" } },
} as const satisfies Record<string, { kind: OrgKind; label: Message }>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as [Role, ...Role[]];

/** The role that administers users and the profile of its organisation. */
export const ADMIN_ROLE: Record<OrgKind, Role> = {
  regulator: "regulator_admin",
  client: "client_admin",
  agency: "agency_manager",
};

export function rolesFitKind(roles: readonly Role[], kind: OrgKind): boolean {
  return roles.length > 0 && roles.every((role) => ROLES[role].kind === kind);
}
