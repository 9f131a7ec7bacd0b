// The originals of a digitization project (Z-6.1–Z-8.1): shapes and calls of
// /api/digitization (volumes, handover lists, batches, the board, stops, return).
import { ApiError, api, buildUrl, getCsrfToken, networkError, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";

export type Screening = "pending" | "cleared" | "flagged";
export type VolumeStatus = "registered" | "unshelved" | "at_agency" | "returned";
export type Direction = "to_agency" | "to_client";
export type ListStatus = "pending" | "confirmed" | "closed";
export type Condition = "good" | "fair" | "poor" | "damaged";
export type StopReason = "classified" | "damage" | "other";
export type CheckOutcome = "present" | "missing" | "damaged" | "extra";

export const SCREENING: Record<Screening, Bilingual & { color: string }> = {
  pending: { zh: "待筛查", en: "Not screened", color: "default" },
  cleared: { zh: "不涉密", en: "Cleared", color: "green" },
  flagged: { zh: "涉密·不外包", en: "Flagged classified", color: "red" },
};
export const VOLUME_STATUS: Record<VolumeStatus, Bilingual & { color: string }> = {
  registered: { zh: "已登记", en: "Registered", color: "default" },
  unshelved: { zh: "已下架", en: "Unshelved", color: "blue" },
  at_agency: { zh: "在机构", en: "With the agency", color: "gold" },
  returned: { zh: "已归还", en: "Returned", color: "green" },
};
export const DIRECTION: Record<Direction, Bilingual> = {
  to_agency: { zh: "出库移交", en: "Handover to agency" },
  to_client: { zh: "归还", en: "Return to client" },
};
export const LIST_STATUS: Record<ListStatus, Bilingual & { color: string }> = {
  pending: { zh: "待双方确认", en: "Awaiting confirmation", color: "orange" },
  confirmed: { zh: "双方已确认", en: "Confirmed by both", color: "green" },
  closed: { zh: "已注销", en: "Closed", color: "default" },
};
export const BATCH_STATUS: Record<Batch["status"], Bilingual & { color: string }> = {
  open: { zh: "待开始", en: "Not started", color: "default" },
  in_progress: { zh: "作业中", en: "In progress", color: "blue" },
  completed: { zh: "已完成", en: "Completed", color: "green" },
};
export const CONDITION: Record<Condition, Bilingual> = {
  good: { zh: "完好", en: "Good" },
  fair: { zh: "一般", en: "Fair" },
  poor: { zh: "较差", en: "Poor" },
  damaged: { zh: "损坏", en: "Damaged" },
};
export const STOP_REASON: Record<StopReason, Bilingual> = {
  classified: { zh: "发现涉密内容", en: "Classified content" },
  damage: { zh: "发现或发生损坏", en: "Damage" },
  other: { zh: "其他", en: "Other" },
};
export const OUTCOME: Record<CheckOutcome, Bilingual & { color: string }> = {
  present: { zh: "无误", en: "Present", color: "green" },
  missing: { zh: "缺失", en: "Missing", color: "red" },
  damaged: { zh: "损坏", en: "Damaged", color: "orange" },
  extra: { zh: "多出", en: "Extra", color: "purple" },
};

export interface Permissions {
  register: boolean;
  screen: boolean;
  unshelve: boolean;
  draftHandover: boolean;
  work: boolean;
  stop: boolean;
  decideStop: boolean;
  checkReturn: boolean;
}

export interface Volume {
  id: string;
  projectId: string;
  referenceCode: string;
  title: string;
  itemCount: number;
  expectedPages: number | null;
  screening: Screening;
  screeningNote: string | null;
  status: VolumeStatus;
  currentWorkstationId: string | null;
  workstationName: string | null;
  batchId: string | null;
  batchCode: string | null;
  withdrawnAt: string | null;
  openStopId: string | null;
  stopReason: StopReason | null;
}

export interface HandoverList {
  id: string;
  code: string;
  direction: Direction;
  handedAt: string;
  clientHandlerName: string;
  agencyHandlerName: string;
  note: string | null;
  digest: string;
  status: ListStatus;
  confirmedAt: string | null;
  closedAt: string | null;
  volumeCount?: number;
  itemCount?: number;
}
export interface HandoverDetail {
  list: HandoverList;
  lines: {
    volumeId: string;
    referenceCode: string;
    title: string;
    itemCount: number;
    pages: number | null;
    quality: string;
  }[];
  confirmations: { id: string; orgName: string; signerName: string; signedAt: string }[];
  returnCheck: { volumeId: string; outcome: CheckOutcome; note: string | null }[];
  permissions: Permissions & { confirm: boolean };
}

export interface Batch {
  id: string;
  code: string;
  title: string | null;
  status: "open" | "in_progress" | "completed";
  room: string | null;
  cabinet: string | null;
  custodianName: string | null;
  volumeCount?: number;
  startedAt: string | null;
}
export interface StationHandover {
  id: string;
  batchCode: string;
  fromName: string | null;
  toName: string | null;
  content: string;
  volumeCount: number;
  itemCount: number;
  handedAt: string;
  giverName: string;
  receiverName: string;
  reason: string | null;
}
export interface BoardColumn {
  id: string | null;
  code: string;
  name: string;
  kind: string;
  volumes: Volume[];
}
export interface Stop {
  id: string;
  volumeId: string;
  referenceCode: string;
  title: string;
  projectId: string;
  projectName: string;
  reason: StopReason;
  description: string;
  evidence: string | null;
  stoppedAt: string;
  stoppedByName: string | null;
  stoppedSource: "manual" | "system";
  resolution: "resumed" | "withdrawn" | null;
  resolvedAt: string | null;
}
export interface ChainEvent {
  at: string;
  kind: string;
  code?: string;
  direction?: Direction;
  condition?: Condition;
  fromName?: string | null;
  toName?: string | null;
  giverName?: string;
  receiverName?: string;
  content?: string;
  reason?: string | null;
  description?: string;
  outcome?: CheckOutcome;
  quality?: string;
}
export interface OpenPoint {
  kind: "volume_not_returned" | "open_stop" | "list_not_confirmed" | "handover_not_closed";
  id: string;
  label: string;
  clause: string;
}

export interface Workstation {
  id: string;
  code: string;
  name: string;
  kind: string;
  assignments: { personId: string; personName: string; post: string }[];
}

const P = (id: string) => `/api/digitization/projects/${id}`;

/** Multipart upload of the volume list; a refusal carries its problems by row and column. */
async function importVolumes(projectId: string, file: File): Promise<{ imported: number }> {
  const body = new FormData();
  body.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(`${P(projectId)}/volumes/import`, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { accept: "application/json", "x-csrf-token": getCsrfToken() ?? "" },
    });
  } catch {
    throw networkError();
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json);
  return json as { imported: number };
}

export const originalsApi = {
  volumes: (projectId: string, q: Query, signal?: AbortSignal) =>
    api.get<Page<Volume> & { permissions: Permissions }>(`${P(projectId)}/volumes`, q, signal),
  volumesExportUrl: (projectId: string, q: Query) => buildUrl(`${P(projectId)}/volumes/export.xlsx`, q),
  importVolumes,
  addVolume: (
    projectId: string,
    body: { referenceCode: string; title: string; itemCount: number; expectedPages?: number },
  ) => api.post<Volume>(`${P(projectId)}/volumes`, body),
  screen: (projectId: string, volumeIds: string[], outcome: "cleared" | "flagged", note?: string) =>
    api.post(`${P(projectId)}/volumes/screening`, { volumeIds, outcome, ...(note ? { note } : {}) }),
  unshelve: (projectId: string, volumeIds: string[]) =>
    api.post(`${P(projectId)}/volumes/unshelve`, { volumeIds }),
  chain: (volumeId: string) =>
    api.get<{
      volume: Volume;
      project: { id: string; code: string; name: string };
      events: ChainEvent[];
      permissions: Permissions;
    }>(`/api/digitization/volumes/${volumeId}/chain`),
  condition: (volumeId: string, body: { stage: "receipt" | "return"; condition: Condition; note?: string }) =>
    api.post(`/api/digitization/volumes/${volumeId}/condition`, body),
  stop: (volumeId: string, body: { reason: StopReason; description: string; evidence?: string }) =>
    api.post(`/api/digitization/volumes/${volumeId}/stop`, body),
  lists: (projectId: string) =>
    api.get<{ items: HandoverList[]; permissions: Permissions }>(`${P(projectId)}/handover-lists`),
  list: (id: string) => api.get<HandoverDetail>(`/api/digitization/handover-lists/${id}`),
  createList: (
    projectId: string,
    body: {
      direction: Direction;
      handedAt: string;
      clientHandlerName: string;
      agencyHandlerName: string;
      note?: string;
      lines: { volumeId: string; quality?: string }[];
    },
  ) => api.post<HandoverList>(`${P(projectId)}/handover-lists`, body),
  confirm: (id: string) => api.post<{ status: ListStatus }>(`/api/digitization/handover-lists/${id}/confirm`),
  pdfUrl: (id: string) => `/api/digitization/handover-lists/${id}/pdf`,
  checkReturn: (id: string, lines: { volumeId: string; outcome: CheckOutcome; note?: string }[]) =>
    api.post(`/api/digitization/handover-lists/${id}/return-check`, { lines }),
  close: (id: string) => api.post(`/api/digitization/handover-lists/${id}/close`),
  returnStatus: (projectId: string) =>
    api.get<{ complete: boolean; openPoints: OpenPoint[]; permissions: Permissions }>(
      `${P(projectId)}/return-status`,
    ),
  batches: (projectId: string) =>
    api.get<{ items: Batch[]; permissions: Permissions }>(`${P(projectId)}/batches`),
  batch: (id: string) =>
    api.get<{
      batch: Batch & { projectId: string };
      volumes: Volume[];
      handovers: StationHandover[];
      permissions: Permissions;
    }>(`/api/digitization/batches/${id}`),
  createBatch: (projectId: string, body: { code: string; title?: string; volumeIds?: string[] }) =>
    api.post<Batch>(`${P(projectId)}/batches`, body),
  addToBatch: (id: string, volumeIds: string[]) =>
    api.post(`/api/digitization/batches/${id}/volumes`, { volumeIds }),
  storage: (id: string, body: { room: string; cabinet: string; custodianPersonId: string }) =>
    api.post(`/api/digitization/batches/${id}/storage`, body),
  start: (id: string) => api.post(`/api/digitization/batches/${id}/start`),
  stationHandover: (
    id: string,
    body: {
      fromWorkstationId: string | null;
      toWorkstationId: string | null;
      volumeIds?: string[];
      content: string;
      quantity?: number;
      giverPersonId: string;
      receiverPersonId: string;
      reason?: string;
    },
  ) => api.post(`/api/digitization/batches/${id}/station-handovers`, body),
  board: (projectId: string) =>
    api.get<{ columns: BoardColumn[]; permissions: Permissions }>(`${P(projectId)}/board`),
  stationHandovers: (projectId: string, q: Query) =>
    api.get<{ items: StationHandover[] }>(`${P(projectId)}/station-handovers`, q),
  stops: (projectId: string, open?: boolean) =>
    api.get<{ items: Stop[] }>(`${P(projectId)}/stops`, open === undefined ? {} : { open }),
  openStops: () => api.get<{ items: Stop[] }>("/api/digitization/stops/open"),
  decide: (stopId: string, decision: "resume" | "withdraw", note?: string) =>
    api.post(`/api/digitization/stops/${stopId}/decision`, { decision, ...(note ? { note } : {}) }),
  /** Workstations with their posted people (the site module), for station handovers. */
  workstations: (projectId: string) =>
    api
      .get<Workstation[] | { items: Workstation[] }>(
        `/api/digitization-site/projects/${projectId}/workstations`,
      )
      .then((r) => (Array.isArray(r) ? r : r.items))
      .catch(() => [] as Workstation[]),
  /** People of the project's site, for the givers and receivers of a handover (the site module). */
  people: (projectId: string) =>
    api
      .get<{ items: { id: string; name: string; status: string }[] }>(
        `/api/digitization-site/projects/${projectId}/people`,
        { pageSize: 200 },
      )
      .catch(() => ({ items: [] })),
};
