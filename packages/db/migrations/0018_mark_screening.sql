-- Classification-mark screening (Z-7.3, Z-6.1, D-10.8): every page that enters
-- QC and every file of a remote copy is read by the offline OCR and searched for
-- a state-secret mark (机密★10年). A hit stops the volume or holds the delivery
-- until the client — and only the client — clears it as a false alarm or
-- confirms it. The region is kept so the reviewer sees what was found where.

CREATE TABLE mark_screening_hit (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source          text NOT NULL CHECK (source IN ('qc_delivery', 'remote_copy')),
  client_org_id   uuid NOT NULL REFERENCES organisation (id),
  agency_org_id   uuid NOT NULL REFERENCES organisation (id),
  project_id      uuid REFERENCES project (id),
  qc_delivery_id  uuid REFERENCES digitization_delivery (id),
  qc_file_id      uuid REFERENCES digitization_delivery_file (id),
  volume_id       uuid REFERENCES digitization_volume (id),
  stop_id         uuid REFERENCES digitization_stop (id),
  request_id      uuid REFERENCES use_request (id),
  remote_copy_id  uuid REFERENCES remote_copy_delivery (id),
  file_label      text NOT NULL,
  page            integer NOT NULL DEFAULT 1 CHECK (page > 0),
  level           text NOT NULL CHECK (level IN ('绝密', '机密', '秘密')),
  period          text,
  matched_text    text NOT NULL,
  confidence      real NOT NULL,
  -- {x, y, width, height} of the mark in a page image of pageWidth × pageHeight pixels
  region          jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared', 'confirmed')),
  decided_by      uuid REFERENCES app_user (id),
  decided_at      timestamptz,
  decision_note   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((source = 'qc_delivery') = (qc_delivery_id IS NOT NULL)),
  CHECK ((source = 'remote_copy') = (remote_copy_id IS NOT NULL)),
  CHECK ((status = 'open') = (decided_at IS NULL))
);
CREATE INDEX mark_screening_hit_client ON mark_screening_hit (client_org_id, status, created_at DESC);
CREATE INDEX mark_screening_hit_delivery ON mark_screening_hit (qc_delivery_id);
CREATE INDEX mark_screening_hit_remote ON mark_screening_hit (remote_copy_id);

-- Screening summary of a QC delivery: pages read, hits, time, engine.
ALTER TABLE digitization_delivery ADD COLUMN screening jsonb;

-- D-10.8: a remote copy is screened before it can be downloaded:
-- passed, held (open hit), released (client cleared), blocked (client confirmed),
-- unscreenable (a file the OCR cannot read; held like a hit until the client releases it).
ALTER TABLE remote_copy_delivery
  ADD COLUMN screening text NOT NULL DEFAULT 'passed'
    CHECK (screening IN ('passed', 'held', 'released', 'blocked', 'unscreenable')),
  ADD COLUMN screened_pages integer NOT NULL DEFAULT 0;

-- A download refused because the file is held by the screening is logged too.
ALTER TABLE remote_copy_download DROP CONSTRAINT remote_copy_download_outcome_check;
ALTER TABLE remote_copy_download ADD CONSTRAINT remote_copy_download_outcome_check
  CHECK (outcome IN ('served', 'expired', 'withdrawn', 'held'));
