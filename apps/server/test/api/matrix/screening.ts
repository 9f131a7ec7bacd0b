// Classification-mark alerts (Z-7.3, D-10.8) on the victim client's remote
// copy: a foreigner neither sees nor decides them.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const hit = (v: Victim) => v.useServices.hitId;
const list = (url: string): Expect => ({ kind: "list", url: () => url });

export const SCREENING_MATRIX: Record<string, Expect> = {
  "GET /api/screening/hits": list("/api/screening/hits?pageSize=200"),
  "GET /api/screening/hits/export.xlsx": list("/api/screening/hits/export.xlsx"),
  "GET /api/screening/summary": list("/api/screening/summary"),
  "GET /api/screening/hits/:id": { kind: "record", url: (v) => `/api/screening/hits/${hit(v)}` },
  "GET /api/screening/hits/:id/image": { kind: "record", url: (v) => `/api/screening/hits/${hit(v)}/image` },
  "POST /api/screening/hits/:id/decision": {
    kind: "record",
    url: (v) => `/api/screening/hits/${hit(v)}/decision`,
    body: () => ({ decision: "clear" }),
  },
  "POST /api/screening/remote-copies/:id/decision": {
    kind: "record",
    url: (v) => `/api/screening/remote-copies/${v.useServices.deliveryId}/decision`,
    body: () => ({ decision: "clear" }),
  },
};
