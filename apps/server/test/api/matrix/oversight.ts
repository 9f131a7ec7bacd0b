// Oversight (G-7): inspections, rectification orders, notices and spot-check
// plans of the victim's own Chongming regulator.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const O = (v: Victim) => v.oversight;

export const OVERSIGHT_MATRIX: Record<string, Expect> = {
  "GET /api/oversight/checklists/:serviceType": {
    kind: "list",
    url: () => "/api/oversight/checklists/custody",
  },
  "GET /api/oversight/projects/:id/checklist": {
    kind: "record",
    url: (v) => `/api/oversight/projects/${v.projectId}/checklist`,
  },
  "GET /api/oversight/inspections": { kind: "list", url: () => "/api/oversight/inspections?pageSize=200" },
  "GET /api/oversight/inspections/export.xlsx": {
    kind: "list",
    url: () => "/api/oversight/inspections/export.xlsx",
  },
  "POST /api/oversight/inspections": {
    kind: "record",
    url: () => "/api/oversight/inspections",
    body: (v) => ({ projectId: v.projectId, kind: "self_check", title: "越权" }),
  },
  "GET /api/oversight/inspections/:id": {
    kind: "record",
    url: (v) => `/api/oversight/inspections/${O(v).inspectionId}`,
  },
  "POST /api/oversight/inspections/:id/items": {
    kind: "record",
    url: (v) => `/api/oversight/inspections/${O(v).inspectionId}/items`,
    body: () => ({ clause: "D-9.3", result: "pass" }),
  },
  "POST /api/oversight/inspections/:id/findings": {
    kind: "record",
    url: (v) => `/api/oversight/inspections/${O(v).inspectionId}/findings`,
    body: () => ({ clause: "D-9.3", severity: "minor", description: "越权" }),
  },
  "POST /api/oversight/inspections/:id/complete": {
    kind: "record",
    url: (v) => `/api/oversight/inspections/${O(v).inspectionId}/complete`,
  },
  "GET /api/oversight/rectifications": {
    kind: "list",
    url: () => "/api/oversight/rectifications?pageSize=200",
  },
  "GET /api/oversight/rectifications/export.xlsx": {
    kind: "list",
    url: () => "/api/oversight/rectifications/export.xlsx",
  },
  "GET /api/oversight/rectifications/summary": {
    kind: "list",
    url: () => "/api/oversight/rectifications/summary",
  },
  "POST /api/oversight/rectifications": {
    kind: "record",
    url: () => "/api/oversight/rectifications",
    body: (v) => ({ findingId: O(v).findingId, addressee: "agency", requirement: "越权" }),
  },
  "GET /api/oversight/rectifications/:id": {
    kind: "record",
    url: (v) => `/api/oversight/rectifications/${O(v).orderId}`,
  },
  "POST /api/oversight/rectifications/:id/respond": {
    kind: "record",
    url: (v) => `/api/oversight/rectifications/${O(v).orderId}/respond`,
    body: () => ({ response: "越权" }),
  },
  "POST /api/oversight/rectifications/:id/decide": {
    kind: "record",
    url: (v) => `/api/oversight/rectifications/${O(v).orderId}/decide`,
    body: () => ({ decision: "accept" }),
  },
  "GET /api/oversight/plans": { kind: "list", url: () => "/api/oversight/plans" },
  // A plan is drawn for the caller's own regulator, over the projects it supervises.
  "POST /api/oversight/plans": { kind: "self" },
  "GET /api/oversight/plans/:id": { kind: "record", url: (v) => `/api/oversight/plans/${O(v).planId}` },
  "POST /api/oversight/plans/:id/inspect": {
    kind: "record",
    url: (v) => `/api/oversight/plans/${O(v).planId}/inspect`,
    body: (v) => ({ projectId: v.projectId }),
  },
  "GET /api/oversight/notices": { kind: "list", url: () => "/api/oversight/notices?pageSize=200" },
  "POST /api/oversight/notices": {
    kind: "record",
    url: () => "/api/oversight/notices",
    body: (v) => ({ findingId: O(v).findingId, title: "越权", body: "越权" }),
  },
  "GET /api/oversight/notices/:id": { kind: "record", url: (v) => `/api/oversight/notices/${O(v).noticeId}` },
};
