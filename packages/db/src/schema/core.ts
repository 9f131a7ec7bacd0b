// Platform core tables (migration 0001), camelCased for Kysely.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

import type { CreatedAt, DateString, Timestamp } from "./columns.ts";

export interface OrganisationTable {
  id: Generated<string>;
  kind: "regulator" | "client" | "agency";
  name: string;
  creditCode: string | null;
  district: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  regulatorLevel: "city" | "district" | null;
  supervisedDistricts: ColumnType<string[], string[] | undefined, string[]>;
  serviceTypes: ColumnType<string[], string[] | undefined, string[]>;
  licenceNumber: string | null;
  businessScope: string | null;
  registrationStatus: ColumnType<"active" | "suspended" | "revoked", string | undefined, string>;
  foreignBacked: ColumnType<boolean, boolean | undefined, boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  orgId: string;
  username: string;
  displayName: string;
  roles: string[];
  passwordHash: string;
  phone: string | null;
  idNumber: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  failedLogins: ColumnType<number, number | undefined, number>;
  lockedUntil: Date | null;
  passwordChangedAt: Timestamp;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface UserSessionTable {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: CreatedAt;
  expiresAt: Date;
  lastSeenAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
  /** Migration 0021: the user's role requires MFA and they have none (DANGAN_MFA_REQUIRED_ROLES). */
  mfaEnrolmentRequired: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ApiTokenTable {
  id: Generated<string>;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: CreatedAt;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ProjectTable {
  id: Generated<string>;
  code: string;
  name: string;
  clientOrgId: string;
  agencyOrgId: string;
  serviceType: "custody" | "digitization" | "arrangement" | "system_building";
  custodyMode: "deposit" | "custody" | null;
  hasClassified: ColumnType<boolean, boolean | undefined, boolean>;
  hasNationalScope: ColumnType<boolean, boolean | undefined, boolean>;
  responsibleLeader: string;
  responsibleDepartment: string;
  siteKind: "client_premises" | "designated_site" | "agency_premises" | "other" | null;
  siteAddress: string | null;
  description: string | null;
  status: ColumnType<
    "draft" | "active" | "suspended" | "completed" | "cancelled",
    string | undefined,
    string
  >;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface AttachmentTable {
  id: Generated<string>;
  entityType: string;
  entityId: string;
  sm3: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  filename: string;
  label: string | null;
  orgId: string | null;
  uploadedBy: string | null;
  createdAt: CreatedAt;
}

export interface ContractTable {
  id: Generated<string>;
  projectId: string;
  contractNumber: string | null;
  content: string | null;
  termStart: DateString | null;
  termEnd: DateString | null;
  quantity: number | null;
  quantityUnit: string | null;
  price: number | null;
  pricingUnit: string | null;
  confidentialityTerms: string | null;
  rightsAndDuties: string | null;
  breachLiability: string | null;
  damageCompensation: string | null;
  technicalStandards: string | null;
  securityRequirements: string | null;
  status: ColumnType<"draft" | "signed", string | undefined, string>;
  signedDocumentId: string | null;
  signedOn: DateString | null;
  updatedBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface LedgerEntryTable {
  id: Generated<string>;
  projectId: string;
  kind: "supervision" | "problem" | "rectification" | "note";
  occurredOn: DateString;
  summary: string;
  details: string | null;
  clauseId: string | null;
  resolvesEntryId: string | null;
  status: "open" | "closed" | null;
  authorUserId: string | null;
  orgId: string | null;
  createdAt: CreatedAt;
}

export interface SigningKeyTable {
  orgId: string;
  algorithm: ColumnType<string, string | undefined, string>;
  publicKeyPem: string;
  privateKeyEnc: string;
  createdAt: CreatedAt;
}

export interface ConfirmationTable {
  id: Generated<string>;
  entityType: string;
  entityId: string;
  documentKind: string;
  documentDigest: string;
  orgId: string;
  signerUserId: string;
  signerName: string;
  signedAt: Date;
  signature: string;
  publicKeyPem: string;
}

export interface AuditEventTable {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: ColumnType<unknown, string, never>;
  scopeOrgIds: string[];
  prevHash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  version: string;
  sm3: string;
  appliedAt: CreatedAt;
}

export interface CoreTables {
  organisation: OrganisationTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  apiToken: ApiTokenTable;
  project: ProjectTable;
  attachment: AttachmentTable;
  contract: ContractTable;
  ledgerEntry: LedgerEntryTable;
  signingKey: SigningKeyTable;
  confirmation: ConfirmationTable;
  auditEvent: AuditEventTable;
  schemaMigration: SchemaMigrationTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type AppUser = Selectable<AppUserTable>;
export type Project = Selectable<ProjectTable>;
export type ProjectPatch = Updateable<ProjectTable>;
export type Contract = Selectable<ContractTable>;
export type LedgerEntry = Selectable<LedgerEntryTable>;
export type Attachment = Selectable<AttachmentTable>;
export type Confirmation = Selectable<ConfirmationTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
