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
  "box.moved",
  "intake_batch.created",
  "intake_batch.transitioned",
  "intake.condition_recorded",
  "intake.treatment_recorded",
  "intake.repack_consented",
  "intake.content_access_granted",
  "intake.content_access_revoked",
  "intake.content_added",
  "intake.content_viewed",
  "box.created",
  "box.sealed",
  "box.inspected",
  "inventory_plan.created",
  "inventory_plan.updated",
  "inventory_check.started",
  "inventory_check.shelf_opened",
  "inventory_check.scanned",
  "inventory_check.shelf_closed",
  "inventory_check.finding_recorded",
  "inventory_check.completed",
  "inventory_result.reshelved",
  "sensor.registered",
  "sensor.updated",
  "sensor.credentials_rotated",
  "environment.readings_imported",
  "environment.alert_opened",
  "environment.alert_acknowledged",
  "environment.limits_set",
  "vault.entered",
  "vault.exited",
  "site.created",
  "site.updated",
  "site.deleted",
  "facility_room.saved",
  "facility_room.deleted",
  "vault.created",
  "vault.updated",
  "vault.deleted",
  "vault.key_holder_added",
  "vault.key_holder_removed",
  "camera.saved",
  "camera.deleted",
  "fire_alarm.saved",
  "fire_alarm.deleted",
  "equipment.saved",
  "equipment.maintained",
  "staff.saved",
  "staff.training_added",
  "location.generated",
  "location.updated",
  "catalogue.imported",
  "catalogue.import_refused",
  "catalogue.confirmed",
  "catalogue.withdrawn",
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
