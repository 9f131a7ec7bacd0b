// Inventory checks (D-9.8): the API's shapes and calls.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

export type InventoryMethod = "full" | "sample" | "by_client";
export type InventoryResult = "present" | "missing" | "misplaced" | "unexpected";
export type TreatmentKind = "pests" | "mould" | "other";
export type ScanStatus = "recorded_here" | "recorded_elsewhere" | "unknown";

export interface InventoryOptions {
  vaults: { id: string; code: string; name: string; agencyOrgId: string; siteName: string }[];
  clients: { id: string; name: string }[];
  staff: { id: string; displayName: string; roles: string[] }[];
}

export interface ShortfallRow {
  vaultId: string;
  code: string;
  name: string;
  agencyOrgId: string;
  agencyName: string;
  siteName: string;
  year: number;
  completed: number;
  shortfall: number;
  flagged: boolean;
  lastCompletedAt: string | null;
  nextDueOn: string | null;
}

export interface InventoryPlan {
  id: string;
  vaultId: string;
  vaultCode: string;
  vaultName: string;
  agencyName: string;
  clientOrgId: string | null;
  clientName: string | null;
  title: string;
  method: InventoryMethod;
  periodMonths: number;
  nextDueOn: string;
  requirements: string | null;
  active: boolean;
  checksThisYear: number;
  lastCompletedAt: string | null;
  permissions: { plan: boolean; count: boolean };
}

export interface InventoryCheckRow {
  id: string;
  planId: string;
  planTitle: string;
  vaultCode: string;
  vaultName: string;
  agencyName: string;
  clientName: string | null;
  method: InventoryMethod;
  status: "in_progress" | "completed";
  startedAt: string;
  completedAt: string | null;
  summary: Record<InventoryResult | "shelves" | "findings" | "incidents", number> | null;
}

export interface ShelfScan {
  id: string;
  barcode: string;
  locationId: string;
  scannedAt: string;
  boxNo: string | null;
  recordedLocationId: string | null;
  recordedLocation: string | null;
}

export interface ResultRow {
  id: string;
  barcode: string;
  result: InventoryResult;
  boxId: string | null;
  incidentId: string | null;
  reshelvedAt: string | null;
  expectedLocationId: string | null;
  boxNo: string | null;
  projectCode: string | null;
  clientName: string | null;
  expectedLocation: string | null;
  foundLocation: string | null;
}

export interface InventoryCheckDetail extends InventoryCheckRow {
  note: string | null;
  staff: { id: string; displayName: string }[];
  shelves: { locationId: string; code: string; openedAt: string; closedAt: string | null; scans: number }[];
  openShelf: { locationId: string; code: string; scans: ShelfScan[] } | null;
  scanned: number;
  expected: number;
  results: ResultRow[];
  findings: {
    id: string;
    kind: TreatmentKind;
    note: string;
    incidentId: string | null;
    createdAt: string;
    barcode: string;
    boxNo: string;
    createdByName: string | null;
  }[];
  permissions: { plan: boolean; count: boolean; reshelve: boolean };
}

export interface ScanAnswer {
  barcode: string;
  location: string;
  status: ScanStatus;
  duplicate: boolean;
  boxNo: string | null;
  recordedLocation: string | null;
}

const base = "/api/inventory";

export const inventoryApi = {
  options: () => api.get<InventoryOptions>(`${base}/options`),
  shortfall: (year: number) => api.get<{ items: ShortfallRow[] }>(`${base}/shortfall`, { year }),
  plans: (q: Query = {}) => api.get<{ items: InventoryPlan[] }>(`${base}/plans`, q),
  createPlan: (body: Record<string, unknown>) => api.post<InventoryPlan>(`${base}/plans`, body),
  updatePlan: (id: string, body: Record<string, unknown>) =>
    api.patch<InventoryPlan>(`${base}/plans/${id}`, body),
  checks: (q: Query, signal?: AbortSignal) => api.get<Page<InventoryCheckRow>>(`${base}/checks`, q, signal),
  start: (body: { planId: string; staffUserIds: string[]; note?: string }) =>
    api.post<{ id: string }>(`${base}/checks`, body),
  check: (id: string) => api.get<InventoryCheckDetail>(`${base}/checks/${id}`),
  openShelf: (id: string, locationBarcode: string) =>
    api.post<{ locationId: string; code: string }>(`${base}/checks/${id}/shelf`, { locationBarcode }),
  closeShelf: (id: string) => api.post<{ code: string }>(`${base}/checks/${id}/shelf/close`),
  scan: (id: string, barcode: string) => api.post<ScanAnswer>(`${base}/checks/${id}/scans`, { barcode }),
  finding: (id: string, body: { barcode: string; kind: TreatmentKind; note: string }) =>
    api.post<{ id: string; incidentId: string }>(`${base}/checks/${id}/findings`, body),
  complete: (id: string) =>
    api.post<{ summary: Record<string, number>; nextDueOn: string; incidentIds: string[] }>(
      `${base}/checks/${id}/complete`,
    ),
  reshelve: (resultId: string) => api.post<{ reshelvedAt: string }>(`${base}/results/${resultId}/reshelve`),
  resultsExportUrl: (id: string) => buildUrl(`${base}/checks/${id}/results/export.xlsx`),
};
