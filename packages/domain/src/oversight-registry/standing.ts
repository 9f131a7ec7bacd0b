// G-12, D-4.2: an agency's registration standing as a transition table. Every
// change is the regulator's, needs its reason, and is audited.
import { DomainError } from "../errors/domain-error.ts";
import type { RegistrationStatus } from "../organisations/kinds.ts";
import type { Workflow } from "../workflow/engine.ts";

export const STANDING_ACTIONS = ["suspend", "reinstate", "revoke"] as const;
export type StandingAction = (typeof STANDING_ACTIONS)[number];

export interface StandingContext {
  reason: string | undefined;
}

const needsReason = (ctx: StandingContext) =>
  ctx.reason?.trim()
    ? undefined
    : new DomainError({
        code: "STANDING_REASON_REQUIRED",
        status: 422,
        clause: "G-12",
        message: { zh: "变更机构登记状态须说明理由", en: "Changing an agency's standing needs a reason" },
      });

export const standingWorkflow: Workflow<RegistrationStatus, StandingAction, StandingContext> = {
  name: "agency-standing",
  transitions: [
    { action: "suspend", from: ["active"], to: "suspended", guard: needsReason },
    { action: "reinstate", from: ["suspended"], to: "active", guard: needsReason },
    { action: "revoke", from: ["active", "suspended"], to: "revoked", guard: needsReason },
  ],
};
