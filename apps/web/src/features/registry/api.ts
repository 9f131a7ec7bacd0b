// The agency registry API (G-12, G-14, D-4.2), typed for these pages.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page, RegistrationStatus, ServiceType } from "../../api/types.ts";

export interface AgencyRow {
  id: string;
  name: string;
  creditCode: string | null;
  district: string;
  serviceTypes: ServiceType[];
  licenceNumber: string | null;
  businessScope: string | null;
  registrationStatus: RegistrationStatus;
  foreignBacked: boolean;
  staffCount: number;
  titledStaffCount: number;
  vaultCount: number;
  activeProjectCount: number;
  openIncidentCount: number;
}

export interface AgencyEntry extends AgencyRow {
  staff: { byTitle: Record<string, number>; archiveProfessionals: number };
  facilities: {
    sites: { id: string; name: string; address: string | null }[];
    vaults: { id: string; code: string; name: string; siteName: string; floorAreaM2: number | null }[];
  };
  projects: {
    id: string;
    code: string;
    name: string;
    serviceType: ServiceType;
    status: string;
    hasNationalScope: boolean;
    clientName: string;
  }[];
  acceptance: {
    completed: number;
    cancelled: number;
    passed: number;
    failed: number;
    rounds: {
      id: string;
      projectId: string;
      projectCode: string;
      round: number;
      verdict: string;
      decidedAt: string;
    }[];
  };
  incidents: {
    id: string;
    kind: string;
    severity: string;
    source: string;
    title: string;
    status: string;
    openedAt: string;
    responsibleParties: string[];
    projectCode: string;
  }[];
  inspections: {
    id: string;
    kind: string;
    title: string;
    status: string;
    plannedOn: string | null;
    projectCode: string;
    findingCount: number;
  }[];
  standingHistory: {
    id: string;
    action: string;
    fromStatus: string;
    toStatus: string;
    reason: string;
    changedAt: string;
    displayName: string | null;
  }[];
  nextStandingActions: ("suspend" | "reinstate" | "revoke")[];
}

const R = "/api/registry/agencies";
export const registryApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<AgencyRow>>(R, q, signal),
  exportUrl: (q: Query) => buildUrl(`${R}/export.xlsx`, q),
  get: (id: string) => api.get<AgencyEntry>(`${R}/${id}`),
  changeStanding: (id: string, action: string, reason: string) =>
    api.post<{ registrationStatus: RegistrationStatus }>(`${R}/${id}/standing`, { action, reason }),
};
