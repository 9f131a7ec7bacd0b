// Written grants, use requests, on-site reading and the use register (D-10) of
// the victim client: a foreigner gets 403/404 and none of it.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const R = (v: Victim) => v.retrieval;

export const RETRIEVAL_MATRIX: Record<string, Expect> = {
  "GET /api/grants": { kind: "list", url: () => "/api/grants" },
  "POST /api/grants": {
    kind: "record",
    url: () => "/api/grants",
    body: (v) => ({
      projectId: v.projectId,
      granteeKind: "organisation",
      granteeName: "越权",
      modes: ["reading"],
      purpose: "越权授权",
      validFrom: "2026-01-01",
      validTo: "2026-12-31",
      scope: { kind: "list", itemIds: [R(v).itemId] },
    }),
  },
  "GET /api/grants/:id": { kind: "record", url: (v) => `/api/grants/${R(v).grantId}`, ownerStatus: 200 },
  "POST /api/grants/:id/issue": { kind: "record", url: (v) => `/api/grants/${R(v).grantId}/issue` },
  "POST /api/grants/:id/revoke": {
    kind: "record",
    url: (v) => `/api/grants/${R(v).grantId}/revoke`,
    body: () => ({ reason: "越权撤销" }),
  },
  "GET /api/grants/:id/document.pdf": {
    kind: "record",
    url: (v) => `/api/grants/${R(v).grantId}/document.pdf`,
    ownerStatus: 200,
  },
  "GET /api/use-requests": { kind: "list", url: () => "/api/use-requests" },
  "GET /api/use-requests/items": {
    kind: "record",
    url: (v) => `/api/use-requests/items?projectId=${v.projectId}`,
    ownerStatus: 200,
  },
  "POST /api/use-requests": {
    kind: "record",
    url: () => "/api/use-requests",
    body: (v) => ({
      projectId: v.projectId,
      mode: "reading",
      grantId: R(v).grantId,
      userName: "隔离被授权人ZEPHYR",
      purpose: "越权调阅",
      itemIds: [R(v).itemId],
    }),
  },
  "GET /api/use-requests/:id": {
    kind: "record",
    url: (v) => `/api/use-requests/${R(v).requestId}`,
    ownerStatus: 200,
  },
  "POST /api/use-requests/:id/actions/:action": {
    kind: "record",
    url: (v) => `/api/use-requests/${R(v).requestId}/actions/cancel`,
    body: () => ({ reason: "越权" }),
  },
  "POST /api/use-requests/:id/retrieve": {
    kind: "record",
    url: (v) => `/api/use-requests/${R(v).requestId}/retrieve`,
  },
  "GET /api/use-requests/:id/reading-rooms": {
    kind: "record",
    url: (v) => `/api/use-requests/${R(v).requestId}/reading-rooms`,
  },
  "POST /api/use-requests/:id/admission": {
    kind: "record",
    url: (v) => `/api/use-requests/${R(v).requestId}/admission`,
    body: (v) => ({
      letterAttachmentId: v.attachmentId,
      readerIdAttachmentId: v.attachmentId,
      readerIdKind: "id_card",
      readerIdNumber: "310230198001010011",
    }),
  },
  "POST /api/use-requests/:id/reading-sessions": {
    kind: "record",
    url: (v) => `/api/use-requests/${R(v).requestId}/reading-sessions`,
    body: (v) => ({ roomId: v.facilities.roomId, cameraIds: [v.facilities.cameraId] }),
  },
  "POST /api/reading-sessions/:id/end": {
    kind: "record",
    url: (v) => `/api/reading-sessions/${R(v).sessionId}/end`,
  },
  "GET /api/use-register": { kind: "list", url: () => "/api/use-register" },
  "GET /api/use-register/export.xlsx": { kind: "list", url: () => "/api/use-register/export.xlsx" },
};
