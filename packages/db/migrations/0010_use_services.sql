-- Services of a use request (Annex 1 §10.6, §10.8, §11): remote copies (scan
-- jobs under a camera, delivered files with an expiring, logged download), loans
-- (the client's consent, the loan record, the checked handover) and the return
-- check item by item with its written report. Re-shelving is a box_movement.

-- D-10.8: opening and scanning for a remote copy, under a named camera.
CREATE TABLE scan_job (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id       uuid NOT NULL REFERENCES use_request (id),
  agency_org_id    uuid NOT NULL REFERENCES organisation (id),
  operator_user_id uuid NOT NULL REFERENCES app_user (id),
  camera_id        uuid NOT NULL REFERENCES camera (id),
  started_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  pages            integer CHECK (pages >= 0),
  note             text,
  recorded_by      uuid REFERENCES app_user (id),
  CHECK (finished_at IS NULL OR finished_at >= started_at)
);
CREATE INDEX scan_job_request_idx ON scan_job (request_id);
CREATE INDEX scan_job_agency_idx ON scan_job (agency_org_id, started_at);

-- D-3.12: a delivered file, in the content-addressed blob store, downloadable until it expires.
CREATE TABLE remote_copy_delivery (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id   uuid NOT NULL REFERENCES use_request (id),
  scan_job_id  uuid NOT NULL REFERENCES scan_job (id),
  filename     text NOT NULL,
  media_type   text NOT NULL,
  size_bytes   bigint NOT NULL,
  sm3          text NOT NULL,
  sha256       text NOT NULL,
  expires_at   timestamptz NOT NULL,
  delivered_by uuid REFERENCES app_user (id),
  delivered_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  CHECK (expires_at > delivered_at)
);
CREATE INDEX remote_copy_delivery_request_idx ON remote_copy_delivery (request_id);

-- D-10.4: every download and every refused attempt, with who and when.
CREATE TABLE remote_copy_download (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id uuid NOT NULL REFERENCES remote_copy_delivery (id),
  user_id     uuid REFERENCES app_user (id),
  org_id      uuid REFERENCES organisation (id),
  at          timestamptz NOT NULL DEFAULT now(),
  outcome     text NOT NULL CHECK (outcome IN ('served', 'expired', 'withdrawn')),
  ip          text
);
CREATE INDEX remote_copy_download_delivery_idx ON remote_copy_download (delivery_id, at);

-- D-10.6: the client's written consent to lend.
CREATE TABLE loan_consent (
  request_id    uuid PRIMARY KEY REFERENCES use_request (id),
  given_by      uuid REFERENCES app_user (id),
  given_at      timestamptz NOT NULL DEFAULT now(),
  statement     text NOT NULL,
  attachment_id uuid REFERENCES attachment (id)
);

-- D-10.6: the loan record: due date, agreed delivery, checked handover, return.
CREATE TABLE loan (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id         uuid NOT NULL UNIQUE REFERENCES use_request (id),
  agency_org_id      uuid NOT NULL REFERENCES organisation (id),
  due_on             date NOT NULL,
  delivery_place     text NOT NULL,
  delivery_at        timestamptz NOT NULL,
  recorded_by        uuid REFERENCES app_user (id),
  recorded_at        timestamptz NOT NULL DEFAULT now(),
  receiver_name      text,
  receiver_id_kind   text CHECK (receiver_id_kind IN ('id_card', 'work_card', 'passport', 'other')),
  receiver_id_number text,
  handed_over_by     uuid REFERENCES app_user (id),
  handed_over_at     timestamptz,
  returned_at        timestamptz,
  returned_by_name   text,
  received_back_by   uuid REFERENCES app_user (id),
  overdue_alerted_at timestamptz,
  CHECK (handed_over_at IS NULL OR receiver_id_number IS NOT NULL)
);
CREATE INDEX loan_open_idx ON loan (agency_org_id, due_on) WHERE returned_at IS NULL;

-- D-11.1: the return check, confirmed jointly by the returner and the agency.
CREATE TABLE return_check (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id        uuid NOT NULL REFERENCES use_request (id),
  returner_name     text NOT NULL,
  returner_declared integer NOT NULL CHECK (returner_declared >= 0),
  checked_by        uuid REFERENCES app_user (id),
  checked_at        timestamptz NOT NULL DEFAULT now(),
  outcome           text NOT NULL CHECK (outcome IN ('passed', 'discrepancy')),
  incident_id       uuid REFERENCES incident (id),
  report_cause      text,
  report_handling   text,
  report_sm3        text,
  reported_by       uuid REFERENCES app_user (id),
  reported_at       timestamptz,
  CHECK (reported_at IS NULL OR outcome = 'discrepancy')
);
CREATE INDEX return_check_request_idx ON return_check (request_id, checked_at);

CREATE TABLE return_check_line (
  check_id uuid NOT NULL REFERENCES return_check (id),
  item_id  uuid NOT NULL REFERENCES catalogue_item (id),
  box_id   uuid REFERENCES box (id),
  outcome  text NOT NULL CHECK (outcome IN ('present', 'missing', 'damaged')),
  note     text,
  PRIMARY KEY (check_id, item_id)
);
