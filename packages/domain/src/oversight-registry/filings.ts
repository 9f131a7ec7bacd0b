// G-7: national-scope archives deposited with an agency are reported to the
// regulator of the client's level; the regulator verifies or sends back with
// questions, the client answers and resubmits. Workflow as data.
import { DomainError } from "../errors/domain-error.ts";
import type { Workflow } from "../workflow/engine.ts";

export const FILING_STATUSES = ["submitted", "returned", "verified"] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_ACTIONS = ["verify", "return", "resubmit"] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];

/** What the caller brings to a move: the text it needs and who is acting. */
export interface FilingTransitionContext {
  text: string | undefined;
  actorIsRegulator: boolean;
  actorIsClient: boolean;
}

const needs =
  (who: "regulator" | "client", textRequired: boolean) =>
  (ctx: FilingTransitionContext): DomainError | undefined => {
    const ok = who === "regulator" ? ctx.actorIsRegulator : ctx.actorIsClient;
    if (!ok)
      return new DomainError({
        code: "FILING_WRONG_PARTY",
        status: 403,
        clause: "G-7",
        message:
          who === "regulator"
            ? {
                zh: "仅受理报送的档案行政管理部门可以核查",
                en: "Only the receiving regulator checks a filing",
              }
            : { zh: "仅委托方可以答复并重新报送", en: "Only the client answers and resubmits a filing" },
      });
    if (textRequired && !ctx.text?.trim())
      return new DomainError({
        code: who === "regulator" ? "FILING_QUESTIONS_REQUIRED" : "FILING_ANSWER_REQUIRED",
        status: 422,
        clause: "G-7",
        message:
          who === "regulator"
            ? { zh: "退回报送须写明需补充说明的问题", en: "Sending a filing back needs the questions" }
            : { zh: "重新报送须答复退回的问题", en: "Resubmitting needs an answer to the questions" },
      });
    return undefined;
  };

export const filingWorkflow: Workflow<FilingStatus, FilingAction, FilingTransitionContext> = {
  name: "filing",
  transitions: [
    { action: "verify", from: ["submitted"], to: "verified", guard: needs("regulator", false) },
    { action: "return", from: ["submitted"], to: "returned", guard: needs("regulator", true) },
    { action: "resubmit", from: ["returned"], to: "submitted", guard: needs("client", true) },
  ],
};

/** G-7: a deposit needs a filing when national-scope archives go into an agency's custody. */
export function requiresFiling(p: { hasNationalScope: boolean; serviceType: string }): boolean {
  return p.hasNationalScope && p.serviceType === "custody";
}

export interface RegulatorRef {
  id: string;
  regulatorLevel: "city" | "district" | null;
  supervisedDistricts: readonly string[];
  registrationStatus?: string;
}

/**
 * G-7 "同级档案行政管理部门": the district bureau supervising the client's district
 * receives the filing; where none is registered the city bureau does.
 */
export function filingRegulator<R extends RegulatorRef>(clientDistrict: string, regulators: readonly R[]): R {
  const active = regulators.filter((r) => (r.registrationStatus ?? "active") === "active");
  const district = active.find(
    (r) => r.regulatorLevel === "district" && r.supervisedDistricts.includes(clientDistrict),
  );
  const city = active.find((r) => r.regulatorLevel === "city");
  const chosen = district ?? city;
  if (!chosen)
    throw new DomainError({
      code: "NO_FILING_REGULATOR",
      status: 422,
      clause: "G-7",
      message: {
        zh: "未找到受理报送的档案行政管理部门",
        en: "No regulator is registered to receive the filing",
      },
    });
  return chosen;
}

/** What the regulator needs to see in a filing (G-7): parties, contract, scope, quantities, dates. */
export interface FilingContent {
  project: { code: string; name: string; custodyMode: string | null; description: string | null };
  client: { name: string; district: string; creditCode: string | null };
  agency: { name: string; district: string; licenceNumber: string | null };
  contract: {
    number: string | null;
    content: string | null;
    termStart: string | null;
    termEnd: string | null;
    signedOn: string | null;
  };
  quantity: { value: number | null; unit: string | null };
  responsible: { leader: string; department: string };
  depositedOn: string;
}
