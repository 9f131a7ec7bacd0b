// The audit event catalogue: every action that changes state has a name here.
// The payload is free-form JSON but each action documents what it carries.

export const AUDIT_ACTIONS = [
  "organisation.created",
  "organisation.updated",
  "organisation.standing_changed",
  "user.created",
  "user.updated",
  "user.password_changed",
  "user.locked",
  "user.unlocked",
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "api_token.created",
  "api_token.revoked",
  "project.created",
  "project.updated",
  "project.transitioned",
  "contract.saved",
  "contract.signed",
  "ledger.entry_added",
  "ledger.entry_closed",
  "attachment.added",
  "confirmation.signed",
  "incident.opened",
  "incident.updated",
  "incident.closed",
  "signing_key.created",
  "system.migrated",
  "system.restored",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** An event as a service records it, before it gets its place in the chain. */
export interface AuditEventDraft {
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** Before/after or the relevant facts; must be JSON. */
  payload: Record<string, unknown>;
  /** Organisations whose data the event concerns; drives who may read it. */
  scopeOrgIds: string[];
}

export interface AuditActor {
  userId: string | null;
  orgId: string | null;
}
