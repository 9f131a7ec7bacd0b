// Z-7.3, D-10.8: who acts on a screening hit. The screening raises it; only the
// client — the owner of the archive — clears a false alarm or confirms the
// mark, and either is recorded with its author.
import type { Actor } from "../../access/actor.ts";
import { DomainError } from "../../errors/domain-error.ts";

export type ScreeningDecision = "clear" | "confirm";

export interface HitFacts {
  status: "open" | "cleared" | "confirmed";
  clientOrgId: string;
}

/** Z-7.3: the refusal for anyone but the archive's client, or for a hit already decided. */
export function screeningDecisionRefusal(actor: Actor, hit: HitFacts): DomainError | null {
  if (actor.type !== "user" || actor.orgId !== hit.clientOrgId)
    return new DomainError({
      code: "SCREENING_DECIDED_BY_CLIENT",
      status: 403,
      clause: "Z-7.3",
      message: {
        zh: "涉密标志的误报只能由委托方确认解除",
        en: "Only the client clears or confirms a classification-mark alert",
      },
    });
  if (hit.status !== "open")
    return new DomainError({
      code: "SCREENING_ALREADY_DECIDED",
      status: 409,
      clause: "Z-7.3",
      message: { zh: "该预警已处理", en: "This alert has already been decided" },
    });
  return null;
}

/**
 * D-10.8: a remote copy is handed out only when its screening passed or the client
 * released it; a hit, a file the OCR could not read, or a confirmed mark holds it.
 */
export function heldDeliveryRefusal(screening: string): DomainError | null {
  if (screening === "passed" || screening === "released") return null;
  return new DomainError({
    code: "DELIVERY_HELD_CLASSIFIED",
    status: 423,
    clause: "D-10.8",
    message: {
      zh: "该文件检出涉密标志，已暂停交付，待委托方处理",
      en: "A classification mark was found in this file; delivery is held until the client decides",
    },
  });
}
