// Shapes of the API's JSON. Enum-like fields reuse the domain package's types
// (type-only imports, so nothing from it reaches the browser bundle).
import type {
  AuditAction,
  Clause,
  ContractField,
  CustodyMode,
  District,
  LedgerKind,
  OrgKind,
  ProjectAction,
  ProjectStatus,
  RegistrationStatus,
  RegulatorLevel,
  Role,
  ServiceType,
  SiteKind,
} from "@dangan/domain";

export type {
  AuditAction,
  Clause,
  ContractField,
  CustodyMode,
  District,
  LedgerKind,
  OrgKind,
  ProjectAction,
  ProjectStatus,
  RegistrationStatus,
  RegulatorLevel,
  Role,
  ServiceType,
  SiteKind,
};

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Meta {
  districts: Record<District, Bilingual>;
  roles: Record<Role, { kind: OrgKind; label: Bilingual }>;
  orgKinds: Record<OrgKind, Bilingual>;
  serviceTypes: Record<ServiceType, Bilingual>;
  registrationStatuses: Record<RegistrationStatus, Bilingual>;
}

export interface OrgRef {
  id: string;
  name: string;
  kind: OrgKind;
  district: District;
  regulatorLevel: RegulatorLevel | null;
  supervisedDistricts: District[];
}

export interface User {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: Role[];
  phone: string | null;
  idNumber: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  locked: boolean;
  /** In the administrator's list only: a second factor is in force. */
  mfaEnabled?: boolean;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface Me extends User {
  org: OrgRef;
  /** Two-factor sign-in is on for this user. */
  mfaEnabled: boolean;
  /** The user's role requires MFA and it is off: only enrolment is served. */
  mfaEnrolmentRequired: boolean;
}

/** The password was right; the second factor is asked next (POST /api/auth/login/mfa). */
export interface MfaStep {
  mfaRequired: true;
  challenge: string;
  expiresAt: string;
}

/** What the second step takes: the authenticator's code or one recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export interface MfaStatus {
  enabled: boolean;
  enabledAt: string | null;
  pending: boolean;
  recoveryCodesLeft: number;
}

export interface Session {
  me: Me | null;
  csrfToken: string | null;
}

export interface Organisation {
  id: string;
  kind: OrgKind;
  name: string;
  creditCode: string | null;
  district: District;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  regulatorLevel: RegulatorLevel | null;
  supervisedDistricts: District[];
  serviceTypes: ServiceType[];
  licenceNumber: string | null;
  businessScope: string | null;
  registrationStatus: RegistrationStatus;
  foreignBacked: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OrganisationDetail extends Organisation {
  signingKey: { publicKeyPem: string; algorithm: string } | null;
  permissions: { update: boolean; changeStanding: boolean; manageUsers: boolean };
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type EntityType =
  | "project"
  | "contract"
  | "ledger_entry"
  | "organisation"
  | "inspection"
  | "rectification_order";

export interface Attachment {
  id: string;
  entityType: EntityType;
  entityId: string;
  sm3: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  filename: string;
  label: string | null;
  uploaderName: string | null;
  createdAt: string;
}

export interface Confirmation {
  id: string;
  entityType: EntityType;
  entityId: string;
  documentKind: string;
  documentDigest: string;
  orgId: string;
  orgName: string;
  signerUserId: string;
  signerName: string;
  signedAt: string;
  valid: boolean;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  actorName: string | null;
  action: AuditAction | string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
  scopeOrgIds: string[];
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { kind: "sequence_gap"; seq: number; expectedSeq: number }
  | { kind: "prev_hash_mismatch"; seq: number }
  | { kind: "hash_mismatch"; seq: number };

export interface VerifyResult {
  ok: boolean;
  count: number;
  head: { seq: number; hash: string };
  firstBreak: ChainBreak | null;
}

export type ClauseModule = "all" | "oversight" | "client" | "agency" | "custody" | "digitization";

export type {
  Contract,
  ContractRequirement,
  ContractValues,
  ErrorBody,
  LedgerEntry,
  NextAction,
  Project,
  ProjectDetail,
} from "./project-types.ts";
