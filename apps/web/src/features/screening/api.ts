// Classification-mark alerts (Z-7.3, D-10.8): shapes and calls of /api/screening.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

export type HitStatus = "open" | "cleared" | "confirmed";
export type Decision = "clear" | "confirm";

export interface HitRow {
  id: string;
  source: "qc_delivery" | "remote_copy";
  status: HitStatus;
  level: string;
  period: string | null;
  matchedText: string;
  confidence: number;
  fileLabel: string;
  page: number;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  qcDeliveryId: string | null;
  remoteCopyId: string | null;
  volumeReferenceCode: string | null;
  requestNo: string | null;
  requestId: string | null;
  projectName: string | null;
  clientName: string;
  agencyName: string;
  canDecide: boolean;
}

export const screeningApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<HitRow>>("/api/screening/hits", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/screening/hits/export.xlsx", q),
  get: (id: string) => api.get<HitRow>(`/api/screening/hits/${id}`),
  imageUrl: (id: string, width = 1000) => buildUrl(`/api/screening/hits/${id}/image`, { width }),
  summary: () => api.get<{ open: number }>("/api/screening/summary"),
  decide: (id: string, decision: Decision, note?: string) =>
    api.post<{ status: HitStatus }>(`/api/screening/hits/${id}/decision`, { decision, note }),
  decideRemoteCopy: (deliveryId: string, decision: Decision, note?: string) =>
    api.post<{ screening: string }>(`/api/screening/remote-copies/${deliveryId}/decision`, {
      decision,
      note,
    }),
};

export const STATUS_COLOR: Record<HitStatus, string> = {
  open: "error",
  cleared: "success",
  confirmed: "purple",
};
