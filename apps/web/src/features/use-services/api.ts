// Remote copies, loans and returns of a use request (D-3.12, D-10.6, D-10.8,
// D-11): shapes and calls of /api/use-services.
import { ApiError, api, buildUrl, getCsrfToken, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";
import type { RequestStatus, UseMode } from "../use-requests/api.ts";

export type ReturnOutcome = "present" | "missing" | "damaged";
export type IdKind = "id_card" | "work_card" | "passport" | "other";

export const OUTCOME: Record<ReturnOutcome, Bilingual & { color: string }> = {
  present: { zh: "完好", en: "OK", color: "green" },
  missing: { zh: "缺失", en: "Missing", color: "red" },
  damaged: { zh: "损毁", en: "Damaged", color: "orange" },
};
export const ID_KIND: Record<IdKind, Bilingual> = {
  id_card: { zh: "居民身份证", en: "ID card" },
  work_card: { zh: "工作证", en: "Work card" },
  passport: { zh: "护照", en: "Passport" },
  other: { zh: "其他证件", en: "Other" },
};

export interface ScanJob {
  id: string;
  requestId: string;
  operatorUserId: string;
  operatorName: string;
  cameraId: string;
  cameraCode: string;
  startedAt: string;
  finishedAt: string | null;
  pages: number | null;
  note: string | null;
}
export interface ScanJobRow extends ScanJob {
  requestNo: string;
  mode: UseMode;
  userName: string;
  clientName: string;
}
export interface Delivery {
  id: string;
  requestId: string;
  scanJobId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sm3: string;
  sha256: string;
  expiresAt: string;
  deliveredAt: string;
  withdrawnAt: string | null;
  /** D-10.8: the classification-mark screening of the file. */
  screening: "passed" | "held" | "released" | "blocked" | "unscreenable";
  screenedPages: number;
}
export interface DeliveryRow extends Delivery {
  requestNo: string;
  userName: string;
  clientName: string;
  downloads: number;
}
export interface Loan {
  id: string;
  requestId: string;
  dueOn: string;
  deliveryPlace: string;
  deliveryAt: string;
  recordedAt: string;
  receiverName: string | null;
  receiverIdKind: IdKind | null;
  receiverIdNumber: string | null;
  handedOverAt: string | null;
  returnedAt: string | null;
  returnedByName: string | null;
  overdueAlertedAt: string | null;
}
export interface LoanRow extends Loan {
  requestNo: string;
  userName: string;
  requestStatus: RequestStatus;
  clientName: string;
}
export interface ReturnCheck {
  id: string;
  requestId: string;
  returnerName: string;
  returnerDeclared: number;
  checkedAt: string;
  outcome: "passed" | "discrepancy";
  incidentId: string | null;
  reportCause: string | null;
  reportHandling: string | null;
  reportSm3: string | null;
  reportedAt: string | null;
}
export interface ServiceBox {
  id: string;
  boxNo: string;
  status: string;
  homeLocationId: string | null;
  locationId: string | null;
  homeCode: string | null;
  locationCode: string | null;
}
export interface RequestServices {
  request: { id: string; requestNo: string; mode: UseMode; status: RequestStatus; userName: string };
  items: { itemId: string; boxId: string | null; referenceCode: string | null; title: string | null }[];
  scanJobs: ScanJob[];
  deliveries: Delivery[];
  consent: { givenAt: string; statement: string } | null;
  loan: Loan | null;
  returnChecks: ReturnCheck[];
  boxes: ServiceBox[];
  facts: { boxesNotReshelved: string[]; serviceOpen: boolean; discrepancies: number };
  permissions: { serve: boolean; consentLoan: boolean; download: boolean };
}
export interface ServicesSummary {
  overdueLoans: number;
  openScanJobs: number;
  unreportedDiscrepancies: number;
}

/** Today in Shanghai, as the server compares due dates (D-10.6). */
export const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
export const isOverdue = (l: Loan) => !!l.handedOverAt && !l.returnedAt && l.dueOn < shanghaiToday();

const U = "/api/use-services";
export const useServicesApi = {
  summary: () => api.get<ServicesSummary>(`${U}/summary`),
  ofRequest: (id: string) => api.get<RequestServices>(`${U}/requests/${id}`),
  scanJobs: (q: Query, signal?: AbortSignal) => api.get<Page<ScanJobRow>>(`${U}/scan-jobs`, q, signal),
  deliveries: (q: Query, signal?: AbortSignal) => api.get<Page<DeliveryRow>>(`${U}/deliveries`, q, signal),
  loans: (q: Query, signal?: AbortSignal) => api.get<Page<LoanRow>>(`${U}/loans`, q, signal),
  loansExportUrl: (q: Query) => buildUrl(`${U}/loans/export.xlsx`, q),
  startScan: (id: string, body: { operatorUserId: string; cameraId: string; note?: string }) =>
    api.post<ScanJob>(`${U}/requests/${id}/scan-jobs`, body),
  finishScan: (jobId: string, pages?: number) =>
    api.post(`${U}/scan-jobs/${jobId}/finish`, pages === undefined ? {} : { pages }),
  downloadUrl: (deliveryId: string) => `${U}/deliveries/${deliveryId}/download`,
  withdraw: (deliveryId: string) => api.post(`${U}/deliveries/${deliveryId}/withdraw`),
  /** Multipart upload of one scanned file for a scan job. */
  async deliver(id: string, scanJobId: string, file: File, expiresInDays?: number): Promise<Delivery> {
    const form = new FormData();
    form.append("file", file);
    const res = await fetch(buildUrl(`${U}/requests/${id}/deliveries`, { scanJobId, expiresInDays }), {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { "x-csrf-token": getCsrfToken() ?? "" },
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, body);
    return body;
  },
  consent: (id: string, statement: string) => api.post(`${U}/requests/${id}/loan-consent`, { statement }),
  recordLoan: (id: string, body: { dueOn: string; deliveryPlace: string; deliveryAt: string }) =>
    api.post<Loan>(`${U}/requests/${id}/loan`, body),
  handover: (
    loanId: string,
    body: { receiverName: string; receiverIdKind: IdKind; receiverIdNumber: string },
  ) => api.post(`${U}/loans/${loanId}/handover`, body),
  receivedBack: (loanId: string, returnedByName: string) =>
    api.post(`${U}/loans/${loanId}/received-back`, { returnedByName }),
  checkReturn: (
    id: string,
    body: {
      returnerName: string;
      returnerDeclared: number;
      lines: { itemId: string; outcome: ReturnOutcome; note?: string }[];
    },
  ) => api.post<{ id: string; outcome: "passed" | "discrepancy" }>(`${U}/requests/${id}/return-checks`, body),
  report: (checkId: string, body: { cause: string; handling: string }) =>
    api.post(`${U}/return-checks/${checkId}/report`, body),
  reportPdfUrl: (checkId: string) => `${U}/return-checks/${checkId}/report.pdf`,
  reshelve: (id: string, body: { boxId: string; locationId: string }) =>
    api.post(`${U}/requests/${id}/reshelve`, body),
};
