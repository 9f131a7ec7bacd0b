// Written grants and use requests (D-10): shapes and calls.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";

export type UseMode = "reading" | "remote_copy" | "loan" | "proxy_search";
export type RequestStatus =
  | "submitted"
  | "accepted"
  | "retrieved"
  | "in_service"
  | "returning"
  | "return_blocked"
  | "returned"
  | "closed"
  | "rejected"
  | "cancelled";

export const MODE: Record<UseMode, Bilingual> = {
  reading: { zh: "现场查阅", en: "On-site reading" },
  remote_copy: { zh: "远程调阅", en: "Remote copy" },
  loan: { zh: "出借", en: "Loan" },
  proxy_search: { zh: "代为查阅", en: "Proxy search" },
};
export const STATUS: Record<RequestStatus, Bilingual & { color: string }> = {
  submitted: { zh: "已提交", en: "Submitted", color: "blue" },
  accepted: { zh: "已受理", en: "Accepted", color: "cyan" },
  retrieved: { zh: "已调出", en: "Retrieved", color: "orange" },
  in_service: { zh: "服务中", en: "In service", color: "gold" },
  returning: { zh: "待归还核对", en: "Returning", color: "purple" },
  return_blocked: { zh: "归还异常", en: "Return blocked", color: "red" },
  returned: { zh: "已归还", en: "Returned", color: "green" },
  closed: { zh: "已办结", en: "Closed", color: "default" },
  rejected: { zh: "不予受理", en: "Rejected", color: "red" },
  cancelled: { zh: "已撤回", en: "Cancelled", color: "default" },
};
export const ACTION: Record<string, Bilingual> = {
  submit: { zh: "提交申请", en: "Submit" },
  accept: { zh: "受理", en: "Accept" },
  reject: { zh: "不予受理", en: "Reject" },
  cancel: { zh: "撤回", en: "Cancel" },
  retrieve: { zh: "出库调档", en: "Retrieve from vault" },
  start_service: { zh: "开始服务", en: "Start service" },
  finish_service: { zh: "结束服务", en: "Finish service" },
  pass_return_check: { zh: "归还核对无误", en: "Return check passed" },
  fail_return_check: { zh: "归还核对有差异", en: "Return check failed" },
  settle_discrepancy: { zh: "差异已报告", en: "Discrepancy reported" },
  close: { zh: "归位办结", en: "Close" },
};
export const REQUESTER: Record<string, Bilingual> = {
  client: { zh: "委托方", en: "Client" },
  third_party: { zh: "第三方", en: "Third party" },
  agency_proxy: { zh: "受托机构代查", en: "Agency (proxy)" },
};

export interface Grant {
  id: string;
  grantNo: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  clientName: string;
  granteeKind: "person" | "organisation";
  granteeName: string;
  granteeIdNumber: string | null;
  modes: UseMode[];
  purpose: string;
  validFrom: string;
  validTo: string;
  status: "draft" | "issued" | "revoked";
  scopeKind: "list" | "query";
  digest: string | null;
  itemCount: number;
  boxCount: number;
  inForce: boolean;
  permissions: { issue: boolean; revoke: boolean };
}

export interface UseRequest {
  id: string;
  requestNo: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  clientName: string;
  requesterKind: string;
  userName: string;
  userOrgName: string | null;
  grantNo: string | null;
  mode: UseMode;
  purpose: string;
  priority: "standard" | "rush";
  dueAt: string;
  status: RequestStatus;
  submittedAt: string;
  itemCount: number;
  content: string | null;
  acceptedAt: string | null;
  retrievedAt: string | null;
  servedAt: string | null;
  returnedAt: string | null;
  overdue: boolean;
}

export interface Blocked {
  code: string;
  clause?: string;
  message: Bilingual;
}

export interface UseRequestDetail extends UseRequest {
  items: {
    itemId: string;
    referenceCode: string | null;
    title: string | null;
    boxNo: string | null;
    boxStatus: string | null;
  }[];
  steps: {
    id: string;
    action: string;
    toState: string;
    at: string;
    byName: string | null;
    note: string | null;
  }[];
  admission: {
    readerIdKind: string;
    readerIdNumber: string;
    checkedAt: string;
    checkedByName: string | null;
  } | null;
  sessions: {
    id: string;
    roomName: string;
    cameraCodes: string | null;
    startedAt: string;
    endedAt: string | null;
  }[];
  permissions: { serve: boolean; cancel: boolean };
  nextActions: { action: string; blockedBy?: Blocked }[];
  accessRefusal: Blocked | null;
}

export interface PickItem {
  id: string;
  referenceCode: string | null;
  title: string | null;
  year: number | null;
  boxNo: string | null;
}

/** An item or a whole box named by a grant. */
export interface GrantScopeItem {
  itemId: string | null;
  boxId: string | null;
  referenceCode: string | null;
  title: string | null;
  boxNo: string | null;
}

export interface Room {
  id: string;
  name: string;
  siteName: string;
  cameras: { id: string; code: string; covers: string[] }[];
}

export const retrievalApi = {
  grants: (q: Query, signal?: AbortSignal) => api.get<Page<Grant>>("/api/grants", q, signal),
  grant: (id: string) => api.get<Grant & { items: GrantScopeItem[] }>(`/api/grants/${id}`),
  draftGrant: (body: unknown) => api.post<{ id: string }>("/api/grants", body),
  issueGrant: (id: string) => api.post(`/api/grants/${id}/issue`),
  revokeGrant: (id: string, reason: string) => api.post(`/api/grants/${id}/revoke`, { reason }),
  grantPdfUrl: (id: string) => `/api/grants/${id}/document.pdf`,
  requests: (q: Query, signal?: AbortSignal) => api.get<Page<UseRequest>>("/api/use-requests", q, signal),
  request: (id: string) => api.get<UseRequestDetail>(`/api/use-requests/${id}`),
  submit: (body: unknown) => api.post<{ id: string }>("/api/use-requests", body),
  items: (q: Query) => api.get<Page<PickItem>>("/api/use-requests/items", q),
  act: (id: string, action: string, body: unknown = {}) =>
    api.post(`/api/use-requests/${id}/actions/${action}`, body),
  retrieve: (id: string) => api.post(`/api/use-requests/${id}/retrieve`),
  rooms: (id: string) => api.get<{ rooms: Room[] }>(`/api/use-requests/${id}/reading-rooms`),
  admit: (id: string, body: unknown) => api.post(`/api/use-requests/${id}/admission`, body),
  startSession: (id: string, body: unknown) => api.post(`/api/use-requests/${id}/reading-sessions`, body),
  endSession: (id: string) => api.post(`/api/reading-sessions/${id}/end`),
  registerUrl: (q: Query) => buildUrl("/api/use-register/export.xlsx", q),
};
