// The victim client's originals (Z-6.1–Z-8.1): a foreigner gets 403/404 and none of it.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const O = (v: Victim) => v.digitizationOriginals;
const P = (v: Victim) => `/api/digitization/projects/${v.projectId}`;
const rec = (url: (v: Victim) => string, body?: (v: Victim) => unknown, ownerStatus?: number): Expect => ({
  kind: "record",
  url,
  ...(body ? { body } : {}),
  ...(ownerStatus ? { ownerStatus } : {}),
});
const HANDOVER = {
  direction: "to_agency",
  handedAt: "2026-01-01T00:00:00+08:00",
  clientHandlerName: "越权",
  agencyHandlerName: "越权",
};

export const DIGITIZATION_ORIGINALS_MATRIX: Record<string, Expect> = {
  "GET /api/digitization/projects/:id/volumes": rec((v) => `${P(v)}/volumes`, undefined, 200),
  "GET /api/digitization/projects/:id/volumes/export.xlsx": rec(
    (v) => `${P(v)}/volumes/export.xlsx`,
    undefined,
    200,
  ),
  "POST /api/digitization/projects/:id/volumes": rec(
    (v) => `${P(v)}/volumes`,
    () => ({ referenceCode: "C001-KJ·2010-Y-0009", title: "越权", itemCount: 1 }),
  ),
  "POST /api/digitization/projects/:id/volumes/import": rec((v) => `${P(v)}/volumes/import`),
  "POST /api/digitization/projects/:id/volumes/screening": rec(
    (v) => `${P(v)}/volumes/screening`,
    (v) => ({ volumeIds: [O(v).volumeId], outcome: "cleared" }),
  ),
  "POST /api/digitization/projects/:id/volumes/unshelve": rec(
    (v) => `${P(v)}/volumes/unshelve`,
    (v) => ({ volumeIds: [O(v).volumeId] }),
  ),
  "GET /api/digitization/volumes/:id/chain": rec(
    (v) => `/api/digitization/volumes/${O(v).volumeId}/chain`,
    undefined,
    200,
  ),
  "POST /api/digitization/volumes/:id/condition": rec(
    (v) => `/api/digitization/volumes/${O(v).volumeId}/condition`,
    () => ({ stage: "receipt", condition: "good" }),
  ),
  "POST /api/digitization/volumes/:id/stop": rec(
    (v) => `/api/digitization/volumes/${O(v).volumeId}/stop`,
    () => ({ reason: "other", description: "越权" }),
  ),
  "GET /api/digitization/projects/:id/stops": rec((v) => `${P(v)}/stops`, undefined, 200),
  "GET /api/digitization/stops/open": { kind: "list", url: () => "/api/digitization/stops/open" },
  "POST /api/digitization/stops/:id/decision": rec(
    (v) => `/api/digitization/stops/${O(v).stopId}/decision`,
    () => ({ decision: "resume" }),
  ),
  "GET /api/digitization/projects/:id/handover-lists": rec((v) => `${P(v)}/handover-lists`, undefined, 200),
  "POST /api/digitization/projects/:id/handover-lists": rec(
    (v) => `${P(v)}/handover-lists`,
    (v) => ({ ...HANDOVER, lines: [{ volumeId: O(v).volumeId }] }),
  ),
  "GET /api/digitization/handover-lists/:id": rec(
    (v) => `/api/digitization/handover-lists/${O(v).listId}`,
    undefined,
    200,
  ),
  "POST /api/digitization/handover-lists/:id/confirm": rec(
    (v) => `/api/digitization/handover-lists/${O(v).listId}/confirm`,
  ),
  "GET /api/digitization/handover-lists/:id/pdf": rec(
    (v) => `/api/digitization/handover-lists/${O(v).listId}/pdf`,
    undefined,
    200,
  ),
  "POST /api/digitization/handover-lists/:id/return-check": rec(
    (v) => `/api/digitization/handover-lists/${O(v).listId}/return-check`,
    (v) => ({ lines: [{ volumeId: O(v).volumeId, outcome: "present" }] }),
  ),
  "POST /api/digitization/handover-lists/:id/close": rec(
    (v) => `/api/digitization/handover-lists/${O(v).listId}/close`,
  ),
  "GET /api/digitization/projects/:id/return-status": rec((v) => `${P(v)}/return-status`, undefined, 200),
  "GET /api/digitization/projects/:id/batches": rec((v) => `${P(v)}/batches`, undefined, 200),
  "POST /api/digitization/projects/:id/batches": rec(
    (v) => `${P(v)}/batches`,
    () => ({ code: "越权" }),
  ),
  "GET /api/digitization/batches/:id": rec(
    (v) => `/api/digitization/batches/${O(v).batchId}`,
    undefined,
    200,
  ),
  "POST /api/digitization/batches/:id/volumes": rec(
    (v) => `/api/digitization/batches/${O(v).batchId}/volumes`,
    (v) => ({ volumeIds: [O(v).volumeId] }),
  ),
  "POST /api/digitization/batches/:id/storage": rec(
    (v) => `/api/digitization/batches/${O(v).batchId}/storage`,
    (v) => ({ room: "越权", cabinet: "越权", custodianPersonId: O(v).personId }),
  ),
  "POST /api/digitization/batches/:id/start": rec((v) => `/api/digitization/batches/${O(v).batchId}/start`),
  "POST /api/digitization/batches/:id/station-handovers": rec(
    (v) => `/api/digitization/batches/${O(v).batchId}/station-handovers`,
    (v) => ({
      fromWorkstationId: null,
      toWorkstationId: null,
      content: "越权",
      giverPersonId: O(v).personId,
      receiverPersonId: O(v).personId,
    }),
  ),
  "GET /api/digitization/projects/:id/board": rec((v) => `${P(v)}/board`, undefined, 200),
  "GET /api/digitization/projects/:id/station-handovers": rec(
    (v) => `${P(v)}/station-handovers`,
    undefined,
    200,
  ),
};
