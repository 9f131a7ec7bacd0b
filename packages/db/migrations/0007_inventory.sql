-- D-9.8: inventory checks — plans per vault (or per client within a vault),
-- checks run against them shelf by shelf, their results and treatment needs.
-- D-12.2: the movement register (box_movement, 0002) becomes append-only, so
-- that a changed or deleted row is an act outside the platform, which the
-- ledger reconciliation then reports against the audit trail.

CREATE TABLE inventory_plan (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  vault_id      uuid NOT NULL REFERENCES vault (id),
  -- Null: every client's boxes in the vault.
  client_org_id uuid REFERENCES organisation (id),
  title         text NOT NULL,
  method        text NOT NULL CHECK (method IN ('full', 'sample', 'by_client')),
  period_months integer NOT NULL CHECK (period_months BETWEEN 1 AND 24),
  next_due_on   date NOT NULL,
  requirements  text,
  active        boolean NOT NULL DEFAULT true,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (method <> 'by_client' OR client_org_id IS NOT NULL)
);
CREATE INDEX inventory_plan_vault_idx ON inventory_plan (vault_id);
CREATE INDEX inventory_plan_agency_idx ON inventory_plan (agency_org_id);

CREATE TABLE inventory_check (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES inventory_plan (id),
  agency_org_id  uuid NOT NULL REFERENCES organisation (id),
  vault_id       uuid NOT NULL REFERENCES vault (id),
  client_org_id  uuid REFERENCES organisation (id),
  method         text NOT NULL CHECK (method IN ('full', 'sample', 'by_client')),
  status         text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
  -- D-9.9: the staff who went into the vault together (at least two).
  staff_user_ids uuid[] NOT NULL CHECK (cardinality(staff_user_ids) >= 2),
  note           text,
  started_by     uuid REFERENCES app_user (id),
  started_at     timestamptz NOT NULL DEFAULT now(),
  completed_by   uuid REFERENCES app_user (id),
  completed_at   timestamptz,
  -- { present, missing, misplaced, unexpected, shelves, findings }
  summary        jsonb,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX inventory_check_vault_idx ON inventory_check (vault_id, completed_at);
CREATE INDEX inventory_check_plan_idx ON inventory_check (plan_id);
-- One running check per vault: two counts at once would each see the other's boxes as missing.
CREATE UNIQUE INDEX inventory_check_running_uq ON inventory_check (vault_id) WHERE status = 'in_progress';

-- The shelves examined: opened by scanning the location's barcode, closed when done.
CREATE TABLE inventory_shelf (
  check_id    uuid NOT NULL REFERENCES inventory_check (id),
  location_id uuid NOT NULL REFERENCES location (id),
  opened_at   timestamptz NOT NULL DEFAULT now(),
  opened_by   uuid REFERENCES app_user (id),
  closed_at   timestamptz,
  closed_by   uuid REFERENCES app_user (id),
  PRIMARY KEY (check_id, location_id)
);
-- One shelf at a time is open in a check.
CREATE UNIQUE INDEX inventory_shelf_open_uq ON inventory_shelf (check_id) WHERE closed_at IS NULL;

-- Box barcodes found on a shelf; a barcode is found once per check.
CREATE TABLE inventory_scan (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  check_id    uuid NOT NULL REFERENCES inventory_check (id),
  location_id uuid NOT NULL REFERENCES location (id),
  barcode     text NOT NULL,
  scanned_by  uuid REFERENCES app_user (id),
  scanned_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (check_id, barcode),
  FOREIGN KEY (check_id, location_id) REFERENCES inventory_shelf (check_id, location_id)
);

CREATE TABLE inventory_result (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  check_id             uuid NOT NULL REFERENCES inventory_check (id),
  -- Null for a barcode the register does not hold in this check's scope.
  box_id               uuid REFERENCES box (id),
  project_id           uuid REFERENCES project (id),
  barcode              text NOT NULL,
  result               text NOT NULL CHECK (result IN ('present', 'missing', 'misplaced', 'unexpected')),
  expected_location_id uuid REFERENCES location (id),
  found_location_id    uuid REFERENCES location (id),
  incident_id          uuid REFERENCES incident (id),
  -- D-11.2: a misplaced box put back at its recorded location.
  reshelved_at         timestamptz,
  reshelved_by         uuid REFERENCES app_user (id),
  UNIQUE (check_id, barcode)
);
CREATE INDEX inventory_result_check_idx ON inventory_result (check_id, result);

-- Pests, mould and the like seen during a check: a treatment need and its incident.
CREATE TABLE inventory_finding (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  check_id    uuid NOT NULL REFERENCES inventory_check (id),
  box_id      uuid NOT NULL REFERENCES box (id),
  kind        text NOT NULL CHECK (kind IN ('pests', 'mould', 'other')),
  note        text NOT NULL,
  incident_id uuid REFERENCES incident (id),
  created_by  uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_finding_check_idx ON inventory_finding (check_id);

-- D-12.2: the register is written once; corrections are new movements.
CREATE FUNCTION box_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'box_movement is append-only (D-9.11, D-12.2)';
END $$;
CREATE TRIGGER box_movement_no_update BEFORE UPDATE OR DELETE ON box_movement
  FOR EACH ROW EXECUTE FUNCTION box_movement_append_only();
CREATE TRIGGER box_movement_no_truncate BEFORE TRUNCATE ON box_movement
  FOR EACH STATEMENT EXECUTE FUNCTION box_movement_append_only();
