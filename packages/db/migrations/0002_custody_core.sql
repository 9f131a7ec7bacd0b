-- Custody core (Annex 1): the records every custody module shares — sites and
-- vaults, their locations, the client's handover catalogue, boxes, the register
-- of box movements (D-9.11) and incidents. Module-specific tables follow in
-- later migrations.

CREATE TABLE site (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  name          text NOT NULL,
  address       text,
  district      text,
  -- D-5.2, D-5.4 site checklist answers: { "<item key>": true | false }
  checklist     jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX site_agency_idx ON site (agency_org_id);

CREATE TABLE vault (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id     uuid NOT NULL REFERENCES organisation (id),
  site_id           uuid NOT NULL REFERENCES site (id),
  code              text NOT NULL,
  name              text NOT NULL,
  floor_area_m2     numeric(10, 2),
  clear_height_m    numeric(6, 2),
  floor_load_kn_m2  numeric(6, 2),
  shelving_type     text NOT NULL DEFAULT 'fixed' CHECK (shelving_type IN ('compact', 'fixed')),
  fire_wall_zone_h  numeric(4, 1),
  fire_wall_room_h  numeric(4, 1),
  fire_wall_inner_h numeric(4, 1),
  main_aisle_m      numeric(5, 2),
  row_spacing_m     numeric(5, 2),
  end_clearance_m   numeric(5, 2),
  back_clearance_m  numeric(5, 2),
  -- D-9.2: the named keeper of the vault
  keeper_user_id    uuid REFERENCES app_user (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_org_id, code)
);

-- D-9.1: row / column / section / shelf, each in a carrier zone.
CREATE TABLE location (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vault_id   uuid NOT NULL REFERENCES vault (id),
  code       text NOT NULL,
  row_no     integer NOT NULL CHECK (row_no > 0),
  column_no  integer NOT NULL CHECK (column_no > 0),
  section_no integer NOT NULL CHECK (section_no > 0),
  shelf_no   integer NOT NULL CHECK (shelf_no > 0),
  zone       text NOT NULL DEFAULT 'paper' CHECK (zone IN ('paper', 'special_collection', 'audiovisual_tape', 'copy_film', 'master_film', 'optical_disc', 'electronic', 'photo')),
  capacity   integer NOT NULL DEFAULT 1 CHECK (capacity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (vault_id, code),
  UNIQUE (vault_id, row_no, column_no, section_no, shelf_no)
);

-- D-8.2, D-8.3: the handover catalogue both parties confirm.
CREATE TABLE handover_catalogue (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id    uuid NOT NULL REFERENCES project (id),
  client_org_id uuid NOT NULL REFERENCES organisation (id),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  title         text NOT NULL,
  level         text NOT NULL CHECK (level IN ('item', 'box')),
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'superseded')),
  source_name   text,
  row_count     integer NOT NULL DEFAULT 0,
  -- SM3 over the canonical content; what both parties confirm.
  digest        text,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handover_catalogue_project_idx ON handover_catalogue (project_id);

CREATE TABLE catalogue_item (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  catalogue_id     uuid NOT NULL REFERENCES handover_catalogue (id),
  project_id       uuid NOT NULL REFERENCES project (id),
  client_org_id    uuid NOT NULL REFERENCES organisation (id),
  row_no           integer NOT NULL,
  reference_code   text,
  title            text,
  box_no           text,
  quantity         integer,
  pages            integer,
  year             integer,
  retention_period text,
  category         text,
  carrier          text NOT NULL DEFAULT 'paper',
  classification   text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (catalogue_id, row_no)
);
-- Duplicates are refused against what a client already holds in the project.
CREATE UNIQUE INDEX catalogue_item_reference_uq ON catalogue_item (project_id, reference_code) WHERE reference_code IS NOT NULL;
CREATE INDEX catalogue_item_catalogue_idx ON catalogue_item (catalogue_id, row_no);
CREATE INDEX catalogue_item_title_trgm ON catalogue_item USING gin (title gin_trgm_ops);

-- D-8.5: numbered, labelled boxes. location_id is where the box is now (null
-- when it is not on a shelf); home_location_id is its recorded place (D-11.2).
CREATE TABLE box (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id       uuid NOT NULL REFERENCES project (id),
  client_org_id    uuid NOT NULL REFERENCES organisation (id),
  agency_org_id    uuid NOT NULL REFERENCES organisation (id),
  box_no           text NOT NULL,
  barcode          text NOT NULL UNIQUE,
  kind             text NOT NULL CHECK (kind IN ('transfer', 'storage')),
  carrier          text NOT NULL DEFAULT 'paper',
  category         text,
  status           text NOT NULL DEFAULT 'packing' CHECK (status IN ('packing', 'sealed', 'in_transit', 'received', 'shelved', 'checked_out', 'treatment', 'returned_to_client')),
  seal_number      text,
  sealed_at        timestamptz,
  condition        text,
  location_id      uuid REFERENCES location (id),
  home_location_id uuid REFERENCES location (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, box_no),
  CHECK (status <> 'shelved' OR location_id IS NOT NULL)
);
CREATE INDEX box_location_idx ON box (location_id);
CREATE INDEX box_client_idx ON box (client_org_id, status);

CREATE TABLE box_item (
  box_id  uuid NOT NULL REFERENCES box (id),
  item_id uuid NOT NULL REFERENCES catalogue_item (id) UNIQUE,
  PRIMARY KEY (box_id, item_id)
);

-- D-9.11: every movement of a box into, out of and inside the vaults.
CREATE TABLE box_movement (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  box_id           uuid NOT NULL REFERENCES box (id),
  kind             text NOT NULL CHECK (kind IN ('intake', 'shelve', 'checkout', 'return', 'relocate', 'release')),
  from_location_id uuid REFERENCES location (id),
  to_location_id   uuid REFERENCES location (id),
  at               timestamptz NOT NULL DEFAULT now(),
  by_user_id       uuid REFERENCES app_user (id),
  reference_type   text,
  reference_id     uuid,
  note             text
);
CREATE INDEX box_movement_box_idx ON box_movement (box_id, at);
CREATE INDEX box_movement_at_idx ON box_movement (at);

-- Incidents (G-7, D-8.8, D-9.8, D-11.1): loss, damage, leaks, anomalies.
CREATE TABLE incident (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id    uuid REFERENCES project (id),
  client_org_id uuid REFERENCES organisation (id),
  agency_org_id uuid REFERENCES organisation (id),
  kind          text NOT NULL CHECK (kind IN ('loss', 'damage', 'leak', 'security', 'anomaly', 'discrepancy', 'banned_item', 'environment', 'other')),
  severity      text NOT NULL DEFAULT 'major' CHECK (severity IN ('minor', 'major', 'critical')),
  source        text NOT NULL CHECK (source IN ('manual', 'system')),
  source_type   text,
  source_id     uuid,
  clause_id     text,
  title         text NOT NULL,
  description   text,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'investigating', 'closed')),
  opened_by     uuid REFERENCES app_user (id),
  opened_at     timestamptz NOT NULL DEFAULT now(),
  closed_by     uuid REFERENCES app_user (id),
  closed_at     timestamptz,
  resolution    text
);
CREATE INDEX incident_project_idx ON incident (project_id, status);
CREATE INDEX incident_parties_idx ON incident (client_org_id, agency_org_id, status);
