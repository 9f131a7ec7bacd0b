// The facilities API (sites, vaults, equipment, staff, locations, compliance),
// typed for the pages of this feature.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";

export type Zone =
  | "paper"
  | "special_collection"
  | "audiovisual_tape"
  | "copy_film"
  | "master_film"
  | "optical_disc"
  | "electronic"
  | "photo";
export type RoomFunction = "storage" | "public_service" | "technical" | "office" | "ancillary";
export type EquipmentKind =
  | "temperature_humidity_monitor"
  | "climate_control"
  | "dehumidifier"
  | "fire_extinguisher"
  | "fire_suppression"
  | "anti_theft"
  | "disinfection";
export type TitleLevel = "none" | "junior" | "intermediate" | "senior";
export type KeyDevice = "key" | "access_card" | "password" | "biometric";
export type Body = Record<string, unknown>;

export interface Permissions {
  manage: boolean;
  maintain: boolean;
  seeAllBoxes: boolean;
}

export interface Finding {
  clause: string;
  item: string;
  label: Bilingual;
  ok: boolean;
  measured: number | string | null;
  required: string;
}

export interface Site {
  id: string;
  agencyOrgId: string;
  agencyName: string;
  name: string;
  address: string | null;
  district: string | null;
  updatedAt: string;
  vaultCount?: number;
}
export interface Room {
  id: string;
  roomFunction: RoomFunction;
  name: string;
  areaM2: number | null;
  vaultId: string | null;
  note: string | null;
}
export interface Device {
  id: string;
  code: string;
  vaultId: string | null;
  covers: string[];
  recordingAllDay?: boolean;
  retentionDays?: number | null;
  detector?: string;
  note: string | null;
}
export interface SiteDetail extends Site {
  checklist: { key: string; clause: string; label: Bilingual; answer: boolean | null }[];
  rooms: Room[];
  cameras: Device[];
  fireAlarms: Device[];
  vaults: { id: string; code: string; name: string; floorAreaM2: number | null; shelvingType: string }[];
  emergencyPlan: { id: string; filename: string; sm3: string; createdAt: string } | null;
  permissions: Permissions;
}

export interface Measurements {
  floorAreaM2: number | null;
  clearHeightM: number | null;
  floorLoadKnM2: number | null;
  shelvingType: "compact" | "fixed";
  fireWallZoneH: number | null;
  fireWallRoomH: number | null;
  fireWallInnerH: number | null;
  mainAisleM: number | null;
  rowSpacingM: number | null;
  endClearanceM: number | null;
  backClearanceM: number | null;
}
export interface Vault extends Measurements {
  id: string;
  agencyOrgId: string;
  siteId: string;
  code: string;
  name: string;
  keeperUserId: string | null;
  keeperName: string | null;
  siteName: string;
  agencyName: string;
  locationCount: number;
  overdueEquipment?: number;
}
export interface VaultDetail extends Vault {
  keyHolders: {
    userId: string;
    displayName: string;
    active: boolean;
    device: KeyDevice;
    issuedOn: string | null;
  }[];
  capacityTotal: number;
  permissions: Permissions;
}

export interface Equipment {
  id: string;
  siteId: string;
  vaultId: string | null;
  kind: EquipmentKind;
  name: string;
  model: string | null;
  serialNumber: string | null;
  quantity: number;
  checkIntervalDays: number;
  lastCheckedOn: string | null;
  nextDueOn: string;
  status: "in_service" | "faulty" | "retired";
  overdue: boolean;
  siteName?: string;
  agencyName?: string;
  vaultCode?: string | null;
}
export interface Maintenance {
  id: string;
  kind: "check" | "maintenance" | "repair";
  performedOn: string;
  performedByName: string;
  recordedByName: string | null;
  result: "ok" | "fault_found" | "fixed";
  note: string | null;
  nextDueOn: string;
}

export interface Staff {
  id: string;
  agencyOrgId: string;
  agencyName?: string;
  name: string;
  userId: string | null;
  username?: string | null;
  idNumber: string | null;
  titleLevel: TitleLevel;
  archiveProfessional: boolean;
  position: string | null;
  employedSince: string | null;
  active: boolean;
  trainingHoursLastYear?: number;
  trainingCount?: number;
}
export interface Training {
  id: string;
  heldOn: string;
  course: string;
  hours: number;
  provider: string | null;
  certificateAttachmentId: string | null;
  certificateFilename: string | null;
}

export interface Location {
  id: string;
  code: string;
  rowNo: number;
  columnNo: number;
  sectionNo: number;
  shelfNo: number;
  zone: Zone;
  capacity: number;
  occupied: number;
}
export interface BoxAt {
  id: string;
  boxNo: string;
  barcode: string;
  status: string;
  carrier: string;
  clientName: string;
  projectCode: string;
}

export interface VaultCompliance {
  vault: { id: string; code: string; name: string; agencyName: string };
  evaluatedAt: string;
  today: string;
  siteName: string;
  settings: { minRetentionDays: { value: number; source: string; status: string } };
  findings: Finding[];
  summary: { total: number; passed: number; failed: number; failedClauses: string[] };
}
/** Every agency with vaults the caller may read, with its failed findings (G-7). */
export interface AreaCompliance {
  evaluatedAt: string;
  items: {
    id: string;
    name: string;
    district: string;
    vaultCount: number;
    failedCount: number;
    failed: { clause: string; item: string; label: { zh: string; en: string }; vaultCode: string }[];
  }[];
}
export interface AgencyCompliance {
  agency: { id: string; name: string; district: string };
  evaluatedAt: string;
  staff: Finding;
  staffCount: number;
  settings: VaultCompliance["settings"];
  vaults: {
    id: string;
    code: string;
    name: string;
    siteName: string;
    total: number;
    failed: number;
    failedClauses: string[];
    failedItems: { clause: string; item: string; label: Bilingual }[];
  }[];
}

export const facilitiesApi = {
  sites: (q: Query, signal?: AbortSignal) => api.get<Page<Site>>("/api/sites", q, signal),
  sitesExportUrl: (q: Query) => buildUrl("/api/sites/export.xlsx", q),
  site: (id: string) => api.get<SiteDetail>(`/api/sites/${id}`),
  createSite: (body: Body) => api.post<Site>("/api/sites", body),
  updateSite: (id: string, body: Body) => api.patch<Site>(`/api/sites/${id}`, body),
  addRoom: (siteId: string, body: Body) => api.post<Room>(`/api/sites/${siteId}/rooms`, body),
  removeRoom: (id: string) => api.delete<{ ok: true }>(`/api/rooms/${id}`),
  addCamera: (siteId: string, body: Body) => api.post<Device>(`/api/sites/${siteId}/cameras`, body),
  removeCamera: (id: string) => api.delete<{ ok: true }>(`/api/cameras/${id}`),
  addFireAlarm: (siteId: string, body: Body) => api.post<Device>(`/api/sites/${siteId}/fire-alarms`, body),
  removeFireAlarm: (id: string) => api.delete<{ ok: true }>(`/api/fire-alarms/${id}`),

  vaults: (q: Query, signal?: AbortSignal) => api.get<Page<Vault>>("/api/vaults", q, signal),
  vaultsExportUrl: (q: Query) => buildUrl("/api/vaults/export.xlsx", q),
  vault: (id: string) => api.get<VaultDetail>(`/api/vaults/${id}`),
  createVault: (body: Body) => api.post<Vault>("/api/vaults", body),
  updateVault: (id: string, body: Body) => api.patch<Vault>(`/api/vaults/${id}`, body),
  addKeyHolder: (id: string, body: Body) => api.post<{ ok: true }>(`/api/vaults/${id}/key-holders`, body),
  removeKeyHolder: (id: string, userId: string) =>
    api.delete<{ ok: true }>(`/api/vaults/${id}/key-holders/${userId}`),
  compliance: (id: string, q?: Query) => api.get<VaultCompliance>(`/api/vaults/${id}/compliance`, q),
  agencyCompliance: (agencyId: string, q?: Query) =>
    api.get<AgencyCompliance>(`/api/agencies/${agencyId}/compliance`, q),
  areaCompliance: (q?: Query) => api.get<AreaCompliance>("/api/compliance/agencies", q),

  equipment: (q: Query, signal?: AbortSignal) =>
    api.get<Page<Equipment> & { today: string }>("/api/equipment", q, signal),
  equipmentExportUrl: (q: Query) => buildUrl("/api/equipment/export.xlsx", q),
  addEquipment: (vaultId: string, body: Body) =>
    api.post<Equipment>(`/api/vaults/${vaultId}/equipment`, body),
  updateEquipment: (id: string, body: Body) => api.patch<Equipment>(`/api/equipment/${id}`, body),
  maintenance: (id: string) =>
    api.get<{ equipment: Equipment; items: Maintenance[] }>(`/api/equipment/${id}/maintenance`),
  recordMaintenance: (id: string, body: Body) =>
    api.post<Maintenance>(`/api/equipment/${id}/maintenance`, body),

  staff: (q: Query, signal?: AbortSignal) => api.get<Page<Staff>>("/api/staff", q, signal),
  staffExportUrl: (q: Query) => buildUrl("/api/staff/export.xlsx", q),
  staffMember: (id: string) =>
    api.get<Staff & { trainings: Training[]; permissions: Permissions }>(`/api/staff/${id}`),
  createStaff: (body: Body) => api.post<Staff>("/api/staff", body),
  updateStaff: (id: string, body: Body) => api.patch<Staff>(`/api/staff/${id}`, body),
  addTraining: (id: string, body: Body) => api.post<Training>(`/api/staff/${id}/trainings`, body),

  locations: (vaultId: string, q: Query, signal?: AbortSignal) =>
    api.get<Page<Location>>(`/api/vaults/${vaultId}/locations`, q, signal),
  locationsExportUrl: (vaultId: string, q: Query) =>
    buildUrl(`/api/vaults/${vaultId}/locations/export.xlsx`, q),
  labelsUrl: (vaultId: string, q: Query) => buildUrl(`/api/vaults/${vaultId}/locations/labels.pdf`, q),
  generate: (vaultId: string, body: Body) =>
    api.post<{ created: number; first: string; last: string }>(
      `/api/vaults/${vaultId}/locations/generate`,
      body,
    ),
  map: (vaultId: string) =>
    api.get<{ vault: { id: string; code: string; name: string }; ownBoxesOnly: boolean; cells: Location[] }>(
      `/api/vaults/${vaultId}/map`,
    ),
  boxesAt: (locationId: string) =>
    api.get<{ location: Location; boxes: BoxAt[] }>(`/api/locations/${locationId}/boxes`),
};
