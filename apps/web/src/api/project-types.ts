// Shapes of the project endpoints: projects, their contract and ledger.
import type {
  Bilingual,
  ContractField,
  CustodyMode,
  District,
  LedgerKind,
  ProjectAction,
  ProjectStatus,
  ServiceType,
  SiteKind,
} from "./types.ts";

export interface Project {
  id: string;
  code: string;
  name: string;
  clientOrgId: string;
  agencyOrgId: string;
  serviceType: ServiceType;
  custodyMode: CustodyMode | null;
  hasClassified: boolean;
  hasNationalScope: boolean;
  responsibleLeader: string;
  responsibleDepartment: string;
  siteKind: SiteKind | null;
  siteAddress: string | null;
  description: string | null;
  status: ProjectStatus;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  completedAt: string | null;
  clientName: string;
  clientDistrict: District;
  agencyName: string;
  agencyDistrict: District;
  agencyForeignBacked: boolean;
}

export interface ErrorBody {
  code: string;
  clause?: string;
  message: Bilingual;
  details?: Record<string, unknown>;
}

export interface NextAction {
  action: ProjectAction;
  to: ProjectStatus;
  blockedBy?: ErrorBody;
}

export interface ProjectDetail extends Project {
  contractStatus: "draft" | "signed";
  permissions: {
    update: boolean;
    transition: boolean;
    editContract: boolean;
    writeLedger: boolean;
    attach: boolean;
    confirm: boolean;
  };
  nextActions: NextAction[];
}

export interface ContractRequirement {
  field: ContractField;
  clause: string;
  label: Bilingual;
}

export type ContractValues = { [K in ContractField]?: K extends "quantity" | "price" ? number : string };

export interface Contract extends ContractValues {
  id: string;
  projectId: string;
  status: "draft" | "signed";
  signedDocumentId: string | null;
  signedOn: string | null;
  signedDocument: { id: string; filename: string; sm3: string; sizeBytes: number } | null;
  requirements: ContractRequirement[];
  missing: ContractField[];
  canEdit: boolean;
  updatedAt: string;
}

export interface LedgerEntry {
  id: string;
  projectId: string;
  kind: LedgerKind;
  occurredOn: string;
  summary: string;
  details: string | null;
  clauseId: string | null;
  resolvesEntryId: string | null;
  status: "open" | "closed" | null;
  authorUserId: string | null;
  authorName: string | null;
  createdAt: string;
}
