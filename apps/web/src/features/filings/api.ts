// Filings of national-scope deposits (G-7), typed for these pages.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

export type FilingStatus = "submitted" | "returned" | "verified";

export interface FilingRow {
  id: string;
  filingNo: string;
  projectId: string;
  status: FilingStatus;
  trigger: string;
  round: number;
  questions: string | null;
  answer: string | null;
  submittedAt: string;
  verifiedAt: string | null;
  projectCode: string;
  projectName: string;
  clientName: string;
  agencyName: string;
  regulatorName: string;
}

export interface FilingDetail extends FilingRow {
  content: {
    project: { code: string; name: string; custodyMode: string | null; description: string | null };
    client: { name: string; district: string; creditCode: string | null };
    agency: { name: string; district: string; licenceNumber: string | null };
    contract: {
      number: string | null;
      content: string | null;
      termStart: string | null;
      termEnd: string | null;
    };
    quantity: { value: number | null; unit: string | null };
    responsible: { leader: string; department: string };
    depositedOn: string;
  };
  exchanges: {
    id: string;
    round: number;
    kind: string;
    text: string | null;
    at: string;
    orgName: string | null;
    userName: string | null;
  }[];
  nextActions: { action: "verify" | "return" | "resubmit" }[];
}

export interface Unfiled {
  projectId: string;
  projectCode: string;
  projectName: string;
  clientName: string;
  agencyName: string;
  startedAt: string | null;
}

export const filingsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<FilingRow>>("/api/filings", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/filings/export.xlsx", q),
  unfiled: () => api.get<{ items: Unfiled[] }>("/api/filings/unfiled"),
  file: (projectId: string) => api.post<{ id: string }>("/api/filings", { projectId }),
  get: (id: string) => api.get<FilingDetail>(`/api/filings/${id}`),
  move: (id: string, action: string, text?: string) =>
    api.post<{ status: FilingStatus }>(
      `/api/filings/${id}/transitions`,
      text ? { action, text } : { action },
    ),
};

export const FILING_COLOR: Record<FilingStatus, string> = {
  submitted: "processing",
  returned: "warning",
  verified: "success",
};
