// Incidents and accountability (G-7), typed for these pages.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

export interface IncidentRow {
  id: string;
  projectId: string;
  kind: string;
  severity: "minor" | "major" | "critical";
  source: "manual" | "system";
  sourceType: string | null;
  clauseId: string | null;
  title: string;
  description: string | null;
  status: "open" | "investigating" | "closed";
  openedAt: string;
  closedAt: string | null;
  resolution: string | null;
  responsibleParties: string[];
  responsiblePeople: string | null;
  investigation: string | null;
  measures: string | null;
  projectCode: string;
  projectName: string;
  clientName: string;
  agencyName: string;
}

export interface IncidentDetail extends IncidentRow {
  accountable: boolean;
  permissions: { update: boolean; close: boolean };
}

export const incidentsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<IncidentRow>>("/api/incidents", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/incidents/export.xlsx", q),
  get: (id: string) => api.get<IncidentDetail>(`/api/incidents/${id}`),
  update: (id: string, body: Record<string, unknown>) =>
    api.patch<{ status: string }>(`/api/incidents/${id}`, body),
};

export const SEVERITY_COLOR = { minor: "default", major: "orange", critical: "red" } as const;
export const STATUS_COLOR = { open: "error", investigating: "processing", closed: "success" } as const;
