-- Full text of digitized pages (Z-7.4 deliveries, used under D-10.1/D-10.2):
-- the offline OCR reads every image of a checked QC delivery in a background
-- job, one page at a time, and stores each page's text with its lines and
-- their positions (for highlighting and the invisible text layer of the
-- searchable PDF access copy, DA/T 31). Page text is searched with the same
-- character bigrams as catalogue titles (migration 0011): the application
-- writes text_bigrams with titleSearchBigrams(); other writers leave it NULL
-- and the trigger fills it with catalogue_search_bigrams(), its SQL twin.

-- One OCR job per delivery; a restart re-queues the same row.
CREATE TABLE page_text_job (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id     uuid NOT NULL UNIQUE REFERENCES digitization_delivery (id),
  project_id      uuid NOT NULL REFERENCES project (id),
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total_pages     integer NOT NULL DEFAULT 0,
  processed_pages integer NOT NULL DEFAULT 0,
  failed_pages    integer NOT NULL DEFAULT 0,
  engine          text,
  engine_version  text,
  error           jsonb,
  requested_by    uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz,
  heartbeat_at    timestamptz
);
CREATE INDEX page_text_job_status_idx ON page_text_job (status) WHERE status IN ('queued', 'running');

-- The text of one page (one image file of a delivery).
CREATE TABLE page_text (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id     uuid NOT NULL REFERENCES digitization_delivery (id),
  file_id         uuid NOT NULL UNIQUE REFERENCES digitization_delivery_file (id),
  project_id      uuid NOT NULL REFERENCES project (id),
  client_org_id   uuid NOT NULL REFERENCES organisation (id),
  volume_id       uuid REFERENCES digitization_volume (id),
  reference_code  text,
  seq             integer,
  -- Lines in reading order, one per line of text ("\n" between them).
  text            text NOT NULL,
  text_bigrams    text[],
  -- [{ text, confidence, x, y, width, height }] in pixels of the image as the OCR decoded it.
  lines           jsonb NOT NULL,
  image_width     integer NOT NULL CHECK (image_width > 0),
  image_height    integer NOT NULL CHECK (image_height > 0),
  mean_confidence numeric,
  engine          text NOT NULL,
  engine_version  text NOT NULL,
  read_ms         integer,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION page_text_bigrams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.text_bigrams IS NULL OR (TG_OP = 'UPDATE' AND NEW.text IS DISTINCT FROM OLD.text
      AND NEW.text_bigrams IS NOT DISTINCT FROM OLD.text_bigrams) THEN
    NEW.text_bigrams := catalogue_search_bigrams(NEW.text);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER page_text_bigrams BEFORE INSERT OR UPDATE ON page_text
  FOR EACH ROW EXECUTE FUNCTION page_text_bigrams();

CREATE INDEX page_text_bigrams_idx ON page_text USING gin (text_bigrams) WITH (fastupdate = on);
CREATE INDEX page_text_project_idx ON page_text (project_id, reference_code, seq);
CREATE INDEX page_text_client_idx ON page_text (client_org_id);
CREATE INDEX page_text_delivery_idx ON page_text (delivery_id, reference_code, seq);
