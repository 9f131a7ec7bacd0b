-- Handover catalogues (D-8.2, D-8.3): imports run as jobs, and a catalogue both
-- parties confirmed is frozen. Changes to core tables: handover_catalogue gains
-- its totals and the time it was confirmed; triggers freeze confirmed rows.

ALTER TABLE handover_catalogue
  ADD COLUMN quantity_total bigint NOT NULL DEFAULT 0,
  ADD COLUMN pages_total    bigint NOT NULL DEFAULT 0,
  ADD COLUMN confirmed_at   timestamptz;

-- One upload of a catalogue file and what became of it. problems holds the
-- first 1,000 problems (row, column, code, message {zh,en}); problem_count all.
CREATE TABLE catalogue_import (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id            uuid NOT NULL REFERENCES project (id),
  client_org_id         uuid NOT NULL REFERENCES organisation (id),
  agency_org_id         uuid NOT NULL REFERENCES organisation (id),
  catalogue_id          uuid REFERENCES handover_catalogue (id),
  replaces_catalogue_id uuid REFERENCES handover_catalogue (id),
  title                 text NOT NULL,
  level                 text CHECK (level IN ('item', 'box')),
  source_name           text NOT NULL,
  source_format         text NOT NULL CHECK (source_format IN ('csv', 'xlsx')),
  encoding              text NOT NULL DEFAULT 'auto',
  detected_encoding     text,
  size_bytes            bigint NOT NULL DEFAULT 0,
  status                text NOT NULL DEFAULT 'queued'
                        CHECK (status IN ('queued', 'validating', 'writing', 'succeeded', 'refused', 'failed')),
  rows_read             integer NOT NULL DEFAULT 0,
  rows_written          integer NOT NULL DEFAULT 0,
  problem_count         integer NOT NULL DEFAULT 0,
  classified_count      integer NOT NULL DEFAULT 0,
  problems              jsonb NOT NULL DEFAULT '[]',
  warnings              jsonb NOT NULL DEFAULT '[]',
  error                 jsonb,
  created_by            uuid REFERENCES app_user (id),
  heartbeat_at          timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now(),
  started_at            timestamptz,
  finished_at           timestamptz
);
CREATE INDEX catalogue_import_project_idx ON catalogue_import (project_id, created_at DESC);
CREATE INDEX catalogue_import_running_idx ON catalogue_import (status)
  WHERE status IN ('queued', 'validating', 'writing');

-- D-8.2: what both parties confirmed cannot change, whatever path writes.
CREATE FUNCTION handover_catalogue_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'confirmed' THEN
    RAISE EXCEPTION 'D-8.2: handover catalogue % is confirmed by both parties and frozen', OLD.id;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER handover_catalogue_frozen BEFORE UPDATE OR DELETE ON handover_catalogue
  FOR EACH ROW EXECUTE FUNCTION handover_catalogue_frozen();

CREATE FUNCTION catalogue_item_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM handover_catalogue WHERE id = OLD.catalogue_id AND status = 'confirmed') THEN
    RAISE EXCEPTION 'D-8.2: catalogue item % belongs to a confirmed catalogue and is frozen', OLD.id;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER catalogue_item_frozen BEFORE UPDATE OR DELETE ON catalogue_item
  FOR EACH ROW EXECUTE FUNCTION catalogue_item_frozen();
