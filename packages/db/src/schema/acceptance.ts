// Final acceptance (migration 0017, G-11, Z-8.2).
import type { ColumnType, Generated, Selectable } from "kysely";
import type { CreatedAt } from "./columns.ts";

export interface AcceptanceItemRecord {
  key: string;
  clause: string;
  label: { zh: string; en: string };
  manual: boolean;
  ok: boolean;
  open: { zh: string; en: string }[];
}

export interface ProjectAcceptanceTable {
  id: Generated<string>;
  projectId: string;
  round: number;
  clientOrgId: string;
  agencyOrgId: string;
  verdict: "passed" | "failed";
  items: ColumnType<AcceptanceItemRecord[], string, string>;
  note: string | null;
  decidedBy: string | null;
  decidedAt: CreatedAt;
}

export interface AcceptanceTables {
  projectAcceptance: ProjectAcceptanceTable;
}

export type ProjectAcceptance = Selectable<ProjectAcceptanceTable>;
