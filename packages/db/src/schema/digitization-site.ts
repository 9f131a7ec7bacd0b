// Digitization site tables (migration 0014, Z-5.5–Z-5.8, Z-7.1, Z-7.2, Z-7.5–Z-7.7, Z-8.3):
// workstations and assignments, people and the entry log, cameras, devices and take-outs,
// ports and seal tests, media, copy events, media handovers with manifest and verifications.
import type { ColumnType, Generated } from "kysely";
import type { DateString, Defaulted } from "./columns.ts";

type Bigint = ColumnType<number, number, number>;

export type DigitizationWorkstationKind =
  | "preparation"
  | "scanning"
  | "image_processing"
  | "quality_control"
  | "metadata"
  | "linking"
  | "packaging";

export interface DigitizationWorkstationTable {
  id: Generated<string>;
  projectId: string;
  code: string;
  kind: DigitizationWorkstationKind;
  name: string;
  createdBy: string | null;
  createdAt: Defaulted<Date>;
}

export interface DigitizationPersonTable {
  id: Generated<string>;
  projectId: string;
  userId: string | null;
  orgId: string;
  name: string;
  idNumber: string;
  badgeNo: string | null;
  role: string;
  status: Defaulted<"active" | "revoked">;
  designatedOperator: Defaulted<boolean>;
  registeredBy: string | null;
  registeredAt: Defaulted<Date>;
  revokedBy: string | null;
  revokedAt: Date | null;
}

export interface DigitizationWorkstationAssignmentTable {
  id: Generated<string>;
  workstationId: string;
  personId: string;
  post: string;
  assignedBy: string | null;
  assignedAt: Defaulted<Date>;
}

export interface DigitizationEntryLogTable {
  id: Generated<string>;
  projectId: string;
  personId: string;
  day: DateString;
  checkedAt: Defaulted<Date>;
  checkedBy: string | null;
  outcome: "admitted" | "refused";
  bannedItems: Defaulted<string[]>;
  note: string | null;
  incidentId: string | null;
  exitedAt: Date | null;
  exitRecordedBy: string | null;
}

export interface DigitizationCameraTable {
  id: Generated<string>;
  projectId: string;
  label: string;
  workstationId: string | null;
  area: string | null;
  recordingsHeldBy: Defaulted<"client" | "agency">;
  retentionDays: number;
  status: Defaulted<"active" | "removed">;
  registeredBy: string | null;
  registeredAt: Defaulted<Date>;
}

export type DigitizationDeviceKind =
  | "scanner"
  | "camera"
  | "computer"
  | "server"
  | "storage"
  | "printer"
  | "network"
  | "other";
export type DigitizationDisposition = "retained_by_client" | "handed_to_client" | "removed_by_agency";

export interface DigitizationDeviceTable {
  id: Generated<string>;
  projectId: string;
  kind: DigitizationDeviceKind;
  name: string;
  serial: string;
  owner: "client" | "agency";
  storesData: boolean;
  custodianPersonId: string | null;
  workstationId: string | null;
  designatedStorage: Defaulted<boolean>;
  disposition: DigitizationDisposition | null;
  dispositionNote: string | null;
  dispositionBy: string | null;
  dispositionAt: Date | null;
  registeredBy: string | null;
  registeredAt: Defaulted<Date>;
}

export type DigitizationDeviceExitStatus = "requested" | "approved" | "rejected" | "out" | "returned";

export interface DigitizationDeviceExitTable {
  id: Generated<string>;
  deviceId: string;
  projectId: string;
  reason: string;
  status: Defaulted<DigitizationDeviceExitStatus>;
  requestedBy: string | null;
  requestedAt: Defaulted<Date>;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  exitedAt: Date | null;
  exitBy: string | null;
  returnedAt: Date | null;
  returnBy: string | null;
  returnNote: string | null;
}

export type DigitizationPortKind = "usb" | "network" | "optical" | "printer" | "wireless" | "other";

export interface DigitizationPortTable {
  id: Generated<string>;
  deviceId: string;
  kind: DigitizationPortKind;
  label: string;
  state: "sealed" | "needed";
  workstationId: string | null;
  personId: string | null;
  post: string | null;
  registeredBy: string | null;
  registeredAt: Defaulted<Date>;
}

export interface DigitizationSealTestTable {
  id: Generated<string>;
  portId: string;
  testedAt: Defaulted<Date>;
  testedBy: string | null;
  result: "intact" | "broken";
  note: string | null;
  incidentId: string | null;
}

export interface DigitizationMediaHandoverTable {
  id: Generated<string>;
  projectId: string;
  handedBy: string | null;
  handedAt: Defaulted<Date>;
  receivedByName: string;
  note: string | null;
  manifestDigest: string;
  fileCount: number;
  totalBytes: Bigint;
  verifiedOutcome: "match" | "mismatch" | null;
  verifiedBy: string | null;
  verifiedAt: Date | null;
}

export type DigitizationMediaKind = "hdd" | "ssd" | "usb" | "optical" | "tape" | "other";
export type DigitizationMediaStatus = "in_use" | "handed_to_client" | "destroyed";

export interface DigitizationMediaTable {
  id: Generated<string>;
  projectId: string;
  label: string;
  kind: DigitizationMediaKind;
  capacityGb: number;
  custodianPersonId: string | null;
  purpose: "results" | "backup";
  status: Defaulted<DigitizationMediaStatus>;
  handoverId: string | null;
  registeredBy: string | null;
  registeredAt: Defaulted<Date>;
}

export interface DigitizationManifestFileTable {
  handoverId: string;
  path: string;
  sizeBytes: Bigint;
  sm3: string;
  sha256: string;
}

export interface DigitizationManifestVerificationTable {
  id: Generated<string>;
  handoverId: string;
  source: "upload" | "cli";
  outcome: "match" | "mismatch";
  missing: Defaulted<string[]>;
  extra: Defaulted<string[]>;
  mismatched: Defaulted<string[]>;
  verifiedBy: string | null;
  verifiedAt: Defaulted<Date>;
}

export interface DigitizationCopyEventTable {
  id: Generated<string>;
  projectId: string;
  deviceId: string;
  personId: string;
  mediaId: string | null;
  action: "store" | "download" | "copy";
  description: string;
  fileCount: number | null;
  at: Defaulted<Date>;
  recordedBy: string | null;
}

export interface DigitizationSiteTables {
  digitizationWorkstation: DigitizationWorkstationTable;
  digitizationPerson: DigitizationPersonTable;
  digitizationWorkstationAssignment: DigitizationWorkstationAssignmentTable;
  digitizationEntryLog: DigitizationEntryLogTable;
  digitizationCamera: DigitizationCameraTable;
  digitizationDevice: DigitizationDeviceTable;
  digitizationDeviceExit: DigitizationDeviceExitTable;
  digitizationPort: DigitizationPortTable;
  digitizationSealTest: DigitizationSealTestTable;
  digitizationMediaHandover: DigitizationMediaHandoverTable;
  digitizationMedia: DigitizationMediaTable;
  digitizationManifestFile: DigitizationManifestFileTable;
  digitizationManifestVerification: DigitizationManifestVerificationTable;
  digitizationCopyEvent: DigitizationCopyEventTable;
}
