// G-7, G-11: a rectification order as a transition table. The addressee (the
// agency or the client) responds with evidence; the issuing side accepts or
// rejects; a rejected order is answered again. Overdue is a fact of the
// deadline, not a state: an order past its deadline and not accepted escalates.
import { DomainError } from "../errors/domain-error.ts";
import type { Workflow } from "../workflow/engine.ts";

export const RECTIFICATION_STATUSES = ["open", "responded", "rejected", "accepted"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export type RectificationAction = "respond" | "accept" | "reject";

export interface RectificationContext {
  /** The response text, for "respond". */
  response?: string | undefined;
  /** Evidence files attached to the order. */
  evidenceCount: number;
  /** The reason, for "reject". */
  note?: string | undefined;
}

const evidenceRequired = (c: RectificationContext) =>
  !c.response?.trim() || c.evidenceCount === 0
    ? new DomainError({
        code: "RECTIFICATION_EVIDENCE_REQUIRED",
        status: 422,
        clause: "G-7",
        message: {
          zh: "整改回复须说明整改情况并附整改证明材料",
          en: "A rectification response needs a statement and at least one evidence file",
        },
      })
    : undefined;

const reasonRequired = (c: RectificationContext) =>
  !c.note?.trim()
    ? new DomainError({
        code: "REJECTION_REASON_REQUIRED",
        status: 422,
        clause: "G-7",
        message: { zh: "退回整改须说明理由", en: "Rejecting a rectification needs the reason" },
      })
    : undefined;

export const rectificationWorkflow: Workflow<RectificationStatus, RectificationAction, RectificationContext> =
  {
    name: "rectification",
    transitions: [
      { action: "respond", from: ["open", "rejected"], to: "responded", guard: evidenceRequired },
      { action: "accept", from: ["responded"], to: "accepted" },
      { action: "reject", from: ["responded"], to: "rejected", guard: reasonRequired },
    ],
  };

/** G-7: "限期整改" — past the deadline and not yet accepted. */
export const isRectificationOverdue = (o: { status: RectificationStatus; deadline: string }, today: string) =>
  o.status !== "accepted" && o.deadline < today;

export function assertDeadlineAhead(deadline: string, today: string): void {
  if (deadline <= today)
    throw new DomainError({
      code: "DEADLINE_NOT_AHEAD",
      status: 422,
      clause: "G-7",
      message: { zh: "整改期限须晚于今天", en: "The rectification deadline must be after today" },
    });
}
