-- On-site reading (D-10.3, D-10.6, D-10.9): the agency checks the client's
-- letter of introduction and the reader's ID before service, keeping both as
-- attachments; reading happens in a reading room under named cameras, with the
-- start and end of each session recorded.

CREATE TABLE reading_admission (
  request_id            uuid PRIMARY KEY REFERENCES use_request (id),
  letter_attachment_id  uuid NOT NULL REFERENCES attachment (id),
  reader_id_attachment_id uuid NOT NULL REFERENCES attachment (id),
  reader_id_kind        text NOT NULL CHECK (reader_id_kind IN ('id_card', 'work_card', 'passport', 'other')),
  reader_id_number      text NOT NULL,
  checked_by            uuid REFERENCES app_user (id),
  checked_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reading_session (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id  uuid NOT NULL REFERENCES use_request (id),
  room_id     uuid NOT NULL REFERENCES facility_room (id),
  camera_ids  uuid[] NOT NULL CHECK (cardinality(camera_ids) > 0),
  started_at  timestamptz NOT NULL DEFAULT now(),
  started_by  uuid REFERENCES app_user (id),
  ended_at    timestamptz,
  ended_by    uuid REFERENCES app_user (id),
  note        text,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX reading_session_request_idx ON reading_session (request_id, started_at);
-- One open session per request at a time.
CREATE UNIQUE INDEX reading_session_open_uq ON reading_session (request_id) WHERE ended_at IS NULL;

-- Numbers of grants and requests (SQ2026-0001, DY2026-0001).
CREATE SEQUENCE written_grant_number_seq;
CREATE SEQUENCE use_request_number_seq;
