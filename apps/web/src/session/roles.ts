// What the signed-in user may see in the UI. The server decides; these only
// hide controls that would be refused (mirrors @dangan/domain's policy).
import type { Me, OrgKind, Role } from "../api/types.ts";

export const ADMIN_ROLE: Record<OrgKind, Role> = {
  regulator: "regulator_admin",
  client: "client_admin",
  agency: "agency_manager",
};

const CLIENT_MANAGERS: Role[] = ["client_admin", "client_archive_officer", "client_leader"];

export const isOrgAdmin = (me: Me) => me.roles.includes(ADMIN_ROLE[me.org.kind]);
export const isRegulatorAdmin = (me: Me) => me.roles.includes("regulator_admin");
export const canCreateProject = (me: Me) =>
  me.org.kind === "client" && me.roles.some((r) => CLIENT_MANAGERS.includes(r));
export const canVerifyAudit = (me: Me) => me.org.kind === "regulator" || isOrgAdmin(me);
