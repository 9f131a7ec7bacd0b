// The guidance's prohibitions on projects, enforced with no override wherever
// a project is created or changed, and wherever an agency's standing changes.
import { DomainError } from "../errors/domain-error.ts";
import type { RegistrationStatus, ServiceType } from "../organisations/kinds.ts";
import type { SiteKind } from "./schemas.ts";

export interface ProjectFacts {
  serviceType: ServiceType;
  hasClassified: boolean;
  hasNationalScope: boolean;
  siteKind?: SiteKind | null | undefined;
  siteAddress?: string | null | undefined;
}

export interface AgencyFacts {
  kind: string;
  serviceTypes: readonly string[];
  foreignBacked: boolean;
  registrationStatus: RegistrationStatus;
}

/** G-3, D-4.5, Z-4.3: classified archives may not be deposited or outsourced. */
export function assertNotClassified(p: ProjectFacts): void {
  if (!p.hasClassified) return;
  const clause = p.serviceType === "custody" ? "D-4.5" : p.serviceType === "digitization" ? "Z-4.3" : "G-3";
  throw new DomainError({
    code: "CLASSIFIED_ARCHIVES_FORBIDDEN",
    status: 422,
    clause,
    message: {
      zh: "涉及国家秘密的档案禁止寄存、托管或外包",
      en: "Archives with state-secret content may not be deposited or outsourced",
    },
  });
}

/** G-3, Z-4.4: national-scope archives may not go to a foreign-backed agency. */
export function assertNationalScopeAgency(p: ProjectFacts, agency: Pick<AgencyFacts, "foreignBacked">): void {
  if (!p.hasNationalScope || !agency.foreignBacked) return;
  throw new DomainError({
    code: "NATIONAL_SCOPE_FOREIGN_AGENCY",
    status: 422,
    clause: p.serviceType === "digitization" ? "Z-4.4" : "G-3",
    message: {
      zh: "列入国家档案馆收集范围的档案不得委托给具有外资背景的机构",
      en: "National-scope archives may not be entrusted to a foreign-backed agency",
    },
  });
}

/** G-2, G-12: the agency must be registered, active and offer the service type. */
export function assertAgencyServes(p: ProjectFacts, agency: AgencyFacts): void {
  if (agency.kind !== "agency") {
    throw new DomainError({
      code: "NOT_AN_AGENCY",
      status: 422,
      clause: "G-4",
      message: { zh: "受托方必须是档案中介机构", en: "The contractor must be an agency" },
    });
  }
  if (!agency.serviceTypes.includes(p.serviceType)) {
    throw new DomainError({
      code: "AGENCY_SERVICE_NOT_OFFERED",
      status: 422,
      clause: "G-2",
      message: { zh: "该机构未登记提供此类服务", en: "The agency is not registered for this service type" },
      details: { serviceType: p.serviceType },
    });
  }
  if (agency.registrationStatus !== "active") {
    throw new DomainError({
      code: "AGENCY_NOT_ACTIVE",
      status: 422,
      clause: "G-12",
      message: { zh: "该机构登记状态异常，不能承接项目", en: "The agency's registration is not active" },
      details: { registrationStatus: agency.registrationStatus },
    });
  }
}

/** Z-4.2: digitization happens on the client's premises or a designated site. */
export function assertDigitizationSite(p: ProjectFacts): void {
  if (p.serviceType !== "digitization") return;
  if (p.siteKind === "client_premises" || p.siteKind === "designated_site") {
    if (p.siteAddress?.trim()) return;
    throw new DomainError({
      code: "DIGITIZATION_SITE_ADDRESS_REQUIRED",
      status: 422,
      clause: "Z-4.2",
      message: { zh: "须填写数字化场所地址", en: "The digitization site address is required" },
    });
  }
  throw new DomainError({
    code: "DIGITIZATION_SITE_NOT_ALLOWED",
    status: 422,
    clause: "Z-4.2",
    message: {
      zh: "档案数字化应当在本单位场所或指定场所内进行",
      en: "Digitization must take place on the client's premises or a designated site",
    },
    details: { siteKind: p.siteKind ?? null },
  });
}

/** Every prohibition, in the order a reader of the guidance would check them. */
export function assertProjectAllowed(p: ProjectFacts, agency: AgencyFacts): void {
  assertNotClassified(p);
  assertNationalScopeAgency(p, agency);
  assertAgencyServes(p, agency);
  assertDigitizationSite(p);
}

/** G-3: an agency holding national-scope work may not become foreign-backed. */
export function assertForeignBackingChange(foreignBacked: boolean, openNationalScopeProjects: number): void {
  if (!foreignBacked || openNationalScopeProjects === 0) return;
  throw new DomainError({
    code: "NATIONAL_SCOPE_FOREIGN_AGENCY",
    status: 422,
    clause: "G-3",
    message: {
      zh: "该机构承接了列入国家档案馆收集范围的档案项目，不能登记为外资背景",
      en: "The agency holds national-scope projects and cannot be registered as foreign-backed",
    },
    details: { openNationalScopeProjects },
  });
}
