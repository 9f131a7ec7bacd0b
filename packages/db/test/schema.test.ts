// The hand-written Kysely types name only tables and columns that exist.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, loadMigrations, migrate } from "../src/index.ts";
import { createTestDatabase, testDbMode } from "../src/testing.ts";

const COLUMNS: Record<string, string[]> = {
  organisation: [
    "id",
    "kind",
    "name",
    "credit_code",
    "district",
    "regulator_level",
    "supervised_districts",
    "service_types",
    "licence_number",
    "registration_status",
    "foreign_backed",
  ],
  app_user: ["id", "org_id", "username", "roles", "password_hash", "failed_logins", "locked_until"],
  user_session: ["id_hash", "user_id", "csrf_token", "expires_at"],
  api_token: ["id", "user_id", "token_hash", "prefix", "revoked_at"],
  project: [
    "id",
    "code",
    "client_org_id",
    "agency_org_id",
    "service_type",
    "has_classified",
    "has_national_scope",
    "responsible_leader",
    "responsible_department",
    "site_kind",
    "status",
  ],
  contract: [
    "id",
    "project_id",
    "content",
    "term_start",
    "term_end",
    "quantity",
    "price",
    "pricing_unit",
    "confidentiality_terms",
    "rights_and_duties",
    "breach_liability",
    "damage_compensation",
    "technical_standards",
    "security_requirements",
    "status",
    "signed_document_id",
  ],
  ledger_entry: ["id", "project_id", "kind", "occurred_on", "summary", "resolves_entry_id", "status"],
  attachment: ["id", "entity_type", "entity_id", "sm3", "sha256", "size_bytes", "media_type", "filename"],
  signing_key: ["org_id", "public_key_pem", "private_key_enc"],
  confirmation: ["id", "document_digest", "org_id", "signer_user_id", "signature", "public_key_pem"],
  audit_event: [
    "seq",
    "at",
    "actor_user_id",
    "actor_org_id",
    "action",
    "entity_type",
    "entity_id",
    "payload",
    "scope_org_ids",
    "prev_hash",
    "hash",
  ],
  schema_migration: ["version", "sm3", "applied_at"],
  site: ["id", "agency_org_id", "name", "checklist", "emergency_plan_attachment_id"],
  vault: [
    "id",
    "agency_org_id",
    "site_id",
    "code",
    "clear_height_m",
    "floor_load_kn_m2",
    "shelving_type",
    "fire_wall_zone_h",
    "main_aisle_m",
    "back_clearance_m",
    "keeper_user_id",
  ],
  location: ["id", "vault_id", "code", "row_no", "column_no", "section_no", "shelf_no", "zone", "capacity"],
  handover_catalogue: [
    "id",
    "project_id",
    "level",
    "status",
    "digest",
    "row_count",
    "quantity_total",
    "pages_total",
    "confirmed_at",
  ],
  catalogue_item: [
    "id",
    "catalogue_id",
    "row_no",
    "reference_code",
    "title",
    "box_no",
    "carrier",
    "classification",
  ],
  box: [
    "id",
    "project_id",
    "box_no",
    "barcode",
    "kind",
    "status",
    "seal_number",
    "location_id",
    "home_location_id",
  ],
  box_item: ["box_id", "item_id"],
  box_movement: ["id", "box_id", "kind", "from_location_id", "to_location_id", "at", "reference_type"],
  incident: ["id", "project_id", "kind", "severity", "source", "clause_id", "status"],
  intake_batch: [
    "id",
    "project_id",
    "client_org_id",
    "agency_org_id",
    "code",
    "title",
    "status",
    "completed_at",
  ],
  intake_batch_catalogue: ["batch_id", "catalogue_id"],
  intake_step: [
    "id",
    "batch_id",
    "action",
    "step",
    "performed_on",
    "records",
    "attachment_id",
    "recorded_by",
  ],
  intake_step_person: ["step_id", "user_id", "side"],
  intake_box: ["box_id", "batch_id"],
  intake_condition: ["id", "batch_id", "box_id", "item_id", "condition", "checked_by"],
  intake_treatment: ["id", "condition_id", "method", "treated_on", "treated_by"],
  box_seal: ["id", "box_id", "batch_id", "seal_number", "outside_ok", "sealed_by", "witness_user_id"],
  intake_inspection: [
    "id",
    "batch_id",
    "box_id",
    "seal_intact",
    "damaged",
    "missing_item_ids",
    "incident_id",
  ],
  intake_content_grant: ["id", "batch_id", "granted_by", "revoked_at"],
  catalogue_import: [
    "id",
    "project_id",
    "catalogue_id",
    "status",
    "rows_read",
    "problem_count",
    "problems",
    "heartbeat_at",
  ],
  facility_room: ["id", "agency_org_id", "site_id", "room_function", "area_m2", "vault_id"],
  camera: ["id", "site_id", "vault_id", "code", "covers", "recording_all_day", "retention_days"],
  fire_alarm: ["id", "site_id", "vault_id", "code", "detector", "covers"],
  protective_equipment: [
    "id",
    "vault_id",
    "kind",
    "check_interval_days",
    "last_checked_on",
    "next_due_on",
    "status",
  ],
  equipment_maintenance: [
    "id",
    "equipment_id",
    "kind",
    "performed_on",
    "result",
    "next_due_on",
    "recorded_by",
  ],
  vault_key_holder: ["vault_id", "user_id", "agency_org_id", "device", "issued_on"],
  staff_member: [
    "id",
    "agency_org_id",
    "user_id",
    "name",
    "id_number",
    "title_level",
    "archive_professional",
  ],
  staff_training: ["id", "staff_id", "held_on", "course", "hours", "certificate_attachment_id"],
  inventory_plan: [
    "id",
    "agency_org_id",
    "vault_id",
    "client_org_id",
    "method",
    "period_months",
    "next_due_on",
  ],
  inventory_check: ["id", "plan_id", "vault_id", "status", "staff_user_ids", "completed_at", "summary"],
  inventory_shelf: ["check_id", "location_id", "opened_at", "closed_at"],
  inventory_scan: ["id", "check_id", "location_id", "barcode", "scanned_at"],
  inventory_result: ["id", "check_id", "box_id", "result", "expected_location_id", "found_location_id"],
  inventory_finding: ["id", "check_id", "box_id", "kind", "note", "incident_id"],
  environment_sensor: ["id", "vault_id", "agency_org_id", "code", "zone", "secret_enc", "token_hash"],
  environment_reading: ["sensor_id", "vault_id", "at", "temperature_c", "humidity_pct", "lux", "source"],
  environment_hourly: ["sensor_id", "vault_id", "hour", "t_n", "t_min", "t_max", "t_sum", "h_n", "l_max"],
  environment_limit: ["agency_org_id", "zone", "temperature_min", "max_lux", "swing_temperature_c"],
  environment_alert: ["id", "vault_id", "kind", "clause_id", "status", "occurrences", "worst_value"],
  vault_entry: ["id", "vault_id", "agency_org_id", "entered_at", "exited_at", "approved_by", "recorded_by"],
  vault_entry_person: ["entry_id", "seq", "kind", "user_id", "name", "organisation", "id_number", "purpose"],
  written_grant: [
    "id",
    "grant_no",
    "project_id",
    "grantee_kind",
    "modes",
    "scope_kind",
    "valid_to",
    "digest",
  ],
  written_grant_item: ["grant_id", "item_id", "box_id"],
  use_request: ["id", "request_no", "requester_kind", "grant_id", "mode", "priority", "due_at", "status"],
  use_request_item: ["request_id", "item_id", "box_id"],
  use_request_step: ["id", "request_id", "action", "from_state", "to_state", "by_user_id", "at"],
};

let h: DbHandle;

describe(`schema (${testDbMode()})`, () => {
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(() => h.close());

  it("has every table and column the query types name", async () => {
    // Aliased to one word each: the CamelCasePlugin rewrites result keys.
    const r = await sql<{ t: string; c: string }>`
      SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public'`.execute(
      h.db,
    );
    const have = new Set(r.rows.map((row) => `${row.t}.${row.c}`));
    const missing = Object.entries(COLUMNS)
      .flatMap(([t, cols]) => cols.map((c) => `${t}.${c}`))
      .filter((k) => !have.has(k));
    expect(missing).toEqual([]);
  });

  it("applies migrations once and refuses one edited after it ran", async () => {
    expect(await migrate(h.db)).toEqual([]);
    const applied = await sql<{
      version: string;
    }>`SELECT version FROM schema_migration ORDER BY version`.execute(h.db);
    expect(applied.rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    await sql`UPDATE schema_migration SET sm3 = 'edited' WHERE version = ${applied.rows[0]!.version}`.execute(
      h.db,
    );
    await expect(migrate(h.db)).rejects.toThrow(/changed after it was applied/);
  });

  it("[G-3] refuses a classified project at the database level too", async () => {
    await expect(
      sql`INSERT INTO project (code, name, client_org_id, agency_org_id, service_type, has_classified, responsible_leader, responsible_department)
      VALUES ('X', 'x', gen_random_uuid(), gen_random_uuid(), 'custody', true, 'l', 'd')`.execute(h.db),
    ).rejects.toThrow(/check|violates/i);
  });
});
