// Statistics (D-12.1) and the ledger reconciliation (D-12.2): shapes and calls.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { MovementKind } from "../movements/api.ts";

export type HoldingDimension = "client" | "agency" | "project" | "vault" | "category" | "carrier";
export type Period = "month" | "quarter" | "year";

export interface HoldingRow {
  key: string | null;
  label: string | null;
  boxes: number;
  items: number;
  pages: number;
}
export interface Holdings {
  rows: HoldingRow[];
  total: { boxes: number; items: number; pages: number };
}
export type MovementPeriodRow = { period: string; total: number } & Record<MovementKind, number>;
export interface UsePeriodRow {
  period: string;
  checkouts: number;
  returns: number;
  boxesUsed: number;
}

export interface Difference {
  kind: "register_without_event" | "event_without_register" | "register_altered" | "location_mismatch";
  boxId: string;
  boxNo: string | null;
  barcode: string | null;
  movementId?: string;
  field?: string;
  register?: string | null;
  audit?: string | null;
  /** Locations as "vault code location code". */
  registerPlace?: string | null;
  auditPlace?: string | null;
}
export interface Reconciliation {
  ok: boolean;
  boxes: number;
  projectId: string | null;
  register: { movements: number; byKind: Record<string, number> };
  audit: { movements: number; byKind: Record<string, number> };
  differences: Difference[];
}

const base = "/api/statistics";
export const statisticsApi = {
  holdings: (q: Query) => api.get<Holdings>(`${base}/holdings`, q),
  holdingsExportUrl: (q: Query) => buildUrl(`${base}/holdings/export.xlsx`, q),
  movements: (q: Query) => api.get<{ items: MovementPeriodRow[] }>(`${base}/movements`, q),
  movementsExportUrl: (q: Query) => buildUrl(`${base}/movements/export.xlsx`, q),
  use: (q: Query) => api.get<{ items: UsePeriodRow[] }>(`${base}/use`, q),
  useExportUrl: (q: Query) => buildUrl(`${base}/use/export.xlsx`, q),
  reconcile: (q: Query) => api.get<Reconciliation>(`${base}/reconciliation`, q),
};
