-- Intake (Annex 1, section 8): a batch of the client's archives moving from
-- its shelves to the agency's vault, step by step, each step recorded with
-- the named people of both parties (D-8.1). Boxes, items and movements are the
-- custody core's tables (0002); this adds the batch, its step records and the
-- per-box records: condition and treatment (D-8.4), seals (D-8.6), intake
-- inspection (D-8.8) and the client's content-access grants (D-8.10).

CREATE TABLE intake_batch (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id    uuid NOT NULL REFERENCES project (id),
  client_org_id uuid NOT NULL REFERENCES organisation (id),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  code          text NOT NULL UNIQUE,
  title         text NOT NULL,
  status        text NOT NULL DEFAULT 'site_visit' CHECK (status IN ('site_visit', 'unshelving', 'condition_check', 'boxing', 'sealing', 'transport', 'inspection', 'repacking', 'shelving', 'completed')),
  notes         text,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz
);
CREATE INDEX intake_batch_project_idx ON intake_batch (project_id, created_at);

-- The handover catalogues whose items the batch moves; a catalogue moves once.
CREATE TABLE intake_batch_catalogue (
  batch_id     uuid NOT NULL REFERENCES intake_batch (id),
  catalogue_id uuid NOT NULL UNIQUE REFERENCES handover_catalogue (id),
  PRIMARY KEY (batch_id, catalogue_id)
);

-- One record per step-closing action: date, notes, the step's own records.
CREATE TABLE intake_step (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id      uuid NOT NULL REFERENCES intake_batch (id),
  action        text NOT NULL,
  step          text NOT NULL,
  performed_on  date NOT NULL,
  notes         text,
  records       jsonb NOT NULL DEFAULT '{}',
  attachment_id uuid REFERENCES attachment (id),
  recorded_by   uuid REFERENCES app_user (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (batch_id, action)
);

-- D-8.1: the named people of each party in a step.
CREATE TABLE intake_step_person (
  step_id uuid NOT NULL REFERENCES intake_step (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  side    text NOT NULL CHECK (side IN ('client', 'agency')),
  PRIMARY KEY (step_id, user_id)
);

-- Which batch brought a box in (transfer boxes, and storage boxes of a repacking).
CREATE TABLE intake_box (
  box_id     uuid PRIMARY KEY REFERENCES box (id),
  batch_id   uuid NOT NULL REFERENCES intake_batch (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intake_box_batch_idx ON intake_box (batch_id);

-- D-8.4: condition per box or per item; anything but good waits for treatment.
CREATE TABLE intake_condition (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id   uuid NOT NULL REFERENCES intake_batch (id),
  box_id     uuid REFERENCES box (id),
  item_id    uuid REFERENCES catalogue_item (id),
  condition  text NOT NULL CHECK (condition IN ('good', 'mould', 'pests', 'acidified_film', 'damaged', 'water_damage', 'other')),
  note       text,
  checked_by uuid REFERENCES app_user (id),
  checked_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((box_id IS NULL) <> (item_id IS NULL))
);
CREATE INDEX intake_condition_box_idx ON intake_condition (box_id);
CREATE INDEX intake_condition_item_idx ON intake_condition (item_id);
CREATE INDEX intake_condition_batch_idx ON intake_condition (batch_id);

CREATE TABLE intake_treatment (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  condition_id       uuid NOT NULL UNIQUE REFERENCES intake_condition (id),
  method             text NOT NULL,
  treated_on         date NOT NULL,
  treated_by         text NOT NULL,
  note               text,
  recorded_by        uuid REFERENCES app_user (id),
  recorded_at        timestamptz NOT NULL DEFAULT now()
);

-- D-8.6: every sealing of a box (a box is sealed again after repacking).
CREATE TABLE box_seal (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  box_id          uuid NOT NULL REFERENCES box (id),
  batch_id        uuid NOT NULL REFERENCES intake_batch (id),
  seal_number     text NOT NULL,
  outside_ok      boolean NOT NULL,
  note            text,
  sealed_by       uuid REFERENCES app_user (id),
  witness_user_id uuid REFERENCES app_user (id),
  sealed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX box_seal_box_idx ON box_seal (box_id, sealed_at);

-- D-8.8: the check of each box on arrival; an anomaly opens an incident.
CREATE TABLE intake_inspection (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id         uuid NOT NULL REFERENCES intake_batch (id),
  box_id           uuid NOT NULL REFERENCES box (id),
  seal_intact      boolean NOT NULL,
  damaged          boolean NOT NULL,
  missing_item_ids uuid[] NOT NULL DEFAULT '{}',
  note             text,
  incident_id      uuid REFERENCES incident (id),
  inspected_by     uuid REFERENCES app_user (id),
  inspected_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (batch_id, box_id)
);

-- D-8.10: the client's permission for agency staff to view item content.
CREATE TABLE intake_content_grant (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id   uuid NOT NULL REFERENCES intake_batch (id),
  granted_by uuid NOT NULL REFERENCES app_user (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  note       text,
  revoked_by uuid REFERENCES app_user (id),
  revoked_at timestamptz
);
CREATE UNIQUE INDEX intake_content_grant_active_uq ON intake_content_grant (batch_id) WHERE revoked_at IS NULL;
