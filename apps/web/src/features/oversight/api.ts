// Oversight (G-7): inspections, rectification orders, notices, yearly plans.
import { api, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

type Bi = { zh: string; en: string };
export type ItemResult = "unanswered" | "pass" | "fail" | "not_applicable";
export type Severity = "minor" | "major" | "critical";
export type OrderStatus = "open" | "responded" | "rejected" | "accepted";
export type InspectionKind = "planned" | "spot" | "ad_hoc" | "self_check" | "supervision";

export interface InspectionRow {
  id: string;
  title: string;
  kind: InspectionKind;
  status: "in_progress" | "completed";
  projectId: string;
  projectCode: string;
  projectName: string;
  agencyName: string;
  clientName: string;
  inspectorName: string;
  findings: number;
  createdAt: string;
}

export interface Evidence {
  type: string;
  id: string;
  ok: boolean;
  label: Bi;
}

export interface InspectionDetail extends InspectionRow {
  serviceType: string;
  inspectorKind: string;
  items: {
    clauseId: string;
    gloss: string;
    text: string;
    result: ItemResult;
    prefilled: boolean;
    evidence: Evidence[];
    note: string | null;
  }[];
  findings: never;
  permissions: { work: boolean; regulate: boolean };
}

export interface Finding {
  id: string;
  clauseId: string;
  severity: Severity;
  description: string;
  orderId: string | null;
  noticeId: string | null;
}

export interface OrderRow {
  id: string;
  projectCode: string;
  projectName: string;
  agencyName: string;
  clientName: string;
  issuerName: string;
  clauseId: string;
  severity: Severity;
  requirement: string;
  deadline: string;
  status: OrderStatus;
  addressee: "agency" | "client";
  overdue: boolean;
  escalatedAt: string | null;
}

export interface OrderDetail extends OrderRow {
  inspectionId: string;
  responses: {
    id: string;
    response: string;
    responderName: string | null;
    respondedAt: string;
    decision: "accepted" | "rejected" | null;
    decisionNote: string | null;
    deciderName: string | null;
  }[];
  nextActions: { action: "respond" | "accept" | "reject" }[];
  permissions: { respond: boolean; regulate: boolean; attach: boolean };
}

export interface Notice {
  id: string;
  title: string;
  body: string;
  clauseId: string;
  severity: Severity;
  regulatorName: string;
  agencyName: string;
  projectName: string;
  publishedAt: string;
}

export interface PlanRow {
  id: string;
  year: number;
  rate: number;
  seed: string;
  nationalMode: "always" | "weighted";
  regulatorName: string;
  sampled: number;
}

export interface PlanDetail extends PlanRow {
  populationCount: number;
  reproducible: boolean;
  samples: {
    projectId: string;
    projectCode: string;
    projectName: string;
    serviceType: string;
    agencyName: string;
    agencyDistrict: string;
    stratum: string;
    reason: "drawn" | "national";
    inspectionId: string | null;
    inspectionStatus: string | null;
  }[];
  permissions: { inspect: boolean };
}

const O = "/api/oversight";
export const oversightApi = {
  inspections: (q: Query, signal?: AbortSignal) =>
    api.get<Page<InspectionRow>>(`${O}/inspections`, q, signal),
  inspection: (id: string) =>
    api.get<Omit<InspectionDetail, "findings"> & { findings: Finding[] }>(`${O}/inspections/${id}`),
  createInspection: (b: { projectId: string; kind: InspectionKind; title: string }) =>
    api.post<{ id: string }>(`${O}/inspections`, b),
  answer: (id: string, b: { clause: string; result: ItemResult; note?: string }) =>
    api.post(`${O}/inspections/${id}/items`, b),
  addFinding: (id: string, b: { clause: string; severity: Severity; description: string }) =>
    api.post<{ id: string }>(`${O}/inspections/${id}/findings`, b),
  complete: (id: string) => api.post(`${O}/inspections/${id}/complete`),
  orders: (q: Query, signal?: AbortSignal) => api.get<Page<OrderRow>>(`${O}/rectifications`, q, signal),
  order: (id: string) => api.get<OrderDetail>(`${O}/rectifications/${id}`),
  summary: () =>
    api.get<{ open: number; overdue: number; overdueItems: (OrderRow & { agencyName: string })[] }>(
      `${O}/rectifications/summary`,
    ),
  issue: (b: { findingId: string; addressee: "agency" | "client"; requirement: string; deadline?: string }) =>
    api.post<{ id: string }>(`${O}/rectifications`, b),
  respond: (id: string, response: string) => api.post(`${O}/rectifications/${id}/respond`, { response }),
  decide: (id: string, decision: "accept" | "reject", note?: string) =>
    api.post(`${O}/rectifications/${id}/decide`, { decision, ...(note ? { note } : {}) }),
  notices: (q: Query, signal?: AbortSignal) => api.get<Page<Notice>>(`${O}/notices`, q, signal),
  publish: (b: { findingId: string; title: string; body: string }) =>
    api.post<{ id: string }>(`${O}/notices`, b),
  plans: () => api.get<{ items: PlanRow[] }>(`${O}/plans`),
  plan: (id: string) => api.get<PlanDetail>(`${O}/plans/${id}`),
  createPlan: (b: {
    year: number;
    rate: number;
    seed?: string;
    nationalMode: string;
    nationalWeight: number;
  }) => api.post<{ id: string }>(`${O}/plans`, b),
  inspectSample: (planId: string, projectId: string) =>
    api.post<{ id: string }>(`${O}/plans/${planId}/inspect`, { projectId }),
};
