// Final acceptance (G-11, Z-8.2) against the victim's project: its checklist,
// recording a verdict, and the lists a regulator reads.
import type { Expect } from "./types.ts";

export const ACCEPTANCE_MATRIX: Record<string, Expect> = {
  "GET /api/projects/:id/acceptance": {
    kind: "record",
    url: (v) => `/api/projects/${v.projectId}/acceptance`,
    ownerStatus: 200,
  },
  "POST /api/projects/:id/acceptances": {
    kind: "record",
    url: (v) => `/api/projects/${v.projectId}/acceptances`,
    body: () => ({ verdict: "failed", requirement: "整改" }),
  },
  "GET /api/acceptances": { kind: "list", url: () => "/api/acceptances?pageSize=200" },
  "GET /api/acceptances/export.xlsx": { kind: "list", url: () => "/api/acceptances/export.xlsx" },
};
