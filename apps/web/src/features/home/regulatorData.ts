// The regulator's overview from the list endpoints' totals.
import { auditApi, organisationsApi, projectsApi } from "../../api/endpoints.ts";
import type { Organisation, ProjectStatus, ServiceType } from "../../api/types.ts";

const STATUSES: ProjectStatus[] = ["draft", "active", "suspended", "completed", "cancelled"];
const SERVICES: ServiceType[] = ["custody", "digitization", "arrangement", "system_building"];

const total = (q: Record<string, string>) => projectsApi.list({ ...q, pageSize: 1 }).then((r) => r.total);

export async function loadRegulatorOverview() {
  const [all, byStatus, byService, national, agencies, clients, audit] = await Promise.all([
    total({}),
    Promise.all(STATUSES.map(async (s) => [s, await total({ status: s })] as const)),
    Promise.all(SERVICES.map(async (s) => [s, await total({ serviceType: s })] as const)),
    projectsApi.list({ nationalScope: true, pageSize: 5 }),
    organisationsApi.list({ kind: "agency", pageSize: 200 }),
    organisationsApi.list({ kind: "client", pageSize: 1 }).then((r) => r.total),
    auditApi.list({ pageSize: 50 }),
  ]);
  const registry = (list: Organisation[]) => ({
    total: list.length,
    active: list.filter((a) => a.registrationStatus === "active").length,
    suspended: list.filter((a) => a.registrationStatus === "suspended").length,
    revoked: list.filter((a) => a.registrationStatus === "revoked").length,
    foreignBacked: list.filter((a) => a.foreignBacked).length,
  });
  return {
    all,
    byStatus: Object.fromEntries(byStatus) as Record<ProjectStatus, number>,
    byService: Object.fromEntries(byService) as Record<ServiceType, number>,
    national,
    agencies: { ...registry(agencies.items), total: agencies.total },
    clients,
    // Sign-ins drown out the work; the audit log page has them all.
    audit: audit.items.filter((e) => !e.action.startsWith("auth.")).slice(0, 8),
  };
}
