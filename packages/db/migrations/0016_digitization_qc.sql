-- Digitization quality control (Annex 2, Z-7.4; Z-7.3 for stopped volumes):
-- the project's quality terms, deliveries of a batch with their automatic check
-- (per-file results with the rule that produced them, SM3/SHA-256 fixity, the
-- DA/T 70 four-property report), the sampled manual review with defects and the
-- batch verdict, and corrections that send a volume back to a workstation
-- through the originals' station handover (0015).

-- Z-7.4: the contract's quality terms; never looser than the national figures.
CREATE TABLE digitization_qc_terms (
  project_id   uuid PRIMARY KEY REFERENCES project (id),
  terms        jsonb NOT NULL,
  contract_ref text,
  set_by       uuid REFERENCES app_user (id),
  set_at       timestamptz NOT NULL DEFAULT now()
);

-- One delivery of a batch's images and its automatic check (a job with progress).
CREATE TABLE digitization_delivery (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id       uuid NOT NULL REFERENCES project (id),
  batch_id         uuid NOT NULL REFERENCES digitization_batch (id),
  seq              integer NOT NULL CHECK (seq > 0),
  purpose          text NOT NULL DEFAULT 'preservation' CHECK (purpose IN ('preservation', 'access')),
  source_kind      text NOT NULL CHECK (source_kind IN ('folder', 'zip', 'tar')),
  source_name      text NOT NULL,
  -- Unpacked archives live under the QC folder; a CLI folder is checked where it is.
  storage_dir      text NOT NULL,
  catalogue        jsonb NOT NULL,
  catalogue_source text NOT NULL CHECK (catalogue_source IN ('batch', 'file')),
  terms            jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'checking', 'checked', 'failed')),
  total_files      integer NOT NULL DEFAULT 0,
  processed_files  integer NOT NULL DEFAULT 0,
  failed_files     integer NOT NULL DEFAULT 0,
  total_bytes      bigint NOT NULL DEFAULT 0,
  outcome          text CHECK (outcome IN ('pass', 'fail', 'warn', 'manual', 'not_checked')),
  summary          jsonb,
  four_property    jsonb,
  virus_scanner    text,
  error            jsonb,
  created_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  heartbeat_at     timestamptz,
  UNIQUE (batch_id, seq)
);
CREATE INDEX digitization_delivery_project_idx ON digitization_delivery (project_id, created_at);

CREATE TABLE digitization_delivery_file (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id    uuid NOT NULL REFERENCES digitization_delivery (id),
  path           text NOT NULL,
  size_bytes     bigint NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('image', 'pdf', 'metadata', 'executable', 'other')),
  format         text,
  sm3            text NOT NULL,
  sha256         text NOT NULL,
  width          integer,
  height         integer,
  dpi            numeric,
  colour_mode    text,
  pages          integer NOT NULL DEFAULT 1,
  ink_pct        numeric,
  skew_deg       numeric,
  reference_code text,
  seq            integer,
  volume_id      uuid REFERENCES digitization_volume (id),
  outcome        text NOT NULL CHECK (outcome IN ('pass', 'fail', 'warn', 'manual', 'not_checked')),
  UNIQUE (delivery_id, path)
);
CREATE INDEX digitization_delivery_file_volume_idx ON digitization_delivery_file (delivery_id, reference_code, seq);

-- Every check result, with the rule that produced it; file_id NULL = about a volume or the delivery.
CREATE TABLE digitization_qc_result (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id    uuid NOT NULL REFERENCES digitization_delivery (id),
  file_id        uuid REFERENCES digitization_delivery_file (id),
  volume_id      uuid REFERENCES digitization_volume (id),
  reference_code text,
  rule_id        text NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('pass', 'fail', 'warn', 'manual', 'not_checked')),
  message        jsonb NOT NULL,
  detail         jsonb
);
CREATE INDEX digitization_qc_result_delivery_idx ON digitization_qc_result (delivery_id, rule_id, outcome);
CREATE INDEX digitization_qc_result_file_idx ON digitization_qc_result (file_id);

-- The client's sampled review of one delivery, and its verdict on the batch.
CREATE TABLE digitization_qc_sample (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id  uuid NOT NULL UNIQUE REFERENCES digitization_delivery (id),
  rate_pct     numeric NOT NULL CHECK (rate_pct > 0 AND rate_pct <= 100),
  seed         text NOT NULL,
  population   integer NOT NULL,
  size         integer NOT NULL,
  limits       jsonb NOT NULL,
  drawn_by     uuid REFERENCES app_user (id),
  drawn_at     timestamptz NOT NULL DEFAULT now(),
  verdict      text CHECK (verdict IN ('accepted', 'rejected')),
  verdict_note text,
  verdict_by   uuid REFERENCES app_user (id),
  verdict_at   timestamptz,
  CHECK ((verdict IS NULL) = (verdict_at IS NULL))
);

CREATE TABLE digitization_qc_sample_item (
  sample_id   uuid NOT NULL REFERENCES digitization_qc_sample (id),
  file_id     uuid NOT NULL REFERENCES digitization_delivery_file (id),
  reviewed_by uuid REFERENCES app_user (id),
  reviewed_at timestamptz,
  PRIMARY KEY (sample_id, file_id)
);

CREATE TABLE digitization_qc_defect (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sample_id    uuid NOT NULL REFERENCES digitization_qc_sample (id),
  file_id      uuid NOT NULL REFERENCES digitization_delivery_file (id),
  volume_id    uuid REFERENCES digitization_volume (id),
  defect_type  text NOT NULL,
  defect_class text NOT NULL CHECK (defect_class IN ('critical', 'major', 'minor')),
  note         text,
  recorded_by  uuid REFERENCES app_user (id),
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX digitization_qc_defect_sample_idx ON digitization_qc_defect (sample_id, file_id);

-- The correction loop: the client asks for a volume to be redone at a station;
-- the agency sends it there by a recorded station handover (0015).
CREATE TABLE digitization_qc_correction (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id     uuid NOT NULL REFERENCES project (id),
  delivery_id    uuid NOT NULL REFERENCES digitization_delivery (id),
  batch_id       uuid NOT NULL REFERENCES digitization_batch (id),
  volume_id      uuid NOT NULL REFERENCES digitization_volume (id),
  station_kind   text NOT NULL CHECK (station_kind IN ('preparation', 'scanning', 'image_processing', 'metadata', 'linking')),
  workstation_id uuid REFERENCES digitization_workstation (id),
  reason         text NOT NULL,
  defect_ids     jsonb NOT NULL DEFAULT '[]',
  status         text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'sent')),
  requested_by   uuid REFERENCES app_user (id),
  requested_at   timestamptz NOT NULL DEFAULT now(),
  handover_id    uuid REFERENCES digitization_station_handover (id),
  sent_by        uuid REFERENCES app_user (id),
  sent_at        timestamptz
);
CREATE INDEX digitization_qc_correction_delivery_idx ON digitization_qc_correction (delivery_id, requested_at);
