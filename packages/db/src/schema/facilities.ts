// Facilities tables (migration 0003), camelCased for Kysely. The migration also
// adds site.emergency_plan_attachment_id (typed in custody-core.ts SiteTable).
import type { Generated } from "kysely";
import type { CreatedAt, DateString, Defaulted, Numeric, Timestamp } from "./columns.ts";

export interface FacilityRoomTable {
  id: Generated<string>;
  agencyOrgId: string;
  siteId: string;
  roomFunction: "storage" | "public_service" | "technical" | "office" | "ancillary";
  name: string;
  areaM2: Numeric | null;
  vaultId: string | null;
  note: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface CameraTable {
  id: Generated<string>;
  agencyOrgId: string;
  siteId: string;
  vaultId: string | null;
  code: string;
  covers: Defaulted<string[]>;
  recordingAllDay: Defaulted<boolean>;
  retentionDays: number | null;
  note: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface FireAlarmTable {
  id: Generated<string>;
  agencyOrgId: string;
  siteId: string;
  vaultId: string | null;
  code: string;
  detector: "smoke" | "heat" | "flame" | "gas" | "manual_call_point";
  covers: Defaulted<string[]>;
  note: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface ProtectiveEquipmentTable {
  id: Generated<string>;
  agencyOrgId: string;
  siteId: string;
  vaultId: string | null;
  kind:
    | "temperature_humidity_monitor"
    | "climate_control"
    | "dehumidifier"
    | "fire_extinguisher"
    | "fire_suppression"
    | "anti_theft"
    | "disinfection";
  name: string;
  model: string | null;
  serialNumber: string | null;
  quantity: Defaulted<number>;
  checkIntervalDays: number;
  lastCheckedOn: DateString | null;
  nextDueOn: DateString;
  status: Defaulted<"in_service" | "faulty" | "retired">;
  note: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface EquipmentMaintenanceTable {
  id: Generated<string>;
  equipmentId: string;
  agencyOrgId: string;
  kind: "check" | "maintenance" | "repair";
  performedOn: DateString;
  performedByName: string;
  recordedBy: string | null;
  result: "ok" | "fault_found" | "fixed";
  note: string | null;
  nextDueOn: DateString;
  createdAt: CreatedAt;
}

export interface VaultKeyHolderTable {
  vaultId: string;
  userId: string;
  agencyOrgId: string;
  device: "key" | "access_card" | "password" | "biometric";
  issuedOn: DateString | null;
  note: string | null;
  createdAt: CreatedAt;
}

export interface StaffMemberTable {
  id: Generated<string>;
  agencyOrgId: string;
  userId: string | null;
  name: string;
  idNumber: string | null;
  titleLevel: Defaulted<"none" | "junior" | "intermediate" | "senior">;
  archiveProfessional: Defaulted<boolean>;
  position: string | null;
  employedSince: DateString | null;
  active: Defaulted<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface StaffTrainingTable {
  id: Generated<string>;
  staffId: string;
  agencyOrgId: string;
  heldOn: DateString;
  course: string;
  hours: Numeric;
  provider: string | null;
  certificateAttachmentId: string | null;
  createdAt: CreatedAt;
}

export interface FacilitiesTables {
  facilityRoom: FacilityRoomTable;
  camera: CameraTable;
  fireAlarm: FireAlarmTable;
  protectiveEquipment: ProtectiveEquipmentTable;
  equipmentMaintenance: EquipmentMaintenanceTable;
  vaultKeyHolder: VaultKeyHolderTable;
  staffMember: StaffMemberTable;
  staffTraining: StaffTrainingTable;
}
