// Remote copies, loans and returns (D-3.12, D-10.6, D-10.8, D-11) of the victim
// client's request: a foreigner gets 403/404 and none of it.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const U = (v: Victim) => v.useServices;
const list = (url: string): Expect => ({ kind: "list", url: () => url });

export const USE_SERVICES_MATRIX: Record<string, Expect> = {
  "GET /api/use-services/summary": list("/api/use-services/summary"),
  "GET /api/use-services/scan-jobs": list("/api/use-services/scan-jobs?pageSize=200"),
  "GET /api/use-services/deliveries": list("/api/use-services/deliveries?pageSize=200"),
  "GET /api/use-services/loans": list("/api/use-services/loans?pageSize=200"),
  "GET /api/use-services/loans/export.xlsx": list("/api/use-services/loans/export.xlsx"),
  "GET /api/use-services/return-checks": list("/api/use-services/return-checks?pageSize=200"),
  "GET /api/use-services/requests/:id": {
    kind: "record",
    url: (v) => `/api/use-services/requests/${U(v).requestId}`,
    ownerStatus: 200,
  },
  "POST /api/use-services/requests/:id/scan-jobs": {
    kind: "record",
    url: (v) => `/api/use-services/requests/${U(v).requestId}/scan-jobs`,
    body: (v) => ({ operatorUserId: v.userId, cameraId: v.facilities.cameraId }),
  },
  "POST /api/use-services/scan-jobs/:id/finish": {
    kind: "record",
    url: (v) => `/api/use-services/scan-jobs/${U(v).scanJobId}/finish`,
    body: () => ({}),
  },
  "POST /api/use-services/requests/:id/deliveries": {
    kind: "record",
    url: (v) => `/api/use-services/requests/${U(v).requestId}/deliveries?scanJobId=${U(v).scanJobId}`,
  },
  "GET /api/use-services/deliveries/:id/download": {
    kind: "record",
    url: (v) => `/api/use-services/deliveries/${U(v).deliveryId}/download`,
  },
  "POST /api/use-services/deliveries/:id/withdraw": {
    kind: "record",
    url: (v) => `/api/use-services/deliveries/${U(v).deliveryId}/withdraw`,
  },
  "POST /api/use-services/requests/:id/loan-consent": {
    kind: "record",
    url: (v) => `/api/use-services/requests/${U(v).requestId}/loan-consent`,
    body: () => ({ statement: "越权同意" }),
  },
  "POST /api/use-services/requests/:id/loan": {
    kind: "record",
    url: (v) => `/api/use-services/requests/${U(v).requestId}/loan`,
    body: () => ({ dueOn: "2099-01-01", deliveryPlace: "越权", deliveryAt: "2098-12-01T00:00:00+08:00" }),
  },
  "POST /api/use-services/loans/:id/handover": {
    kind: "record",
    url: (v) => `/api/use-services/loans/${U(v).loanId}/handover`,
    body: () => ({ receiverName: "越权", receiverIdKind: "id_card", receiverIdNumber: "310101199001011234" }),
  },
  "POST /api/use-services/loans/:id/received-back": {
    kind: "record",
    url: (v) => `/api/use-services/loans/${U(v).loanId}/received-back`,
    body: () => ({ returnedByName: "越权" }),
  },
  "POST /api/use-services/requests/:id/return-checks": {
    kind: "record",
    url: (v) => `/api/use-services/requests/${U(v).requestId}/return-checks`,
    body: (v) => ({
      returnerName: "越权",
      returnerDeclared: 1,
      lines: [{ itemId: v.retrieval.itemId, outcome: "present" }],
    }),
  },
  "POST /api/use-services/return-checks/:id/report": {
    kind: "record",
    url: (v) => `/api/use-services/return-checks/${U(v).checkId}/report`,
    body: () => ({ cause: "越权", handling: "越权" }),
  },
  "GET /api/use-services/return-checks/:id/report.pdf": {
    kind: "record",
    url: (v) => `/api/use-services/return-checks/${U(v).checkId}/report.pdf`,
  },
  "POST /api/use-services/requests/:id/reshelve": {
    kind: "record",
    url: (v) => `/api/use-services/requests/${U(v).requestId}/reshelve`,
    body: (v) => ({ boxId: v.inventory.boxId, locationId: v.facilities.locationId }),
  },
};
