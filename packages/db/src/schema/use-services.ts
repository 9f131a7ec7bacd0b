// Use-services tables (migration 0010, D-10.6, D-10.8, D-11): scan jobs, remote
// copy deliveries and downloads, loan consent and loans, return checks.
import type { ColumnType, Generated } from "kysely";
import type { DateString, Defaulted } from "./columns.ts";

type IdKind = "id_card" | "work_card" | "passport" | "other";
type Bigint = ColumnType<number, number, number>;

export interface ScanJobTable {
  id: Generated<string>;
  requestId: string;
  agencyOrgId: string;
  operatorUserId: string;
  cameraId: string;
  startedAt: Defaulted<Date>;
  finishedAt: Date | null;
  pages: number | null;
  note: string | null;
  recordedBy: string | null;
}

export interface RemoteCopyDeliveryTable {
  id: Generated<string>;
  requestId: string;
  scanJobId: string;
  filename: string;
  mediaType: string;
  sizeBytes: Bigint;
  sm3: string;
  sha256: string;
  expiresAt: Date;
  deliveredBy: string | null;
  deliveredAt: Defaulted<Date>;
  withdrawnAt: Date | null;
  /** D-10.8 screening (migration 0018). */
  screening: Defaulted<"passed" | "held" | "released" | "blocked" | "unscreenable">;
  screenedPages: Defaulted<number>;
}

export interface RemoteCopyDownloadTable {
  id: Generated<string>;
  deliveryId: string;
  userId: string | null;
  orgId: string | null;
  at: Defaulted<Date>;
  outcome: "served" | "expired" | "withdrawn" | "held";
  ip: string | null;
}

export interface LoanConsentTable {
  requestId: string;
  givenBy: string | null;
  givenAt: Defaulted<Date>;
  statement: string;
  attachmentId: string | null;
}

export interface LoanTable {
  id: Generated<string>;
  requestId: string;
  agencyOrgId: string;
  dueOn: DateString;
  deliveryPlace: string;
  deliveryAt: Date;
  recordedBy: string | null;
  recordedAt: Defaulted<Date>;
  receiverName: string | null;
  receiverIdKind: IdKind | null;
  receiverIdNumber: string | null;
  handedOverBy: string | null;
  handedOverAt: Date | null;
  returnedAt: Date | null;
  returnedByName: string | null;
  receivedBackBy: string | null;
  overdueAlertedAt: Date | null;
}

export interface ReturnCheckTable {
  id: Generated<string>;
  requestId: string;
  returnerName: string;
  returnerDeclared: number;
  checkedBy: string | null;
  checkedAt: Defaulted<Date>;
  outcome: "passed" | "discrepancy";
  incidentId: string | null;
  reportCause: string | null;
  reportHandling: string | null;
  reportSm3: string | null;
  reportedBy: string | null;
  reportedAt: Date | null;
}

export interface ReturnCheckLineTable {
  checkId: string;
  itemId: string;
  boxId: string | null;
  outcome: "present" | "missing" | "damaged";
  note: string | null;
}

export interface UseServicesTables {
  scanJob: ScanJobTable;
  remoteCopyDelivery: RemoteCopyDeliveryTable;
  remoteCopyDownload: RemoteCopyDownloadTable;
  loanConsent: LoanConsentTable;
  loan: LoanTable;
  returnCheck: ReturnCheckTable;
  returnCheckLine: ReturnCheckLineTable;
}
