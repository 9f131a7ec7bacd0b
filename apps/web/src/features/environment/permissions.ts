// What the UI offers: mirrors @dangan/domain's environmentPolicy (the server decides).
import type { Me } from "../../api/types.ts";
import { useMe } from "../../session/SessionContext.tsx";
import type { Alert } from "./api.ts";

export const isKeeperOrManager = (me: Me) =>
  me.org.kind === "agency" && me.roles.some((r) => r === "agency_manager" || r === "agency_vault_keeper");

export function useCanAcknowledge() {
  const me = useMe();
  return (a: Alert) => isKeeperOrManager(me) && a.agencyOrgId === me.orgId;
}
