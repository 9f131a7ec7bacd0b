// Consistency rules for an organisation record, whatever path creates it.
import { DomainError } from "../errors/domain-error.ts";
import type { OrgKind } from "./kinds.ts";

/** The fields whose presence depends on the organisation's kind. */
export interface OrganisationShape {
  kind: OrgKind;
  regulatorLevel?: string | null | undefined;
  supervisedDistricts?: readonly string[] | null | undefined;
  serviceTypes?: readonly string[] | null | undefined;
  licenceNumber?: string | null | undefined;
  foreignBacked?: boolean | null | undefined;
}

/** Checks that kind-specific fields are present and others absent. */
export function assertOrganisationShape(org: OrganisationShape): void {
  if (org.kind === "regulator") {
    if (!org.regulatorLevel)
      throw shapeError("regulatorLevel", "监管部门须注明市级或区级", "a regulator needs a level");
    if (org.regulatorLevel === "district" && !org.supervisedDistricts?.length)
      throw shapeError(
        "supervisedDistricts",
        "区级监管部门须注明所辖区",
        "a district regulator needs its districts",
      );
  } else if (org.regulatorLevel || org.supervisedDistricts?.length) {
    throw shapeError(
      "regulatorLevel",
      "只有监管部门有级别和辖区",
      "only a regulator has a level and districts",
    );
  }
  if (org.kind === "agency") {
    // G-2, G-12: an agency is registered with a licence and the service types it offers.
    if (!org.serviceTypes?.length)
      throw shapeError("serviceTypes", "中介机构须注明服务类型", "an agency needs its service types", "G-2");
    if (!org.licenceNumber)
      throw shapeError(
        "licenceNumber",
        "中介机构须登记营业执照号",
        "an agency needs its licence number",
        "G-12",
      );
  } else if (org.serviceTypes?.length || org.foreignBacked) {
    throw shapeError(
      "serviceTypes",
      "只有中介机构有服务类型和外资背景",
      "only an agency has service types and a foreign-backed flag",
    );
  }
}

function shapeError(field: string, zh: string, en: string, clause?: string): DomainError {
  return new DomainError({
    code: "ORGANISATION_SHAPE",
    status: 422,
    message: { zh, en },
    ...(clause ? { clause } : {}),
    details: { field },
  });
}
