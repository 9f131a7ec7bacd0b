-- Platform core: organisations, people, access, projects, contracts, ledger,
-- attachments, confirmations and the audit chain. PostgreSQL 15+ (PGlite runs 18).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE organisation (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                 text NOT NULL CHECK (kind IN ('regulator', 'client', 'agency')),
  name                 text NOT NULL,
  credit_code          text UNIQUE,
  district             text NOT NULL,
  address              text,
  contact_name         text,
  contact_phone        text,
  regulator_level      text CHECK (regulator_level IN ('city', 'district')),
  supervised_districts text[] NOT NULL DEFAULT '{}',
  service_types        text[] NOT NULL DEFAULT '{}',
  licence_number       text,
  business_scope       text,
  registration_status  text NOT NULL DEFAULT 'active' CHECK (registration_status IN ('active', 'suspended', 'revoked')),
  foreign_backed       boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'regulator' OR regulator_level IS NULL),
  CHECK (kind = 'agency' OR (foreign_backed = false AND service_types = '{}'))
);
CREATE INDEX organisation_kind_idx ON organisation (kind, district);
CREATE INDEX organisation_name_trgm ON organisation USING gin (name gin_trgm_ops);

CREATE TABLE app_user (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id              uuid NOT NULL REFERENCES organisation (id),
  username            text NOT NULL UNIQUE,
  display_name        text NOT NULL,
  roles               text[] NOT NULL CHECK (cardinality(roles) > 0),
  password_hash       text NOT NULL,
  phone               text,
  id_number           text,
  active              boolean NOT NULL DEFAULT true,
  failed_logins       integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_org_idx ON app_user (org_id);

-- Sessions and API tokens store only the SHA-256 of the secret.
CREATE TABLE user_session (
  id_hash      text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE api_token (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES app_user (id),
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

CREATE SEQUENCE project_number_seq;

CREATE TABLE project (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                   text NOT NULL UNIQUE,
  name                   text NOT NULL,
  client_org_id          uuid NOT NULL REFERENCES organisation (id),
  agency_org_id          uuid NOT NULL REFERENCES organisation (id),
  service_type           text NOT NULL CHECK (service_type IN ('custody', 'digitization', 'arrangement', 'system_building')),
  custody_mode           text CHECK (custody_mode IN ('deposit', 'custody')),
  -- G-3: a row can never say "classified"; the check backs the domain rule.
  has_classified         boolean NOT NULL DEFAULT false CHECK (has_classified = false),
  has_national_scope     boolean NOT NULL DEFAULT false,
  responsible_leader     text NOT NULL,
  responsible_department text NOT NULL,
  site_kind              text CHECK (site_kind IN ('client_premises', 'designated_site', 'agency_premises', 'other')),
  site_address           text,
  description            text,
  status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'suspended', 'completed', 'cancelled')),
  created_by             uuid REFERENCES app_user (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  started_at             timestamptz,
  completed_at           timestamptz
);
CREATE INDEX project_client_idx ON project (client_org_id, status);
CREATE INDEX project_agency_idx ON project (agency_org_id, status);
CREATE INDEX project_name_trgm ON project USING gin (name gin_trgm_ops);

CREATE TABLE attachment (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type text NOT NULL,
  entity_id   uuid NOT NULL,
  sm3         text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes  bigint NOT NULL CHECK (size_bytes >= 0),
  media_type  text NOT NULL,
  filename    text NOT NULL,
  label       text,
  org_id      uuid REFERENCES organisation (id),
  uploaded_by uuid REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachment_entity_idx ON attachment (entity_type, entity_id);

CREATE TABLE contract (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id            uuid NOT NULL UNIQUE REFERENCES project (id),
  contract_number       text,
  content               text,
  term_start            date,
  term_end              date,
  quantity              numeric(16, 2),
  quantity_unit         text,
  price                 numeric(16, 2),
  pricing_unit          text,
  confidentiality_terms text,
  rights_and_duties     text,
  breach_liability      text,
  damage_compensation   text,
  technical_standards   text,
  security_requirements text,
  status                text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  signed_document_id    uuid REFERENCES attachment (id),
  signed_on             date,
  updated_by            uuid REFERENCES app_user (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'draft' OR signed_document_id IS NOT NULL)
);

CREATE TABLE ledger_entry (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id        uuid NOT NULL REFERENCES project (id),
  kind              text NOT NULL CHECK (kind IN ('supervision', 'problem', 'rectification', 'note')),
  occurred_on       date NOT NULL,
  summary           text NOT NULL,
  details           text,
  clause_id         text,
  resolves_entry_id uuid REFERENCES ledger_entry (id),
  status            text CHECK (status IN ('open', 'closed')),
  author_user_id    uuid REFERENCES app_user (id),
  org_id            uuid REFERENCES organisation (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'problem') = (status IS NOT NULL))
);
CREATE INDEX ledger_entry_project_idx ON ledger_entry (project_id, occurred_on);

CREATE TABLE signing_key (
  org_id          uuid PRIMARY KEY REFERENCES organisation (id),
  algorithm       text NOT NULL DEFAULT 'ed25519',
  public_key_pem  text NOT NULL,
  -- PKCS#8 private key, encrypted with AES-256-GCM under the instance secret.
  private_key_enc text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE confirmation (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type     text NOT NULL,
  entity_id       uuid NOT NULL,
  document_kind   text NOT NULL,
  document_digest text NOT NULL CHECK (document_digest ~ '^[0-9a-f]{64}$'),
  org_id          uuid NOT NULL REFERENCES organisation (id),
  signer_user_id  uuid NOT NULL REFERENCES app_user (id),
  signer_name     text NOT NULL,
  signed_at       timestamptz NOT NULL,
  signature       text NOT NULL,
  public_key_pem  text NOT NULL,
  UNIQUE (entity_type, entity_id, document_digest, org_id)
);
CREATE INDEX confirmation_entity_idx ON confirmation (entity_type, entity_id);

-- The audit chain (docs/adr/0003-audit-chain.md). seq is assigned by the
-- appender under an advisory lock so that it is part of the hashed content.
CREATE TABLE audit_event (
  seq           bigint PRIMARY KEY,
  at            timestamptz NOT NULL,
  actor_user_id uuid,
  actor_org_id  uuid,
  action        text NOT NULL,
  entity_type   text NOT NULL,
  entity_id     text NOT NULL,
  payload       jsonb NOT NULL,
  scope_org_ids uuid[] NOT NULL DEFAULT '{}',
  prev_hash     text NOT NULL,
  hash          text NOT NULL UNIQUE
);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, seq);
CREATE INDEX audit_event_scope_idx ON audit_event USING gin (scope_org_ids);
CREATE INDEX audit_event_at_idx ON audit_event (at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
