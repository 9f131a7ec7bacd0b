-- Retrieval and use (Annex 1 §10): the client's written grants and use requests.
-- Services of a request (reading sessions, scan jobs, loans, return checks) add
-- their own tables in later migrations and refer to use_request.

-- D-10.2, D-10.3, D-10.5, D-10.7: the client's written word that someone else may
-- use named archives, in named ways, for a purpose, for a period.
CREATE TABLE written_grant (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  grant_no          text NOT NULL UNIQUE,
  project_id        uuid NOT NULL REFERENCES project (id),
  client_org_id     uuid NOT NULL REFERENCES organisation (id),
  agency_org_id     uuid NOT NULL REFERENCES organisation (id),
  grantee_kind      text NOT NULL CHECK (grantee_kind IN ('person', 'organisation')),
  grantee_name      text NOT NULL,
  grantee_id_kind   text CHECK (grantee_id_kind IN ('id_card', 'work_card', 'passport', 'other')),
  grantee_id_number text,
  -- When the grantee is an organisation on Dangan (the agency itself for proxy search).
  grantee_org_id    uuid REFERENCES organisation (id),
  modes             text[] NOT NULL CHECK (cardinality(modes) > 0
                      AND modes <@ ARRAY['reading', 'remote_copy', 'loan', 'proxy_search']::text[]),
  purpose           text NOT NULL,
  -- 'list': items or boxes named one by one; 'query': a catalogue query, resolved
  -- to the items it matched when the grant was issued (frozen in written_grant_item).
  scope_kind        text NOT NULL CHECK (scope_kind IN ('list', 'query')),
  scope_query       jsonb,
  valid_from        date NOT NULL,
  valid_to          date NOT NULL,
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'revoked')),
  -- SM3 over the canonical grant (grantee, modes, purpose, period, items): what the client confirms.
  digest            text,
  issued_by         uuid REFERENCES app_user (id),
  issued_at         timestamptz,
  revoked_by        uuid REFERENCES app_user (id),
  revoked_at        timestamptz,
  revoke_reason     text,
  created_by        uuid REFERENCES app_user (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from),
  CHECK (grantee_kind = 'organisation' OR grantee_id_number IS NOT NULL),
  CHECK (status <> 'revoked' OR revoke_reason IS NOT NULL)
);
CREATE INDEX written_grant_project_idx ON written_grant (project_id, status);
CREATE INDEX written_grant_client_idx ON written_grant (client_org_id, created_at);
CREATE INDEX written_grant_agency_idx ON written_grant (agency_org_id, status);
CREATE INDEX written_grant_grantee_org_idx ON written_grant (grantee_org_id) WHERE grantee_org_id IS NOT NULL;

-- What a grant covers: catalogue items, or whole boxes.
CREATE TABLE written_grant_item (
  grant_id uuid NOT NULL REFERENCES written_grant (id),
  item_id  uuid REFERENCES catalogue_item (id),
  box_id   uuid REFERENCES box (id),
  CHECK ((item_id IS NULL) <> (box_id IS NULL))
);
CREATE UNIQUE INDEX written_grant_item_item_uq ON written_grant_item (grant_id, item_id) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX written_grant_item_box_uq ON written_grant_item (grant_id, box_id) WHERE box_id IS NOT NULL;

-- D-10.1, D-10.4: a use request, from submission to closure (USE_REQUEST_WORKFLOW).
CREATE TABLE use_request (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_no        text NOT NULL UNIQUE,
  project_id        uuid NOT NULL REFERENCES project (id),
  client_org_id     uuid NOT NULL REFERENCES organisation (id),
  agency_org_id     uuid NOT NULL REFERENCES organisation (id),
  requester_kind    text NOT NULL CHECK (requester_kind IN ('client', 'third_party', 'agency_proxy')),
  -- The person who uses the archives (the reader, the receiver of copies or of a loan).
  user_name         text NOT NULL,
  user_org_name     text,
  user_id_kind      text CHECK (user_id_kind IN ('id_card', 'work_card', 'passport', 'other')),
  user_id_number    text,
  grant_id          uuid REFERENCES written_grant (id),
  mode              text NOT NULL CHECK (mode IN ('reading', 'remote_copy', 'loan', 'proxy_search')),
  purpose           text NOT NULL,
  priority          text NOT NULL DEFAULT 'standard' CHECK (priority IN ('standard', 'rush')),
  due_at            timestamptz NOT NULL,
  status            text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'retrieved',
                      'in_service', 'returning', 'return_blocked', 'returned', 'closed', 'rejected', 'cancelled')),
  status_reason     text,
  submitted_by      uuid NOT NULL REFERENCES app_user (id),
  submitted_at      timestamptz NOT NULL DEFAULT now(),
  closed_at         timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (requester_kind = 'client' OR grant_id IS NOT NULL)
);
CREATE INDEX use_request_project_idx ON use_request (project_id, status);
CREATE INDEX use_request_client_idx ON use_request (client_org_id, submitted_at);
CREATE INDEX use_request_agency_idx ON use_request (agency_org_id, status, due_at);
CREATE INDEX use_request_grant_idx ON use_request (grant_id) WHERE grant_id IS NOT NULL;

-- The items a request asks for, and the box each was in when the request was made.
CREATE TABLE use_request_item (
  request_id uuid NOT NULL REFERENCES use_request (id),
  item_id    uuid NOT NULL REFERENCES catalogue_item (id),
  box_id     uuid REFERENCES box (id),
  PRIMARY KEY (request_id, item_id)
);
CREATE INDEX use_request_item_item_idx ON use_request_item (item_id);
CREATE INDEX use_request_item_box_idx ON use_request_item (box_id);

-- D-10.4: every step of a request, with who did it — the use register reads these.
CREATE TABLE use_request_step (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES use_request (id),
  action     text NOT NULL,
  from_state text NOT NULL,
  to_state   text NOT NULL,
  by_user_id uuid REFERENCES app_user (id),
  at         timestamptz NOT NULL DEFAULT now(),
  note       text
);
CREATE INDEX use_request_step_request_idx ON use_request_step (request_id, at);
