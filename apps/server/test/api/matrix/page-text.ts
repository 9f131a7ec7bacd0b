// Full text (Z-7.4, D-10.1, D-10.2) of the victim's delivery: a foreigner finds
// none of its pages and gets 403/404 for its job and its searchable PDFs.
import { PAGE_TEXT_QUERY } from "../../support/page-text-victim.ts";
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const Q = (v: Victim) => v.digitizationQc;

export const PAGE_TEXT_MATRIX: Record<string, Expect> = {
  "GET /api/page-text/search": {
    kind: "list",
    url: () => `/api/page-text/search?q=${encodeURIComponent(PAGE_TEXT_QUERY)}&pageSize=200`,
  },
  "GET /api/digitization-qc/deliveries/:id/page-text": {
    kind: "record",
    url: (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/page-text`,
    ownerStatus: 200,
  },
  "POST /api/digitization-qc/deliveries/:id/page-text": {
    kind: "record",
    url: (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/page-text`,
    body: () => ({ redo: true }),
  },
  "GET /api/digitization-qc/files/:id/searchable.pdf": {
    kind: "record",
    url: (v) => `/api/digitization-qc/files/${Q(v).fileId}/searchable.pdf`,
  },
  "GET /api/digitization-qc/deliveries/:id/searchable.pdf": {
    kind: "record",
    url: (v) => `/api/digitization-qc/deliveries/${Q(v).deliveryId}/searchable.pdf?referenceCode=C001-KJ`,
  },
};
