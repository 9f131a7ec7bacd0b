// Intake tables (migration 0005), camelCased for Kysely.
import type { Generated, Selectable } from "kysely";
import type { CreatedAt, DateString, Defaulted, Timestamp } from "./columns.ts";

export type IntakeBatchStatus =
  | "site_visit"
  | "unshelving"
  | "condition_check"
  | "boxing"
  | "sealing"
  | "transport"
  | "inspection"
  | "repacking"
  | "shelving"
  | "completed";

export interface IntakeBatchTable {
  id: Generated<string>;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  code: string;
  title: string;
  status: Defaulted<IntakeBatchStatus>;
  notes: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  completedAt: Date | null;
}

export interface IntakeBatchCatalogueTable {
  batchId: string;
  catalogueId: string;
}

export interface IntakeStepTable {
  id: Generated<string>;
  batchId: string;
  action: string;
  step: string;
  performedOn: DateString;
  notes: string | null;
  records: Defaulted<Record<string, unknown>>;
  attachmentId: string | null;
  recordedBy: string | null;
  recordedAt: Defaulted<Date>;
}

export interface IntakeStepPersonTable {
  stepId: string;
  userId: string;
  side: "client" | "agency";
}

export interface IntakeBoxTable {
  boxId: string;
  batchId: string;
  createdAt: CreatedAt;
}

export interface IntakeConditionTable {
  id: Generated<string>;
  batchId: string;
  boxId: string | null;
  itemId: string | null;
  condition: string;
  note: string | null;
  checkedBy: string | null;
  checkedAt: Defaulted<Date>;
}

export interface IntakeTreatmentTable {
  id: Generated<string>;
  conditionId: string;
  method: string;
  treatedOn: DateString;
  treatedBy: string;
  note: string | null;
  recordedBy: string | null;
  recordedAt: Defaulted<Date>;
}

export interface BoxSealTable {
  id: Generated<string>;
  boxId: string;
  batchId: string;
  sealNumber: string;
  outsideOk: boolean;
  note: string | null;
  sealedBy: string | null;
  witnessUserId: string | null;
  sealedAt: Defaulted<Date>;
}

export interface IntakeInspectionTable {
  id: Generated<string>;
  batchId: string;
  boxId: string;
  sealIntact: boolean;
  damaged: boolean;
  missingItemIds: Defaulted<string[]>;
  note: string | null;
  incidentId: string | null;
  inspectedBy: string | null;
  inspectedAt: Defaulted<Date>;
}

export interface IntakeContentGrantTable {
  id: Generated<string>;
  batchId: string;
  grantedBy: string;
  grantedAt: Defaulted<Date>;
  note: string | null;
  revokedBy: string | null;
  revokedAt: Date | null;
}

export interface IntakeTables {
  intakeBatch: IntakeBatchTable;
  intakeBatchCatalogue: IntakeBatchCatalogueTable;
  intakeStep: IntakeStepTable;
  intakeStepPerson: IntakeStepPersonTable;
  intakeBox: IntakeBoxTable;
  intakeCondition: IntakeConditionTable;
  intakeTreatment: IntakeTreatmentTable;
  boxSeal: BoxSealTable;
  intakeInspection: IntakeInspectionTable;
  intakeContentGrant: IntakeContentGrantTable;
}

export type IntakeBatch = Selectable<IntakeBatchTable>;
