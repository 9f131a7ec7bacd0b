// Retrieval tables (migration 0008, D-10): written grants and use requests.
import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, DateString, Defaulted, Timestamp } from "./columns.ts";

type UseMode = "reading" | "remote_copy" | "loan" | "proxy_search";
type IdKind = "id_card" | "work_card" | "passport" | "other";
type Json<T> = ColumnType<T, string | null | undefined, string | null>;

export interface WrittenGrantTable {
  id: Generated<string>;
  grantNo: string;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  granteeKind: "person" | "organisation";
  granteeName: string;
  granteeIdKind: IdKind | null;
  granteeIdNumber: string | null;
  granteeOrgId: string | null;
  modes: UseMode[];
  purpose: string;
  scopeKind: "list" | "query";
  scopeQuery: Json<Record<string, unknown> | null>;
  validFrom: DateString;
  validTo: DateString;
  status: Defaulted<"draft" | "issued" | "revoked">;
  digest: string | null;
  issuedBy: string | null;
  issuedAt: Date | null;
  revokedBy: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface WrittenGrantItemTable {
  grantId: string;
  itemId: string | null;
  boxId: string | null;
}

export type UseRequestStatus =
  | "submitted"
  | "accepted"
  | "retrieved"
  | "in_service"
  | "returning"
  | "return_blocked"
  | "returned"
  | "closed"
  | "rejected"
  | "cancelled";

export interface UseRequestTable {
  id: Generated<string>;
  requestNo: string;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  requesterKind: "client" | "third_party" | "agency_proxy";
  userName: string;
  userOrgName: string | null;
  userIdKind: IdKind | null;
  userIdNumber: string | null;
  grantId: string | null;
  mode: UseMode;
  purpose: string;
  priority: Defaulted<"standard" | "rush">;
  dueAt: Date;
  status: Defaulted<UseRequestStatus>;
  statusReason: string | null;
  submittedBy: string;
  submittedAt: Defaulted<Date>;
  closedAt: Date | null;
  updatedAt: Timestamp;
}

export interface UseRequestItemTable {
  requestId: string;
  itemId: string;
  boxId: string | null;
}

export interface UseRequestStepTable {
  id: Generated<string>;
  requestId: string;
  action: string;
  fromState: string;
  toState: string;
  byUserId: string | null;
  at: Defaulted<Date>;
  note: string | null;
}

export interface RetrievalTables {
  writtenGrant: WrittenGrantTable;
  writtenGrantItem: WrittenGrantItemTable;
  useRequest: UseRequestTable;
  useRequestItem: UseRequestItemTable;
  useRequestStep: UseRequestStepTable;
}
