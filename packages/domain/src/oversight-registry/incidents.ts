// G-7 "凡发生档案安全事故的…严肃追究相关…领导和有关人员的责任": an incident is
// closed by the regulator only, once its investigation, measures and the
// parties responsible are on record.
import { DomainError } from "../errors/domain-error.ts";

export const RESPONSIBLE_PARTIES = ["client", "agency", "third_party", "none"] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

export interface IncidentAccountability {
  investigation: string | null;
  measures: string | null;
  responsibleParties: readonly string[];
}

const refuse = (code: string, zh: string, en: string, status: 403 | 422 = 422) =>
  new DomainError({ code, status, clause: "G-7", message: { zh, en } });

/**
 * G-7: an archive-security incident — reported by a party, or critical — is an
 * accountability case. A lesser anomaly the system raised during handover or
 * return (D-8.8) is reconciled between the parties and closed by the client.
 */
export function needsAccountability(i: { source: string; severity: string }): boolean {
  return i.source === "manual" || i.severity === "critical";
}

/** G-7: only a regulator supervising the project closes an accountability case. */
export function assertIncidentCloser(
  i: { source: string; severity: string },
  by: { supervisingRegulator: boolean; projectClient: boolean },
): void {
  if (by.supervisingRegulator) return;
  if (by.projectClient && !needsAccountability(i)) return;
  throw refuse(
    "INCIDENT_CLOSED_BY_REGULATOR",
    "事故须由档案行政管理部门结案",
    "Only the supervising regulator closes an incident",
    403,
  );
}

/**
 * G-7: closing an accountability case needs the investigation, the measures,
 * the parties responsible and the resolution; any closure needs the resolution.
 */
export function assertIncidentClosable(
  i: IncidentAccountability & { resolution: string | null },
  accountable = true,
): void {
  if (!accountable) {
    if (!i.resolution?.trim())
      throw refuse("RESOLUTION_REQUIRED", "结案须说明处理结果", "Closing an incident needs its resolution");
    return;
  }
  if (!i.investigation?.trim())
    throw refuse("INVESTIGATION_REQUIRED", "结案前须记录调查情况", "Record the investigation before closing");
  if (!i.measures?.trim())
    throw refuse("MEASURES_REQUIRED", "结案前须记录整改措施", "Record the measures taken before closing");
  if (i.responsibleParties.length === 0)
    throw refuse(
      "RESPONSIBILITY_REQUIRED",
      "结案前须认定责任方",
      "Determine the parties responsible before closing",
    );
  if (!i.resolution?.trim())
    throw refuse("RESOLUTION_REQUIRED", "结案须说明处理结果", "Closing an incident needs its resolution");
}
