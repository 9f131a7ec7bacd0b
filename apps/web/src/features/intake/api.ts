// Intake batches and boxes: the shapes the server sends and every call the
// intake and box pages make (server: modules/intake, modules/boxes).
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";

export type IntakeState =
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
export type IntakeAction =
  | "site_visit"
  | "unshelve"
  | "check_condition"
  | "finish_boxing"
  | "load"
  | "arrive"
  | "finish_inspection"
  | "repack"
  | "skip_repacking"
  | "complete";
export type Side = "client" | "agency";
export type BoxStatus =
  | "packing"
  | "sealed"
  | "in_transit"
  | "received"
  | "shelved"
  | "checked_out"
  | "treatment"
  | "returned_to_client";
export type Condition = "good" | "mould" | "pests" | "acidified_film" | "damaged" | "water_damage" | "other";

export interface Refusal {
  code: string;
  clause?: string;
  message: Bilingual;
  details?: Record<string, unknown>;
}

export interface BatchSummary {
  id: string;
  code: string;
  title: string;
  status: IntakeState;
  projectId: string;
  projectCode: string;
  projectName: string;
  clientName: string;
  agencyName: string;
  boxCount: number;
  createdAt: string;
  completedAt: string | null;
}

export interface StepRecord {
  id: string;
  action: IntakeAction;
  step: string;
  performedOn: string;
  notes: string | null;
  records: Record<string, unknown>;
  recordedByName: string | null;
  recordedAt: string;
  people: { userId: string; name: string; side: Side }[];
}

export interface BatchBox {
  id: string;
  boxNo: string;
  barcode: string;
  kind: "transfer" | "storage";
  carrier: string;
  status: BoxStatus;
  condition: string | null;
  sealNumber: string | null;
  sealedAt: string | null;
  locationId: string | null;
  locationCode: string | null;
  vaultName: string | null;
  inspectionId: string | null;
  sealIntact: boolean | null;
  damaged: boolean | null;
  missingItemIds: string[] | null;
  incidentId: string | null;
  itemCount: number;
}

export interface ConditionRecord {
  id: string;
  boxId: string | null;
  itemId: string | null;
  condition: Condition;
  note: string | null;
  checkedAt: string;
  checkedByName: string | null;
  referenceCode: string | null;
  itemTitle: string | null;
  boxNo: string | null;
  treatmentId: string | null;
  treatmentMethod: string | null;
  treatedOn: string | null;
  treatedBy: string | null;
}

export interface Signature {
  id: string;
  documentKind: string;
  documentDigest: string;
  orgId: string;
  orgName: string;
  signerName: string;
  signedAt: string;
}

export interface RegisterBox {
  boxNo: string;
  barcode: string;
  sealNumber: string;
  items: { referenceCode: string | null; title: string | null; fromBox: string }[];
}

export interface BatchDetail extends BatchSummary {
  notes: string | null;
  clientOrgId: string;
  agencyOrgId: string;
  catalogues: { id: string; title: string; level: string; status: string; rowCount: number }[];
  itemCount: number;
  unboxedItems: number;
  steps: StepRecord[];
  siteVisit: { performedOn: string; batchCode: string; batchId: string } | null;
  boxes: BatchBox[];
  conditions: ConditionRecord[];
  anomalies: {
    id: string;
    kind: string;
    title: string;
    status: string;
    openedAt: string;
    resolution: string | null;
    boxNo: string;
    boxId: string;
  }[];
  contentAccess:
    | { granted: false }
    | { granted: true; grantedAt: string; grantedByName: string; note: string | null };
  repack: {
    consent: Signature | null;
    register: {
      digest: string;
      confirmations: Signature[];
      record: { boxes: RegisterBox[]; emptied: string[] } | null;
    } | null;
  };
  parties: { client: { id: string; name: string }[]; agency: { id: string; name: string }[] };
  permissions: {
    recordSteps: boolean;
    handleBoxes: boolean;
    recordCondition: boolean;
    decideForClient: boolean;
  };
  nextActions: { action: IntakeAction; to: IntakeState; blockedBy?: Refusal }[];
}

export interface BatchItem {
  id: string;
  catalogueId: string;
  rowNo: number;
  referenceCode: string | null;
  title: string | null;
  carrier: string;
  boxId: string | null;
  boxNo: string | null;
}

export interface ContentFile {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface ShelfLocation {
  id: string;
  code: string;
  zone: string;
  capacity: number;
  held: number;
  vaultName: string;
  vaultCode: string;
}

export interface BoxRow {
  id: string;
  boxNo: string;
  barcode: string;
  kind: "transfer" | "storage";
  carrier: string;
  status: BoxStatus;
  condition: string | null;
  sealNumber: string | null;
  projectId: string;
  projectCode: string;
  projectName: string;
  clientName: string;
  agencyName: string;
  batchId: string | null;
  batchCode: string | null;
  locationCode: string | null;
  vaultName: string | null;
  itemCount: number;
  lastMovement: string | null;
  lastMovedAt: string | null;
}

export interface BoxDetail extends BoxRow {
  homeLocationId: string | null;
  locationId: string | null;
  sealedAt: string | null;
  batchStatus: IntakeState | null;
  items: {
    id: string;
    rowNo: number;
    referenceCode: string | null;
    title: string | null;
    year: number | null;
  }[];
  seals: {
    id: string;
    sealNumber: string;
    outsideOk: boolean;
    note: string | null;
    sealedAt: string;
    sealedByName: string | null;
    witnessName: string | null;
  }[];
  conditions: (Omit<ConditionRecord, "boxId" | "itemTitle" | "boxNo" | "treatmentId"> & {
    itemId: string | null;
  })[];
  inspections: {
    id: string;
    sealIntact: boolean;
    damaged: boolean;
    missingItemIds: string[];
    note: string | null;
    inspectedAt: string;
    incidentId: string | null;
    incidentStatus: string | null;
    inspectedByName: string | null;
  }[];
  movements: {
    id: string;
    kind: string;
    at: string;
    note: string | null;
    byName: string | null;
    fromLocation: string | null;
    toLocation: string | null;
  }[];
}

const B = "/api/intake/batches";

export const intakeApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<BatchSummary>>(B, q, signal),
  exportUrl: (q: Query) => buildUrl(`${B}/export.xlsx`, q),
  catalogues: (projectId: string) =>
    api.get<{
      items: {
        id: string;
        title: string;
        status: string;
        rowCount: number;
        batchId: string | null;
        batchCode: string | null;
      }[];
    }>("/api/intake/catalogues", { projectId }),
  create: (body: { projectId: string; title: string; catalogueIds: string[]; notes?: string }) =>
    api.post<BatchSummary>(B, body),
  get: (id: string) => api.get<BatchDetail>(`${B}/${id}`),
  transition: (id: string, body: Record<string, unknown>) =>
    api.post<{ status: IntakeState }>(`${B}/${id}/transitions`, body),
  items: (id: string) => api.get<{ items: BatchItem[] }>(`${B}/${id}/items`),
  makeBox: (id: string, body: { kind: string; itemIds: string[] }) =>
    api.post<{ id: string; boxNo: string }>(`${B}/${id}/boxes`, body),
  condition: (id: string, body: { boxId?: string; itemId?: string; condition: Condition; note?: string }) =>
    api.post<{ boxStatus: string | null }>(`${B}/${id}/conditions`, body),
  treat: (
    conditionId: string,
    body: { method: string; treatedOn: string; treatedBy: string; note?: string },
  ) => api.post(`/api/intake/conditions/${conditionId}/treatment`, body),
  consent: (id: string) => api.post(`${B}/${id}/repack-consent`),
  confirmRegister: (id: string) => api.post(`${B}/${id}/register/confirm`),
  labelsUrl: (id: string, boxId?: string) => buildUrl(`${B}/${id}/labels.pdf`, { boxId }),
  locations: (id: string, q?: string) => api.get<{ items: ShelfLocation[] }>(`${B}/${id}/locations`, { q }),
  grant: (id: string, note?: string) => api.post(`${B}/${id}/content-access`, note ? { note } : {}),
  revoke: (id: string) => api.delete(`${B}/${id}/content-access`),
  contentFiles: (id: string, itemId: string) =>
    api.get<{ items: ContentFile[] }>(`${B}/${id}/content`, { itemId }),
  contentUrl: (fileId: string) => `/api/intake/content/${fileId}`,
  closeIncident: (id: string, resolution: string) =>
    api.patch(`/api/incidents/${id}`, { status: "closed", resolution }),
};

export const boxesApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<BoxRow>>("/api/boxes", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/boxes/export.xlsx", q),
  get: (id: string) => api.get<BoxDetail>(`/api/boxes/${id}`),
  seal: (
    id: string,
    body: { sealNumber: string; outsideOk: boolean; witnessUserId?: string; note?: string },
  ) => api.post(`/api/boxes/${id}/seal`, body),
  inspect: (
    id: string,
    body: { sealIntact: boolean; damaged: boolean; missingItemIds: string[]; note?: string },
  ) => api.post<{ incidentId: string | null }>(`/api/boxes/${id}/inspection`, body),
  shelve: (id: string, locationId: string) => api.post(`/api/boxes/${id}/shelve`, { locationId }),
};
