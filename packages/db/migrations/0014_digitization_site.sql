-- The digitization site on the client's premises (Z-5.5–Z-5.8, Z-7.1, Z-7.2, Z-7.5–Z-7.7,
-- Z-8.3): workstations with fixed posts and people, cameras, real-name people with badges
-- and the daily entry/exit check, devices (take-outs approved by the client), ports and
-- seal tests, media, copy events, the media handover with its manifest, device disposition.

-- Z-7.2: workstations of a digitization project.
CREATE TABLE digitization_workstation (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES project (id),
  code       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('preparation', 'scanning', 'image_processing', 'quality_control', 'metadata', 'linking', 'packaging')),
  name       text NOT NULL,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, code)
);

-- Z-5.6: real-name registration with badges; user_id links a platform user when there is one.
CREATE TABLE digitization_person (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id          uuid NOT NULL REFERENCES project (id),
  user_id             uuid REFERENCES app_user (id),
  org_id              uuid NOT NULL REFERENCES organisation (id),
  name                text NOT NULL,
  id_number           text NOT NULL,
  badge_no            text,
  role                text NOT NULL,
  status              text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  -- Z-7.5: a designated operator may store, download and copy results.
  designated_operator boolean NOT NULL DEFAULT false,
  registered_by       uuid REFERENCES app_user (id),
  registered_at       timestamptz NOT NULL DEFAULT now(),
  revoked_by          uuid REFERENCES app_user (id),
  revoked_at          timestamptz,
  UNIQUE (project_id, badge_no)
);
CREATE INDEX digitization_person_project_idx ON digitization_person (project_id, status);
CREATE INDEX digitization_person_user_idx ON digitization_person (user_id);

-- Z-7.2: fixed posts and people per workstation.
CREATE TABLE digitization_workstation_assignment (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workstation_id uuid NOT NULL REFERENCES digitization_workstation (id),
  person_id      uuid NOT NULL REFERENCES digitization_person (id),
  post           text NOT NULL,
  assigned_by    uuid REFERENCES app_user (id),
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workstation_id, person_id)
);
CREATE INDEX digitization_assignment_person_idx ON digitization_workstation_assignment (person_id);

-- Z-5.6, Z-7.1: the daily entry check and exit; a banned item refuses entry and opens an incident.
CREATE TABLE digitization_entry_log (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id     uuid NOT NULL REFERENCES project (id),
  person_id      uuid NOT NULL REFERENCES digitization_person (id),
  day            date NOT NULL,
  checked_at     timestamptz NOT NULL DEFAULT now(),
  checked_by     uuid REFERENCES app_user (id),
  outcome        text NOT NULL CHECK (outcome IN ('admitted', 'refused')),
  banned_items   text[] NOT NULL DEFAULT '{}',
  note           text,
  incident_id    uuid REFERENCES incident (id),
  exited_at      timestamptz,
  exit_recorded_by uuid REFERENCES app_user (id),
  CHECK (exited_at IS NULL OR (outcome = 'admitted' AND exited_at >= checked_at))
);
CREATE INDEX digitization_entry_log_project_idx ON digitization_entry_log (project_id, day);
CREATE INDEX digitization_entry_log_open_idx ON digitization_entry_log (project_id, person_id) WHERE exited_at IS NULL AND outcome = 'admitted';

-- Z-5.5: cameras per workstation or per area; recordings are held by the client.
CREATE TABLE digitization_camera (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id         uuid NOT NULL REFERENCES project (id),
  label              text NOT NULL,
  workstation_id     uuid REFERENCES digitization_workstation (id),
  area               text,
  recordings_held_by text NOT NULL DEFAULT 'client' CHECK (recordings_held_by IN ('client', 'agency')),
  retention_days     integer NOT NULL CHECK (retention_days > 0),
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  registered_by      uuid REFERENCES app_user (id),
  registered_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (workstation_id IS NOT NULL OR area IS NOT NULL)
);
CREATE INDEX digitization_camera_project_idx ON digitization_camera (project_id, status);

-- Z-5.7: every device and item registered with a custodian; Z-8.3: its disposition at close.
CREATE TABLE digitization_device (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id          uuid NOT NULL REFERENCES project (id),
  kind                text NOT NULL CHECK (kind IN ('scanner', 'camera', 'computer', 'server', 'storage', 'printer', 'network', 'other')),
  name                text NOT NULL,
  serial              text NOT NULL,
  owner               text NOT NULL CHECK (owner IN ('client', 'agency')),
  stores_data         boolean NOT NULL,
  custodian_person_id uuid REFERENCES digitization_person (id),
  workstation_id      uuid REFERENCES digitization_workstation (id),
  -- Z-7.5: a designated storage device for results.
  designated_storage  boolean NOT NULL DEFAULT false,
  disposition         text CHECK (disposition IN ('retained_by_client', 'handed_to_client', 'removed_by_agency')),
  disposition_note    text,
  disposition_by      uuid REFERENCES app_user (id),
  disposition_at      timestamptz,
  registered_by       uuid REFERENCES app_user (id),
  registered_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, serial)
);

-- Z-5.7: taking a device out needs the client's approval; exit and return are recorded.
CREATE TABLE digitization_device_exit (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  device_id     uuid NOT NULL REFERENCES digitization_device (id),
  project_id    uuid NOT NULL REFERENCES project (id),
  reason        text NOT NULL,
  status        text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected', 'out', 'returned')),
  requested_by  uuid REFERENCES app_user (id),
  requested_at  timestamptz NOT NULL DEFAULT now(),
  decided_by    uuid REFERENCES app_user (id),
  decided_at    timestamptz,
  decision_note text,
  exited_at     timestamptz,
  exit_by       uuid REFERENCES app_user (id),
  returned_at   timestamptz,
  return_by     uuid REFERENCES app_user (id),
  return_note   text
);
CREATE INDEX digitization_device_exit_device_idx ON digitization_device_exit (device_id, requested_at);
CREATE INDEX digitization_device_exit_project_idx ON digitization_device_exit (project_id, status);

-- Z-5.8: output devices and data ports, sealed unless the workflow needs them.
CREATE TABLE digitization_port (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  device_id      uuid NOT NULL REFERENCES digitization_device (id),
  kind           text NOT NULL CHECK (kind IN ('usb', 'network', 'optical', 'printer', 'wireless', 'other')),
  label          text NOT NULL,
  state          text NOT NULL CHECK (state IN ('sealed', 'needed')),
  workstation_id uuid REFERENCES digitization_workstation (id),
  person_id      uuid REFERENCES digitization_person (id),
  post           text,
  registered_by  uuid REFERENCES app_user (id),
  registered_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (state = 'sealed' OR (workstation_id IS NOT NULL AND person_id IS NOT NULL))
);
CREATE INDEX digitization_port_device_idx ON digitization_port (device_id);

CREATE TABLE digitization_seal_test (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  port_id     uuid NOT NULL REFERENCES digitization_port (id),
  tested_at   timestamptz NOT NULL DEFAULT now(),
  tested_by   uuid REFERENCES app_user (id),
  result      text NOT NULL CHECK (result IN ('intact', 'broken')),
  note        text,
  incident_id uuid REFERENCES incident (id)
);
CREATE INDEX digitization_seal_test_port_idx ON digitization_seal_test (port_id, tested_at);

-- Z-7.7: results and backup media handed to the client with a manifest.
CREATE TABLE digitization_media_handover (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id        uuid NOT NULL REFERENCES project (id),
  handed_by         uuid REFERENCES app_user (id),
  handed_at         timestamptz NOT NULL DEFAULT now(),
  received_by_name  text NOT NULL,
  note              text,
  manifest_digest   text NOT NULL CHECK (manifest_digest ~ '^[0-9a-f]{64}$'),
  file_count        integer NOT NULL CHECK (file_count >= 0),
  total_bytes       bigint NOT NULL CHECK (total_bytes >= 0),
  verified_outcome  text CHECK (verified_outcome IN ('match', 'mismatch')),
  verified_by       uuid REFERENCES app_user (id),
  verified_at       timestamptz
);
CREATE INDEX digitization_media_handover_project_idx ON digitization_media_handover (project_id, handed_at);

-- Z-7.6: the media register.
CREATE TABLE digitization_media (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id          uuid NOT NULL REFERENCES project (id),
  label               text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('hdd', 'ssd', 'usb', 'optical', 'tape', 'other')),
  capacity_gb         integer NOT NULL CHECK (capacity_gb > 0),
  custodian_person_id uuid REFERENCES digitization_person (id),
  purpose             text NOT NULL CHECK (purpose IN ('results', 'backup')),
  status              text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'handed_to_client', 'destroyed')),
  handover_id         uuid REFERENCES digitization_media_handover (id),
  registered_by       uuid REFERENCES app_user (id),
  registered_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, label),
  CHECK (status <> 'handed_to_client' OR handover_id IS NOT NULL)
);

CREATE TABLE digitization_manifest_file (
  handover_id uuid NOT NULL REFERENCES digitization_media_handover (id),
  path        text NOT NULL,
  size_bytes  bigint NOT NULL CHECK (size_bytes >= 0),
  sm3         text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (handover_id, path)
);

-- Z-7.7: each verification of the manifest by the client (uploaded manifest or the CLI).
CREATE TABLE digitization_manifest_verification (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  handover_id uuid NOT NULL REFERENCES digitization_media_handover (id),
  source      text NOT NULL CHECK (source IN ('upload', 'cli')),
  outcome     text NOT NULL CHECK (outcome IN ('match', 'mismatch')),
  missing     text[] NOT NULL DEFAULT '{}',
  extra       text[] NOT NULL DEFAULT '{}',
  mismatched  text[] NOT NULL DEFAULT '{}',
  verified_by uuid REFERENCES app_user (id),
  verified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX digitization_manifest_verification_idx ON digitization_manifest_verification (handover_id, verified_at);

-- Z-7.5: a copy of results, only from a designated device by a designated person.
CREATE TABLE digitization_copy_event (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id  uuid NOT NULL REFERENCES project (id),
  device_id   uuid NOT NULL REFERENCES digitization_device (id),
  person_id   uuid NOT NULL REFERENCES digitization_person (id),
  media_id    uuid REFERENCES digitization_media (id),
  action      text NOT NULL CHECK (action IN ('store', 'download', 'copy')),
  description text NOT NULL,
  file_count  integer CHECK (file_count >= 0),
  at          timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid REFERENCES app_user (id)
);
CREATE INDEX digitization_copy_event_project_idx ON digitization_copy_event (project_id, at);
