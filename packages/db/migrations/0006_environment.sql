-- Vault environment (D-9.4, D-9.5) and the vault entry log (D-9.9, D-9.10).

-- A sensor watches one vault (and one carrier zone of it; null = the vault's
-- dominant zone). Its HMAC secret is kept encrypted under the instance secret
-- (it must be readable to verify signatures); its HTTP token only as a hash.
CREATE TABLE environment_sensor (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vault_id       uuid NOT NULL REFERENCES vault (id),
  agency_org_id  uuid NOT NULL REFERENCES organisation (id),
  -- names the MQTT topic: unique across the installation
  code           text NOT NULL UNIQUE,
  name           text NOT NULL,
  zone           text CHECK (zone IN ('paper', 'special_collection', 'audiovisual_tape', 'copy_film', 'master_film', 'optical_disc', 'electronic', 'photo')),
  secret_enc     text NOT NULL,
  token_hash     text NOT NULL UNIQUE,
  token_prefix   text NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  refused_count  integer NOT NULL DEFAULT 0,
  last_refusal   text,
  last_refused_at timestamptz,
  created_by     uuid REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX environment_sensor_vault_idx ON environment_sensor (vault_id);

-- One row per sensor and minute or so: the volume table. The primary key
-- refuses a replayed reading; (vault_id, at) serves the vault's charts.
CREATE TABLE environment_reading (
  sensor_id     uuid NOT NULL REFERENCES environment_sensor (id),
  vault_id      uuid NOT NULL,
  at            timestamptz NOT NULL,
  temperature_c real,
  humidity_pct  real,
  lux           real,
  source        text NOT NULL CHECK (source IN ('mqtt', 'http', 'csv')),
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sensor_id, at)
);
CREATE INDEX environment_reading_vault_at_idx ON environment_reading (vault_id, at);

-- Hourly roll-up kept with each insert: 30-day charts and the 24-hour swing
-- read a few hundred rows instead of tens of thousands.
CREATE TABLE environment_hourly (
  sensor_id uuid NOT NULL REFERENCES environment_sensor (id),
  vault_id  uuid NOT NULL,
  hour      timestamptz NOT NULL,
  t_n       integer NOT NULL DEFAULT 0,
  t_min     real,
  t_max     real,
  t_sum     double precision NOT NULL DEFAULT 0,
  h_n       integer NOT NULL DEFAULT 0,
  h_min     real,
  h_max     real,
  h_sum     double precision NOT NULL DEFAULT 0,
  l_n       integer NOT NULL DEFAULT 0,
  l_min     real,
  l_max     real,
  l_sum     double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (sensor_id, hour)
);
CREATE INDEX environment_hourly_vault_idx ON environment_hourly (vault_id, hour);

-- An agency's own limits per carrier zone: stricter than the standard only
-- (checked in packages/domain custody/environment-limits.ts). Null = standard.
CREATE TABLE environment_limit (
  agency_org_id       uuid NOT NULL REFERENCES organisation (id),
  zone                text NOT NULL CHECK (zone IN ('paper', 'special_collection', 'audiovisual_tape', 'copy_film', 'master_film', 'optical_disc', 'electronic', 'photo')),
  temperature_min     numeric(5, 2),
  temperature_max     numeric(5, 2),
  humidity_min        numeric(5, 2),
  humidity_max        numeric(5, 2),
  max_lux             numeric(9, 2),
  swing_temperature_c numeric(5, 2),
  swing_humidity_pct  numeric(5, 2),
  updated_by          uuid REFERENCES app_user (id),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_org_id, zone)
);

-- Excursions raise alerts: one open alert per vault and kind, updated by
-- repeated excursions until a keeper or manager acknowledges it with a note.
CREATE TABLE environment_alert (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vault_id         uuid NOT NULL REFERENCES vault (id),
  agency_org_id    uuid NOT NULL REFERENCES organisation (id),
  kind             text NOT NULL CHECK (kind IN ('temperature_low', 'temperature_high', 'humidity_low', 'humidity_high', 'lux_high', 'temperature_swing', 'humidity_swing')),
  clause_id        text NOT NULL,
  zone             text NOT NULL,
  sensor_id        uuid REFERENCES environment_sensor (id),
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged')),
  first_at         timestamptz NOT NULL,
  last_at          timestamptz NOT NULL,
  occurrences      integer NOT NULL DEFAULT 1,
  limit_value      real NOT NULL,
  last_value       real NOT NULL,
  worst_value      real NOT NULL,
  acknowledged_by  uuid REFERENCES app_user (id),
  acknowledged_at  timestamptz,
  acknowledgement_note text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'open' OR (acknowledged_at IS NOT NULL AND acknowledgement_note IS NOT NULL))
);
CREATE UNIQUE INDEX environment_alert_open_uq ON environment_alert (vault_id, kind) WHERE status = 'open';
CREATE INDEX environment_alert_agency_idx ON environment_alert (agency_org_id, status, last_at);
CREATE INDEX environment_alert_vault_idx ON environment_alert (vault_id, last_at);

-- D-9.9, D-9.10: who went into a vault, together, and when they came out.
CREATE TABLE vault_entry (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vault_id         uuid NOT NULL REFERENCES vault (id),
  agency_org_id    uuid NOT NULL REFERENCES organisation (id),
  purpose          text NOT NULL,
  entered_at       timestamptz NOT NULL,
  exited_at        timestamptz,
  -- D-9.10: the agency manager who approved the visitors' entry
  approved_by      uuid REFERENCES app_user (id),
  approval_note    text,
  recorded_by      uuid REFERENCES app_user (id),
  exit_recorded_by uuid REFERENCES app_user (id),
  exit_note        text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (exited_at IS NULL OR exited_at >= entered_at)
);
CREATE INDEX vault_entry_vault_idx ON vault_entry (vault_id, entered_at);
CREATE INDEX vault_entry_open_idx ON vault_entry (agency_org_id) WHERE exited_at IS NULL;

CREATE TABLE vault_entry_person (
  entry_id     uuid NOT NULL REFERENCES vault_entry (id),
  seq          integer NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('staff', 'visitor')),
  user_id      uuid REFERENCES app_user (id),
  name         text NOT NULL,
  organisation text,
  id_number    text,
  purpose      text,
  PRIMARY KEY (entry_id, seq),
  UNIQUE (entry_id, user_id),
  CHECK (kind = 'visitor' OR user_id IS NOT NULL)
);
CREATE INDEX vault_entry_person_name_trgm ON vault_entry_person USING gin (name gin_trgm_ops);
