-- Regulator's registry (G-12, G-14, D-4.2), filings of national-scope deposits
-- (G-7), incident accountability (G-7). Market figures are computed from contract.

-- G-12: each change of an agency's standing with its reason.
CREATE TABLE agency_standing_change (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  action        text NOT NULL CHECK (action IN ('suspend', 'reinstate', 'revoke')),
  from_status   text NOT NULL,
  to_status     text NOT NULL,
  reason        text NOT NULL CHECK (length(trim(reason)) > 0),
  changed_by    uuid REFERENCES app_user (id),
  changed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_standing_change_agency_idx ON agency_standing_change (agency_org_id, changed_at);

-- G-7: one filing per deposit of national-scope archives.
CREATE SEQUENCE filing_number_seq;
CREATE TABLE filing (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filing_no         text NOT NULL UNIQUE,
  project_id        uuid NOT NULL UNIQUE REFERENCES project (id),
  client_org_id     uuid NOT NULL REFERENCES organisation (id),
  agency_org_id     uuid NOT NULL REFERENCES organisation (id),
  regulator_org_id  uuid NOT NULL REFERENCES organisation (id),
  status            text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'verified')),
  content           jsonb NOT NULL,
  trigger           text NOT NULL CHECK (trigger IN ('project_started', 'intake', 'manual')),
  round             integer NOT NULL DEFAULT 1,
  questions         text,
  answer            text,
  submitted_at      timestamptz NOT NULL DEFAULT now(),
  returned_at       timestamptz,
  verified_at       timestamptz,
  verified_by       uuid REFERENCES app_user (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filing_regulator_idx ON filing (regulator_org_id, status);
CREATE INDEX filing_client_idx ON filing (client_org_id, status);

-- G-7: each round of questions and answers, kept after the filing moves on.
CREATE TABLE filing_exchange (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filing_id  uuid NOT NULL REFERENCES filing (id),
  round      integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('submitted', 'returned', 'resubmitted', 'verified')),
  text       text,
  org_id     uuid REFERENCES organisation (id),
  user_id    uuid REFERENCES app_user (id),
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX filing_exchange_filing_idx ON filing_exchange (filing_id, at);

-- G-7: accountability for incidents.
ALTER TABLE incident ADD COLUMN responsible_parties text[] NOT NULL DEFAULT '{}';
ALTER TABLE incident ADD COLUMN responsible_people text;
ALTER TABLE incident ADD COLUMN investigation text;
ALTER TABLE incident ADD COLUMN measures text;
