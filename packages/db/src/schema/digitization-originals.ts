// Digitization originals tables (migration 0015, Z-6.1–Z-6.5, Z-7.2, Z-7.3, Z-8.1):
// volumes, batches, temporary storage, handover lists, condition, station
// handovers, stops and the return check.
import type { Generated } from "kysely";
import type { Defaulted } from "./columns.ts";

export type DigitizationScreening = "pending" | "cleared" | "flagged";
export type DigitizationVolumeStatus = "registered" | "unshelved" | "at_agency" | "returned";
export type DigitizationBatchStatus = "open" | "in_progress" | "completed";
export type DigitizationHandoverDirection = "to_agency" | "to_client";
export type DigitizationHandoverStatus = "pending" | "confirmed" | "closed";
export type DigitizationConditionStage = "receipt" | "return";
export type DigitizationCondition = "good" | "fair" | "poor" | "damaged";
export type DigitizationStopReason = "classified" | "damage" | "other";
export type DigitizationReturnOutcome = "present" | "missing" | "damaged" | "extra";

export interface DigitizationVolumeTable {
  id: Generated<string>;
  projectId: string;
  referenceCode: string;
  title: string;
  itemCount: number;
  expectedPages: number | null;
  screening: Defaulted<DigitizationScreening>;
  screeningNote: string | null;
  screenedBy: string | null;
  screenedAt: Date | null;
  status: Defaulted<DigitizationVolumeStatus>;
  unshelvedBy: string | null;
  unshelvedAt: Date | null;
  currentWorkstationId: string | null;
  createdBy: string | null;
  createdAt: Defaulted<Date>;
}

export interface DigitizationBatchTable {
  id: Generated<string>;
  projectId: string;
  code: string;
  title: string | null;
  status: Defaulted<DigitizationBatchStatus>;
  createdBy: string | null;
  createdAt: Defaulted<Date>;
  startedAt: Date | null;
}

export interface DigitizationBatchVolumeTable {
  batchId: string;
  volumeId: string;
  addedBy: string | null;
  addedAt: Defaulted<Date>;
  withdrawnBy: string | null;
  withdrawnAt: Date | null;
}

export interface DigitizationTemporaryStorageTable {
  batchId: string;
  room: string;
  cabinet: string;
  custodianPersonId: string;
  custodianName: string;
  recordedBy: string | null;
  recordedAt: Defaulted<Date>;
}

export interface DigitizationHandoverListTable {
  id: Generated<string>;
  projectId: string;
  code: string;
  direction: DigitizationHandoverDirection;
  handedAt: Date;
  clientHandlerName: string;
  agencyHandlerName: string;
  note: string | null;
  digest: string;
  status: Defaulted<DigitizationHandoverStatus>;
  confirmedAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
  createdBy: string | null;
  createdAt: Defaulted<Date>;
}

export interface DigitizationHandoverLineTable {
  listId: string;
  volumeId: string;
  itemCount: number;
  pages: number | null;
  quality: string;
  note: string | null;
}

export interface DigitizationConditionTable {
  id: Generated<string>;
  volumeId: string;
  stage: DigitizationConditionStage;
  condition: DigitizationCondition;
  note: string | null;
  incidentId: string | null;
  recordedBy: string | null;
  recordedAt: Defaulted<Date>;
}

export interface DigitizationStationHandoverTable {
  id: Generated<string>;
  projectId: string;
  batchId: string;
  fromWorkstationId: string | null;
  toWorkstationId: string | null;
  content: string;
  volumeCount: number;
  itemCount: number;
  handedAt: Date;
  giverPersonId: string | null;
  giverName: string;
  receiverPersonId: string | null;
  receiverName: string;
  reason: string | null;
  recordedBy: string | null;
  recordedAt: Defaulted<Date>;
}

export interface DigitizationStationHandoverVolumeTable {
  handoverId: string;
  volumeId: string;
}

export interface DigitizationStopTable {
  id: Generated<string>;
  projectId: string;
  volumeId: string;
  reason: DigitizationStopReason;
  description: string;
  evidence: string | null;
  stoppedBy: string | null;
  stoppedSource: Defaulted<"manual" | "system">;
  stoppedAt: Defaulted<Date>;
  resolution: "resumed" | "withdrawn" | null;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

export interface DigitizationReturnCheckTable {
  listId: string;
  volumeId: string;
  outcome: DigitizationReturnOutcome;
  note: string | null;
  checkedBy: string | null;
  checkedAt: Defaulted<Date>;
}

export interface DigitizationOriginalsTables {
  digitizationVolume: DigitizationVolumeTable;
  digitizationBatch: DigitizationBatchTable;
  digitizationBatchVolume: DigitizationBatchVolumeTable;
  digitizationTemporaryStorage: DigitizationTemporaryStorageTable;
  digitizationHandoverList: DigitizationHandoverListTable;
  digitizationHandoverLine: DigitizationHandoverLineTable;
  digitizationCondition: DigitizationConditionTable;
  digitizationStationHandover: DigitizationStationHandoverTable;
  digitizationStationHandoverVolume: DigitizationStationHandoverVolumeTable;
  digitizationStop: DigitizationStopTable;
  digitizationReturnCheck: DigitizationReturnCheckTable;
}
