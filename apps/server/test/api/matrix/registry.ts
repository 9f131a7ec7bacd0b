// Filings (G-7), the agency registry (G-12), the market view (G-5, Z-5.2) and
// incident accountability (G-7) against the victim's project and agency.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const R = (v: Victim) => v.registry;

export const REGISTRY_MATRIX: Record<string, Expect> = {
  "GET /api/filings": { kind: "list", url: () => "/api/filings?pageSize=200" },
  "GET /api/filings/export.xlsx": { kind: "list", url: () => "/api/filings/export.xlsx" },
  "GET /api/filings/unfiled": { kind: "list", url: () => "/api/filings/unfiled" },
  "POST /api/filings": {
    kind: "record",
    url: () => "/api/filings",
    body: (v) => ({ projectId: v.projectId }),
  },
  "GET /api/filings/:id": { kind: "record", url: (v) => `/api/filings/${R(v).filingId}`, ownerStatus: 200 },
  "POST /api/filings/:id/transitions": {
    kind: "record",
    url: (v) => `/api/filings/${R(v).filingId}/transitions`,
    body: () => ({ action: "verify" }),
  },

  "GET /api/registry/agencies": { kind: "list", url: () => "/api/registry/agencies?pageSize=200" },
  "GET /api/registry/agencies/export.xlsx": { kind: "list", url: () => "/api/registry/agencies/export.xlsx" },
  "GET /api/registry/agencies/:id": {
    kind: "record",
    url: (v) => `/api/registry/agencies/${v.agencyId}`,
    ownerStatus: 200,
  },
  "POST /api/registry/agencies/:id/standing": {
    kind: "record",
    url: (v) => `/api/registry/agencies/${v.agencyId}/standing`,
    body: () => ({ action: "suspend", reason: "越权" }),
  },

  "GET /api/market/fees": { kind: "list", url: () => "/api/market/fees" },
  "GET /api/market/fees/export.xlsx": { kind: "list", url: () => "/api/market/fees/export.xlsx" },
  // Registry facts and aggregates only: the victim agency may be compared by anyone.
  "GET /api/market/compare": { kind: "list", url: (v) => `/api/market/compare?agencyIds=${v.agencyId}` },

  "GET /api/incidents/export.xlsx": { kind: "list", url: () => "/api/incidents/export.xlsx" },
  "GET /api/incidents/:id": {
    kind: "record",
    url: (v) => `/api/incidents/${v.incidentId}`,
    ownerStatus: 200,
  },
};
