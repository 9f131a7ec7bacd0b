-- Facilities of a custody agency (Annex 1 §5, §6, §9): functional rooms
-- (D-5.3), cameras and fire alarms (D-5.10), protective equipment and its
-- maintenance log (D-5.8, D-9.7), vault key holders (D-9.2), the staff
-- register and training records (D-6.1, D-6.2).
-- Change to a core table: site gains its fire emergency plan (D-9.3).

ALTER TABLE site ADD COLUMN emergency_plan_attachment_id uuid REFERENCES attachment (id);

-- D-5.3: rooms by function, with their area.
CREATE TABLE facility_room (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  site_id       uuid NOT NULL REFERENCES site (id),
  room_function text NOT NULL CHECK (room_function IN ('storage', 'public_service', 'technical', 'office', 'ancillary')),
  name          text NOT NULL,
  area_m2       numeric(10, 2) CHECK (area_m2 >= 0),
  vault_id      uuid REFERENCES vault (id),
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facility_room_site_idx ON facility_room (site_id);

-- D-5.10: a camera watches the site (vault_id null) or one vault.
CREATE TABLE camera (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id     uuid NOT NULL REFERENCES organisation (id),
  site_id           uuid NOT NULL REFERENCES site (id),
  vault_id          uuid REFERENCES vault (id),
  code              text NOT NULL,
  covers            text[] NOT NULL DEFAULT '{}',
  recording_all_day boolean NOT NULL DEFAULT true,
  retention_days    integer CHECK (retention_days >= 0),
  note              text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, code)
);

CREATE TABLE fire_alarm (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  site_id       uuid NOT NULL REFERENCES site (id),
  vault_id      uuid REFERENCES vault (id),
  code          text NOT NULL,
  detector      text NOT NULL CHECK (detector IN ('smoke', 'heat', 'flame', 'gas', 'manual_call_point')),
  covers        text[] NOT NULL DEFAULT '{}',
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, code)
);

-- D-5.8, D-9.7: protective equipment per vault (or for the whole site), with
-- the date its next check is due.
CREATE TABLE protective_equipment (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id       uuid NOT NULL REFERENCES organisation (id),
  site_id             uuid NOT NULL REFERENCES site (id),
  vault_id            uuid REFERENCES vault (id),
  kind                text NOT NULL CHECK (kind IN ('temperature_humidity_monitor', 'climate_control', 'dehumidifier', 'fire_extinguisher', 'fire_suppression', 'anti_theft', 'disinfection')),
  name                text NOT NULL,
  model               text,
  serial_number       text,
  quantity            integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  check_interval_days integer NOT NULL CHECK (check_interval_days > 0),
  last_checked_on     date,
  next_due_on         date NOT NULL,
  status              text NOT NULL DEFAULT 'in_service' CHECK (status IN ('in_service', 'faulty', 'retired')),
  note                text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX protective_equipment_vault_idx ON protective_equipment (vault_id);
CREATE INDEX protective_equipment_due_idx ON protective_equipment (agency_org_id, next_due_on) WHERE status <> 'retired';

-- D-9.7 (and D-9.3 for fire equipment): the maintenance log.
CREATE TABLE equipment_maintenance (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  equipment_id        uuid NOT NULL REFERENCES protective_equipment (id),
  agency_org_id       uuid NOT NULL REFERENCES organisation (id),
  kind                text NOT NULL CHECK (kind IN ('check', 'maintenance', 'repair')),
  performed_on        date NOT NULL,
  performed_by_name   text NOT NULL,
  recorded_by         uuid REFERENCES app_user (id),
  result              text NOT NULL CHECK (result IN ('ok', 'fault_found', 'fixed')),
  note                text,
  next_due_on         date NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_maintenance_equipment_idx ON equipment_maintenance (equipment_id, performed_on);

-- D-9.2: keys and access devices, each held by a named agency user.
CREATE TABLE vault_key_holder (
  vault_id      uuid NOT NULL REFERENCES vault (id),
  user_id       uuid NOT NULL REFERENCES app_user (id),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  device        text NOT NULL CHECK (device IN ('key', 'access_card', 'password', 'biometric')),
  issued_on     date,
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vault_id, user_id, device)
);

-- D-6.1: the staff register (a person may or may not have a platform account).
CREATE TABLE staff_member (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id        uuid NOT NULL REFERENCES organisation (id),
  user_id              uuid REFERENCES app_user (id),
  name                 text NOT NULL,
  id_number            text,
  title_level          text NOT NULL DEFAULT 'none' CHECK (title_level IN ('none', 'junior', 'intermediate', 'senior')),
  archive_professional boolean NOT NULL DEFAULT false,
  position             text,
  employed_since       date,
  active               boolean NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_member_agency_idx ON staff_member (agency_org_id, name);
CREATE UNIQUE INDEX staff_member_user_uq ON staff_member (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX staff_member_id_number_uq ON staff_member (agency_org_id, id_number) WHERE id_number IS NOT NULL;

-- D-6.2: training and continuing education.
CREATE TABLE staff_training (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id                  uuid NOT NULL REFERENCES staff_member (id),
  agency_org_id             uuid NOT NULL REFERENCES organisation (id),
  held_on                   date NOT NULL,
  course                    text NOT NULL,
  hours                     numeric(6, 1) NOT NULL CHECK (hours > 0),
  provider                  text,
  certificate_attachment_id uuid REFERENCES attachment (id),
  created_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_training_staff_idx ON staff_training (staff_id, held_on);
