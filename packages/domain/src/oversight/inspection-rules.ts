// G-7, G-13, G-11: who inspects, with which kind of inspection, and the rules
// of findings. Regulators run planned, spot and ad hoc inspections; an agency
// runs self-checks (G-13); a client runs its supervision checks (G-11).
import { DomainError } from "../errors/domain-error.ts";
import type { OrgKind } from "../organisations/kinds.ts";
import { isMajorProblem, type Severity } from "./severity.ts";

export const INSPECTION_KINDS = ["planned", "spot", "ad_hoc", "self_check", "supervision"] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const KINDS_BY_ORG: Record<OrgKind, readonly InspectionKind[]> = {
  regulator: ["planned", "spot", "ad_hoc"],
  agency: ["self_check"],
  client: ["supervision"],
};

export function assertInspectionKind(orgKind: OrgKind, kind: InspectionKind): void {
  if (!KINDS_BY_ORG[orgKind].includes(kind))
    throw new DomainError({
      code: "INSPECTION_KIND_NOT_ALLOWED",
      status: 422,
      clause: orgKind === "agency" ? "G-13" : orgKind === "client" ? "G-11" : "G-7",
      message: {
        zh: "该单位不能发起此类检查",
        en: `An organisation of kind ${orgKind} cannot run a ${kind} inspection`,
      },
    });
}

/** A finding cites a clause of the inspection's checklist. */
export function assertFindingClause(clause: string, checklist: readonly string[]): void {
  if (!checklist.includes(clause))
    throw new DomainError({
      code: "FINDING_CLAUSE_NOT_IN_CHECKLIST",
      status: 422,
      clause: "G-7",
      message: { zh: "问题须对应检查表中的条款", en: "A finding must cite a clause of the checklist" },
      details: { clause },
    });
}

/** G-7: an inspection is complete only when every item has an answer. */
export function assertChecklistAnswered(unanswered: readonly string[]): void {
  if (unanswered.length > 0)
    throw new DomainError({
      code: "CHECKLIST_INCOMPLETE",
      status: 422,
      clause: "G-7",
      message: {
        zh: `检查表尚有 ${unanswered.length} 项未填写`,
        en: `${unanswered.length} checklist items are still unanswered`,
      },
      details: { unanswered },
    });
}

/** G-7: notices (通报) are for major security and quality problems only. */
export function assertNoticeWorthy(severity: Severity): void {
  if (!isMajorProblem(severity))
    throw new DomainError({
      code: "NOTICE_NOT_MAJOR",
      status: 422,
      clause: "G-7",
      message: { zh: "只有重大问题予以通报", en: "Only major problems are published as notices" },
    });
}
