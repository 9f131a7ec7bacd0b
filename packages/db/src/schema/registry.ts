// Registry tables (migration 0013, G-7, G-12): agency standing changes, filings
// of national-scope deposits and their question-and-answer rounds.
import type { ColumnType, Generated, Selectable } from "kysely";
import type { CreatedAt, Defaulted, Timestamp } from "./columns.ts";

type Json<T> = ColumnType<T, string, string>;

export interface AgencyStandingChangeTable {
  id: Generated<string>;
  agencyOrgId: string;
  action: "suspend" | "reinstate" | "revoke";
  fromStatus: string;
  toStatus: string;
  reason: string;
  changedBy: string | null;
  changedAt: CreatedAt;
}

export interface FilingTable {
  id: Generated<string>;
  filingNo: string;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  regulatorOrgId: string;
  status: Defaulted<"submitted" | "returned" | "verified">;
  content: Json<Record<string, unknown>>;
  trigger: "project_started" | "intake" | "manual";
  round: Defaulted<number>;
  questions: string | null;
  answer: string | null;
  submittedAt: Defaulted<Date>;
  returnedAt: Date | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface FilingExchangeTable {
  id: Generated<string>;
  filingId: string;
  round: number;
  kind: "submitted" | "returned" | "resubmitted" | "verified";
  text: string | null;
  orgId: string | null;
  userId: string | null;
  at: CreatedAt;
}

export interface RegistryTables {
  agencyStandingChange: AgencyStandingChangeTable;
  filing: FilingTable;
  filingExchange: FilingExchangeTable;
}

export type Filing = Selectable<FilingTable>;
