import type { Actor, AuditActor } from "@dangan/domain";

export function auditActor(actor: Actor): AuditActor {
  return actor.type === "system"
    ? { userId: null, orgId: null }
    : { userId: actor.userId, orgId: actor.orgId };
}

/** Extra payload fields that say who acted when it was the operator, not a user. */
export function operatorNote(actor: Actor): Record<string, unknown> {
  return actor.type === "system" ? { operator: actor.reason } : {};
}

/** The acting user's id, or null for the system (the "recorded by" columns). */
export const actorUserId = (actor: Actor): string | null => (actor.type === "user" ? actor.userId : null);
