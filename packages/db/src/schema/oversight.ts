// Oversight tables (migration 0012, G-7): spot-check plans and samples,
// inspections with items and findings, rectification orders, notices.
import type { ColumnType, Generated, Selectable } from "kysely";
import type { CreatedAt, DateString, Defaulted, Numeric } from "./columns.ts";

type Json<T> = ColumnType<T, string, string>;
export type Severity = "minor" | "major" | "critical";

export interface SpotCheckPlanTable {
  id: Generated<string>;
  regulatorOrgId: string;
  year: number;
  rate: Numeric;
  seed: string;
  nationalMode: "always" | "weighted";
  nationalWeight: Numeric;
  population: Json<{ id: string; serviceType: string; district: string; national: boolean }[]>;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface SpotCheckSampleTable {
  planId: string;
  projectId: string;
  stratum: string;
  reason: "drawn" | "national";
  inspectionId: string | null;
}

export interface InspectionTable {
  id: Generated<string>;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  inspectorOrgId: string;
  kind: "planned" | "spot" | "ad_hoc" | "self_check" | "supervision";
  serviceType: string;
  planId: string | null;
  title: string;
  plannedOn: DateString | null;
  status: Defaulted<"in_progress" | "completed">;
  createdBy: string | null;
  createdAt: CreatedAt;
  completedBy: string | null;
  completedAt: Date | null;
}

export interface InspectionItemTable {
  inspectionId: string;
  clauseId: string;
  position: number;
  result: Defaulted<"unanswered" | "pass" | "fail" | "not_applicable">;
  prefilled: Defaulted<boolean>;
  evidence: ColumnType<unknown[], string | undefined, string>;
  note: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface InspectionFindingTable {
  id: Generated<string>;
  inspectionId: string;
  clauseId: string;
  severity: Severity;
  description: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface RectificationOrderTable {
  id: Generated<string>;
  /** From an inspection finding, or (both null) from a failed acceptance. */
  findingId: string | null;
  inspectionId: string | null;
  acceptanceId: Defaulted<string | null>;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  issuerOrgId: string;
  addressee: "agency" | "client";
  clauseId: string;
  severity: Severity;
  requirement: string;
  deadline: DateString;
  status: Defaulted<"open" | "responded" | "rejected" | "accepted">;
  escalatedAt: Date | null;
  issuedBy: string | null;
  issuedAt: CreatedAt;
  closedAt: Date | null;
}

export interface RectificationResponseTable {
  id: Generated<string>;
  orderId: string;
  response: string;
  respondedBy: string | null;
  respondedAt: CreatedAt;
  decision: "accepted" | "rejected" | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface NoticeTable {
  id: Generated<string>;
  regulatorOrgId: string;
  areaAll: boolean;
  areaDistricts: string[];
  findingId: string;
  projectId: string;
  agencyOrgId: string;
  clauseId: string;
  severity: "major" | "critical";
  title: string;
  body: string;
  publishedBy: string | null;
  publishedAt: CreatedAt;
}

export interface OversightTables {
  spotCheckPlan: SpotCheckPlanTable;
  spotCheckSample: SpotCheckSampleTable;
  inspection: InspectionTable;
  inspectionItem: InspectionItemTable;
  inspectionFinding: InspectionFindingTable;
  rectificationOrder: RectificationOrderTable;
  rectificationResponse: RectificationResponseTable;
  notice: NoticeTable;
}

export type Inspection = Selectable<InspectionTable>;
export type RectificationOrder = Selectable<RectificationOrderTable>;
