// The digitization site (Z-5.5–Z-5.8, Z-7.1, Z-7.2, Z-7.5–Z-7.7, Z-8.3): shapes
// and calls of /api/digitization-site, and the labels of its codes.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";

const B = "/api/digitization-site";
const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const WORKSTATION_KIND = {
  preparation: b("整理", "Preparation"),
  scanning: b("扫描", "Scanning"),
  image_processing: b("图像处理", "Image processing"),
  quality_control: b("质检", "Quality control"),
  metadata: b("著录", "Metadata"),
  linking: b("挂接", "Linking"),
  packaging: b("打包", "Packaging"),
} as const;
export type WorkstationKind = keyof typeof WORKSTATION_KIND;

export const BANNED_ITEM = {
  phone: b("手机", "Phone"),
  camera: b("照相机", "Camera"),
  recorder: b("摄录设备", "Recorder"),
  removable_medium: b("移动存储介质", "Removable medium"),
} as const;
export type BannedItem = keyof typeof BANNED_ITEM;

export const DEVICE_KIND = {
  scanner: b("扫描仪", "Scanner"),
  camera: b("数码相机", "Camera"),
  computer: b("计算机", "Computer"),
  server: b("服务器", "Server"),
  storage: b("存储设备", "Storage"),
  printer: b("打印机", "Printer"),
  network: b("网络设备", "Network"),
  other: b("其他", "Other"),
} as const;
export type DeviceKind = keyof typeof DEVICE_KIND;

export const DISPOSITION = {
  retained_by_client: b("委托方留存", "Retained by the client"),
  handed_to_client: b("交委托方处置", "Handed to the client"),
  removed_by_agency: b("机构带回", "Taken back by the agency"),
} as const;
export type Disposition = keyof typeof DISPOSITION;

export const EXIT_STATUS = {
  requested: { ...b("待委托方批准", "Awaiting the client"), color: "gold" },
  approved: { ...b("已批准", "Approved"), color: "blue" },
  rejected: { ...b("未批准", "Rejected"), color: "default" },
  out: { ...b("已带出", "Out"), color: "orange" },
  returned: { ...b("已带回", "Returned"), color: "green" },
} as const;
export type ExitStatus = keyof typeof EXIT_STATUS;

export const PORT_KIND = {
  usb: b("USB 接口", "USB"),
  network: b("网络接口", "Network"),
  optical: b("光驱", "Optical drive"),
  printer: b("打印输出", "Printer"),
  wireless: b("无线（WiFi/蓝牙）", "Wireless"),
  other: b("其他", "Other"),
} as const;
export type PortKind = keyof typeof PORT_KIND;

export const MEDIA_KIND = {
  hdd: b("移动硬盘", "Hard disk"),
  ssd: b("固态硬盘", "SSD"),
  usb: b("U 盘", "USB stick"),
  optical: b("光盘", "Optical disc"),
  tape: b("磁带", "Tape"),
  other: b("其他", "Other"),
} as const;
export type MediaKind = keyof typeof MEDIA_KIND;

export const MEDIA_STATUS = {
  in_use: { ...b("在用", "In use"), color: "blue" },
  handed_to_client: { ...b("已移交委托方", "Handed to the client"), color: "green" },
  destroyed: { ...b("已销毁", "Destroyed"), color: "default" },
} as const;

export const COPY_ACTION = {
  store: b("存储", "Store"),
  download: b("下载", "Download"),
  copy: b("拷贝", "Copy"),
} as const;

export const OPEN_POINT = {
  no_results_media: b("尚未登记成果介质", "No results medium registered"),
  no_handover: b("尚未办理成果移交", "No handover yet"),
  media_not_handed: b("介质未移交", "Medium not handed over"),
  manifest_not_verified: b("委托方尚未核验清单", "The client has not verified the manifest"),
  manifest_mismatch: b("清单核验不一致", "The manifest did not verify"),
  no_copy_not_confirmed: b("机构尚未确认不留存成果", "The agency has not confirmed it keeps no copy"),
} as const;

export interface Permissions {
  register: boolean;
  record: boolean;
  clientDecide: boolean;
  confirmNoCopy: boolean;
  seeIdNumbers: boolean;
}

export type CoverageGap =
  | { kind: "workstation"; workstationId: string; code: string; name: string }
  | { kind: "area"; area: string }
  | { kind: "recordings_not_with_client"; cameraId: string; label: string }
  | { kind: "retention_short"; cameraId: string; label: string; retentionDays: number; minimumDays: number };

export interface OpenPoint {
  kind: keyof typeof OPEN_POINT;
  label?: string;
  mediaId?: string;
  handoverId?: string;
}

export interface Assignment {
  id: string;
  workstationId: string;
  personId: string;
  personName: string;
  badgeNo: string | null;
  post: string;
}
export interface Workstation {
  id: string;
  code: string;
  kind: WorkstationKind;
  name: string;
  assignments: Assignment[];
}
export interface Person {
  id: string;
  name: string;
  idNumber: string;
  badgeNo: string | null;
  role: string;
  orgName: string;
  status: "active" | "revoked";
  designatedOperator: boolean;
  onSite: boolean;
  registeredAt: string;
}
export interface Entry {
  id: string;
  personId: string;
  personName: string;
  badgeNo: string | null;
  day: string;
  checkedAt: string;
  outcome: "admitted" | "refused";
  bannedItems: BannedItem[];
  incidentId: string | null;
  exitedAt: string | null;
  note: string | null;
}
export interface Camera {
  id: string;
  label: string;
  workstationId: string | null;
  workstationCode: string | null;
  area: string | null;
  recordingsHeldBy: "client" | "agency";
  retentionDays: number;
  status: "active" | "removed";
}
export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
  serial: string;
  owner: "client" | "agency";
  storesData: boolean;
  custodianName: string | null;
  workstationCode: string | null;
  designatedStorage: boolean;
  disposition: Disposition | null;
  exitStatus: ExitStatus | null;
}
export interface DeviceExit {
  id: string;
  deviceId: string;
  deviceName: string;
  serial: string;
  reason: string;
  status: ExitStatus;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  exitedAt: string | null;
  returnedAt: string | null;
}
export interface Port {
  id: string;
  deviceId: string;
  deviceName: string;
  serial: string;
  kind: PortKind;
  label: string;
  state: "sealed" | "needed";
  workstationCode: string | null;
  personName: string | null;
  post: string | null;
  lastTestedAt: string | null;
  lastResult: "intact" | "broken" | null;
  dueAt: string | null;
  overdue: boolean;
}
export interface SealTest {
  id: string;
  portId: string;
  portLabel: string;
  deviceName: string;
  testedAt: string;
  testedByName: string | null;
  result: "intact" | "broken";
  note: string | null;
  incidentId: string | null;
}
export interface Media {
  id: string;
  label: string;
  kind: MediaKind;
  capacityGb: number;
  purpose: "results" | "backup";
  status: keyof typeof MEDIA_STATUS;
  custodianName: string | null;
  handoverId: string | null;
}
export interface CopyEvent {
  id: string;
  deviceName: string;
  personName: string;
  mediaLabel: string | null;
  action: keyof typeof COPY_ACTION;
  description: string;
  fileCount: number | null;
  at: string;
}
export interface Handover {
  id: string;
  handedAt: string;
  receivedByName: string;
  manifestDigest: string;
  fileCount: number;
  totalBytes: number;
  verifiedOutcome: "match" | "mismatch" | null;
  verifiedAt: string | null;
  noCopyConfirmed: boolean;
  mediaCount: number;
}
export interface Verification {
  id: string;
  source: "upload" | "cli";
  outcome: "match" | "mismatch";
  missing: string[];
  extra: string[];
  mismatched: string[];
  verifiedAt: string;
}
export interface Dashboard {
  project: { id: string; code: string; name: string; status: string; clientName: string; agencyName: string };
  permissions: Permissions;
  config: { cameraRetentionDays: number; sealTestIntervalDays: number; unverified: boolean };
  coverageGaps: CoverageGap[];
  cameraCount: number;
  onSite: {
    entryId: string;
    personId: string;
    name: string;
    badgeNo: string | null;
    role: string;
    checkedAt: string;
  }[];
  deviceExits: DeviceExit[];
  overdueSealTests: Port[];
  openIncidents: {
    id: string;
    title: string;
    severity: string;
    status: string;
    openedAt: string;
    clauseId: string | null;
  }[];
  handoverOpenPoints: OpenPoint[];
  openDispositions: { id: string; name: string; serial: string; owner: string; storesData: boolean }[];
}

const P = (id: string) => `${B}/projects/${id}`;

export const siteApi = {
  summary: (signal?: AbortSignal) =>
    api.get<{ projects: number; overdueSealTests: number; devicesOut: number; awaitingApproval: number }>(
      `${B}/summary`,
      {},
      signal,
    ),
  dashboard: (id: string, signal?: AbortSignal) => api.get<Dashboard>(`${P(id)}/dashboard`, {}, signal),
  workstations: (id: string, signal?: AbortSignal) =>
    api.get<Workstation[]>(`${P(id)}/workstations`, {}, signal),
  createWorkstation: (id: string, body: { code: string; kind: WorkstationKind; name: string }) =>
    api.post<Workstation>(`${P(id)}/workstations`, body),
  assign: (workstationId: string, body: { personId: string; post: string }) =>
    api.post(`${B}/workstations/${workstationId}/assignments`, body),
  people: (id: string, q: Query, signal?: AbortSignal) => api.get<Page<Person>>(`${P(id)}/people`, q, signal),
  peopleExportUrl: (id: string, q: Query) => buildUrl(`${P(id)}/people/export.xlsx`, q),
  register: (id: string, body: Record<string, unknown>) => api.post<Person>(`${P(id)}/people`, body),
  revoke: (personId: string) => api.post(`${B}/people/${personId}/revoke`),
  designatePerson: (personId: string, designated: boolean) =>
    api.post(`${B}/people/${personId}/designation`, { designated }),
  entries: (id: string, q: Query, signal?: AbortSignal) =>
    api.get<Page<Entry>>(`${P(id)}/entries`, q, signal),
  checkIn: (id: string, body: Record<string, unknown>) =>
    api.post<Entry & { refusal?: { code: string; clause: string; message: Bilingual } }>(
      `${P(id)}/entries`,
      body,
    ),
  checkOut: (entryId: string) => api.post(`${B}/entries/${entryId}/exit`),
  cameras: (id: string, signal?: AbortSignal) =>
    api.get<{ cameras: Camera[]; gaps: CoverageGap[] }>(`${P(id)}/cameras`, {}, signal),
  addCamera: (id: string, body: Record<string, unknown>) => api.post(`${P(id)}/cameras`, body),
  removeCamera: (cameraId: string) => api.post(`${B}/cameras/${cameraId}/remove`),
  devices: (id: string, q: Query, signal?: AbortSignal) =>
    api.get<Page<Device>>(`${P(id)}/devices`, q, signal),
  devicesExportUrl: (id: string, q: Query) => buildUrl(`${P(id)}/devices/export.xlsx`, q),
  addDevice: (id: string, body: Record<string, unknown>) => api.post<Device>(`${P(id)}/devices`, body),
  designateDevice: (deviceId: string, designated: boolean) =>
    api.post(`${B}/devices/${deviceId}/designation`, { designated }),
  dispose: (deviceId: string, disposition: Disposition) =>
    api.post(`${B}/devices/${deviceId}/disposition`, { disposition }),
  exits: (id: string, signal?: AbortSignal) => api.get<DeviceExit[]>(`${P(id)}/device-exits`, {}, signal),
  requestExit: (deviceId: string, reason: string) => api.post(`${B}/devices/${deviceId}/exits`, { reason }),
  decideExit: (exitId: string, approve: boolean) =>
    api.post(`${B}/device-exits/${exitId}/decision`, { approve }),
  recordExit: (exitId: string) => api.post(`${B}/device-exits/${exitId}/exit`),
  recordReturn: (exitId: string) => api.post(`${B}/device-exits/${exitId}/return`, {}),
  ports: (id: string, signal?: AbortSignal) =>
    api.get<{ ports: Port[]; tests: SealTest[]; intervalDays: number; unverified: boolean }>(
      `${P(id)}/ports`,
      {},
      signal,
    ),
  addPort: (deviceId: string, body: Record<string, unknown>) =>
    api.post(`${B}/devices/${deviceId}/ports`, body),
  sealTest: (portId: string, body: { result: "intact" | "broken"; note?: string }) =>
    api.post<SealTest>(`${B}/ports/${portId}/seal-tests`, body),
  media: (id: string, signal?: AbortSignal) =>
    api.get<{ media: Media[]; copies: CopyEvent[]; handovers: Handover[] }>(`${P(id)}/media`, {}, signal),
  addMedia: (id: string, body: Record<string, unknown>) => api.post(`${P(id)}/media`, body),
  recordCopy: (id: string, body: Record<string, unknown>) => api.post(`${P(id)}/copies`, body),
  handOver: (id: string, body: Record<string, unknown>) => api.post<Handover>(`${P(id)}/handovers`, body),
  verify: (handoverId: string, manifest: string) =>
    api.post<Verification>(`${B}/handovers/${handoverId}/verify`, { manifest }),
  noCopy: (handoverId: string) => api.post(`${B}/handovers/${handoverId}/no-copy`),
  manifestUrl: (handoverId: string) => `${B}/handovers/${handoverId}/manifest.csv`,
};
