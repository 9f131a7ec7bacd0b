// Final acceptance (G-11, Z-8.2), typed for these pages.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

type Bilingual = { zh: string; en: string };

export interface AcceptanceItem {
  key: string;
  clause: string;
  label: Bilingual;
  manual: boolean;
  ok: boolean;
  open: Bilingual[];
}

export interface AcceptanceRound {
  id: string;
  round: number;
  verdict: "passed" | "failed";
  items: AcceptanceItem[];
  note: string | null;
  decidedAt: string;
  decidedByName: string | null;
  orderId: string | null;
  orderStatus: string | null;
  orderDeadline: string | null;
}

export interface AcceptanceView {
  projectId: string;
  projectStatus: string;
  serviceType: string;
  items: AcceptanceItem[];
  history: AcceptanceRound[];
  canAccept: boolean;
}

export interface AcceptanceRow {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  serviceType: string;
  clientName: string;
  agencyName: string;
  round: number;
  verdict: "passed" | "failed";
  decidedAt: string;
  orderId: string | null;
  orderStatus: string | null;
  orderDeadline: string | null;
}

export interface AcceptanceRecord {
  verdict: "passed" | "failed";
  confirmed: string[];
  note?: string;
  requirement?: string;
  deadline?: string;
}

export const acceptanceApi = {
  get: (projectId: string) => api.get<AcceptanceView>(`/api/projects/${projectId}/acceptance`),
  record: (projectId: string, body: AcceptanceRecord) =>
    api.post<{ id: string; orderId: string | null }>(`/api/projects/${projectId}/acceptances`, body),
  list: (q: Query, signal?: AbortSignal) => api.get<Page<AcceptanceRow>>("/api/acceptances", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/acceptances/export.xlsx", q),
};
