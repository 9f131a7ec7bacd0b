-- Digitization originals (Annex 2 §6–§8.1): the volumes the client registers and
-- screens, unshelving by the client, handover lists confirmed by both sides,
-- condition on receipt and on return, temporary storage per batch, batches moving
-- between workstations only by recorded station handovers, stops, and the return
-- check against the to_agency handover list. Workstations and people are 0014's.

-- The volumes to digitize (by volume and item), registered by the client.
CREATE TABLE digitization_volume (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id             uuid NOT NULL REFERENCES project (id),
  reference_code         text NOT NULL,
  title                  text NOT NULL,
  item_count             integer NOT NULL CHECK (item_count >= 0),
  expected_pages         integer CHECK (expected_pages >= 0),
  -- Z-6.1: only a cleared volume may enter a batch.
  screening              text NOT NULL DEFAULT 'pending' CHECK (screening IN ('pending', 'cleared', 'flagged')),
  screening_note         text,
  screened_by            uuid REFERENCES app_user (id),
  screened_at            timestamptz,
  status                 text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'unshelved', 'at_agency', 'returned')),
  -- Z-6.2: unshelving is recorded by a client user.
  unshelved_by           uuid REFERENCES app_user (id),
  unshelved_at           timestamptz,
  current_workstation_id uuid REFERENCES digitization_workstation (id),
  created_by             uuid REFERENCES app_user (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, reference_code)
);
CREATE INDEX digitization_volume_project_idx ON digitization_volume (project_id, reference_code);
CREATE INDEX digitization_volume_station_idx ON digitization_volume (current_workstation_id);

-- A batch of cleared volumes; work starts only once its temporary storage is fixed (Z-6.5).
CREATE TABLE digitization_batch (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES project (id),
  code       text NOT NULL,
  title      text,
  status     text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'completed')),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  UNIQUE (project_id, code)
);

-- A volume belongs to one batch; a withdrawn volume (Z-7.3) goes back to the client.
CREATE TABLE digitization_batch_volume (
  batch_id     uuid NOT NULL REFERENCES digitization_batch (id),
  volume_id    uuid NOT NULL UNIQUE REFERENCES digitization_volume (id),
  added_by     uuid REFERENCES app_user (id),
  added_at     timestamptz NOT NULL DEFAULT now(),
  withdrawn_by uuid REFERENCES app_user (id),
  withdrawn_at timestamptz,
  PRIMARY KEY (batch_id, volume_id)
);

-- Z-6.5: fixed room, cabinet and custodian per batch.
CREATE TABLE digitization_temporary_storage (
  batch_id            uuid PRIMARY KEY REFERENCES digitization_batch (id),
  room                text NOT NULL,
  cabinet             text NOT NULL,
  custodian_person_id uuid NOT NULL REFERENCES digitization_person (id),
  custodian_name      text NOT NULL,
  recorded_by         uuid REFERENCES app_user (id),
  recorded_at         timestamptz NOT NULL DEFAULT now()
);

-- Z-6.3 / Z-8.1: a handover list by volume and item, confirmed by both sides
-- (the confirmations primitive over `digest`); to_client is the return.
CREATE TABLE digitization_handover_list (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id          uuid NOT NULL REFERENCES project (id),
  code                text NOT NULL,
  direction           text NOT NULL CHECK (direction IN ('to_agency', 'to_client')),
  handed_at           timestamptz NOT NULL,
  client_handler_name text NOT NULL,
  agency_handler_name text NOT NULL,
  note                text,
  digest              text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'closed')),
  confirmed_at        timestamptz,
  -- Z-8.1: the client closes a to_agency list once the return check is complete.
  closed_by           uuid REFERENCES app_user (id),
  closed_at           timestamptz,
  created_by          uuid REFERENCES app_user (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, code),
  CHECK (closed_at IS NULL OR direction = 'to_agency')
);

CREATE TABLE digitization_handover_line (
  list_id    uuid NOT NULL REFERENCES digitization_handover_list (id),
  volume_id  uuid NOT NULL REFERENCES digitization_volume (id),
  item_count integer NOT NULL CHECK (item_count >= 0),
  pages      integer CHECK (pages >= 0),
  quality    text NOT NULL,
  note       text,
  PRIMARY KEY (list_id, volume_id)
);
CREATE INDEX digitization_handover_line_volume_idx ON digitization_handover_line (volume_id);

-- Z-6.4: condition per volume on receipt and on return; damage opens an incident.
CREATE TABLE digitization_condition (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  volume_id   uuid NOT NULL REFERENCES digitization_volume (id),
  stage       text NOT NULL CHECK (stage IN ('receipt', 'return')),
  condition   text NOT NULL CHECK (condition IN ('good', 'fair', 'poor', 'damaged')),
  note        text,
  incident_id uuid REFERENCES incident (id),
  recorded_by uuid REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (volume_id, stage)
);

-- Z-7.2: the one record of a move between workstations (NULL = temporary storage).
CREATE TABLE digitization_station_handover (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id          uuid NOT NULL REFERENCES project (id),
  batch_id            uuid NOT NULL REFERENCES digitization_batch (id),
  from_workstation_id uuid REFERENCES digitization_workstation (id),
  to_workstation_id   uuid REFERENCES digitization_workstation (id),
  content             text NOT NULL,
  volume_count        integer NOT NULL CHECK (volume_count > 0),
  item_count          integer NOT NULL CHECK (item_count >= 0),
  handed_at           timestamptz NOT NULL,
  giver_person_id     uuid REFERENCES digitization_person (id),
  giver_name          text NOT NULL,
  receiver_person_id  uuid REFERENCES digitization_person (id),
  receiver_name       text NOT NULL,
  reason              text,
  recorded_by         uuid REFERENCES app_user (id),
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (from_workstation_id IS DISTINCT FROM to_workstation_id)
);
CREATE INDEX digitization_station_handover_batch_idx ON digitization_station_handover (batch_id, handed_at);

CREATE TABLE digitization_station_handover_volume (
  handover_id uuid NOT NULL REFERENCES digitization_station_handover (id),
  volume_id   uuid NOT NULL REFERENCES digitization_volume (id),
  PRIMARY KEY (handover_id, volume_id)
);
CREATE INDEX digitization_station_handover_volume_idx ON digitization_station_handover_volume (volume_id);

-- Z-7.3: a stop halts one volume until the client resumes or withdraws it.
CREATE TABLE digitization_stop (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id     uuid NOT NULL REFERENCES project (id),
  volume_id      uuid NOT NULL REFERENCES digitization_volume (id),
  reason         text NOT NULL CHECK (reason IN ('classified', 'damage', 'other')),
  description    text NOT NULL,
  evidence       text,
  stopped_by     uuid REFERENCES app_user (id),
  stopped_source text NOT NULL DEFAULT 'manual' CHECK (stopped_source IN ('manual', 'system')),
  stopped_at     timestamptz NOT NULL DEFAULT now(),
  resolution     text CHECK (resolution IN ('resumed', 'withdrawn')),
  resolution_note text,
  resolved_by    uuid REFERENCES app_user (id),
  resolved_at    timestamptz,
  CHECK ((resolution IS NULL) = (resolved_at IS NULL))
);
CREATE UNIQUE INDEX digitization_stop_open_idx ON digitization_stop (volume_id) WHERE resolved_at IS NULL;
CREATE INDEX digitization_stop_project_idx ON digitization_stop (project_id, stopped_at);

-- Z-8.1: the client's volume-by-volume check against the to_agency list.
CREATE TABLE digitization_return_check (
  list_id    uuid NOT NULL REFERENCES digitization_handover_list (id),
  volume_id  uuid NOT NULL REFERENCES digitization_volume (id),
  outcome    text NOT NULL CHECK (outcome IN ('present', 'missing', 'damaged', 'extra')),
  note       text,
  checked_by uuid REFERENCES app_user (id),
  checked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list_id, volume_id)
);
