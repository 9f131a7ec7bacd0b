-- Regulator oversight (G-7, G-11, G-13): yearly spot-check plans with their
-- recorded seed, inspections with checklist answers and findings, rectification
-- orders with deadlines and responses, and notices (通报) of major problems.

CREATE TABLE spot_check_plan (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  regulator_org_id uuid NOT NULL REFERENCES organisation (id),
  year             integer NOT NULL,
  rate             numeric(5, 4) NOT NULL CHECK (rate > 0 AND rate <= 1),
  seed             text NOT NULL,
  national_mode    text NOT NULL CHECK (national_mode IN ('always', 'weighted')),
  national_weight  numeric(6, 2) NOT NULL DEFAULT 1,
  -- The population the sample was drawn from, so anyone can redraw it from the seed.
  population       jsonb NOT NULL,
  created_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (regulator_org_id, year)
);

CREATE TABLE inspection (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id       uuid NOT NULL REFERENCES project (id),
  client_org_id    uuid NOT NULL REFERENCES organisation (id),
  agency_org_id    uuid NOT NULL REFERENCES organisation (id),
  inspector_org_id uuid NOT NULL REFERENCES organisation (id),
  kind             text NOT NULL CHECK (kind IN ('planned', 'spot', 'ad_hoc', 'self_check', 'supervision')),
  service_type     text NOT NULL,
  plan_id          uuid REFERENCES spot_check_plan (id),
  title            text NOT NULL,
  planned_on       date,
  status           text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
  created_by       uuid REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  completed_by     uuid REFERENCES app_user (id),
  completed_at     timestamptz
);
CREATE INDEX inspection_project_idx ON inspection (project_id, status);
CREATE INDEX inspection_parties_idx ON inspection (agency_org_id, client_org_id);

CREATE TABLE spot_check_sample (
  plan_id       uuid NOT NULL REFERENCES spot_check_plan (id),
  project_id    uuid NOT NULL REFERENCES project (id),
  stratum       text NOT NULL,
  reason        text NOT NULL CHECK (reason IN ('drawn', 'national')),
  inspection_id uuid REFERENCES inspection (id),
  PRIMARY KEY (plan_id, project_id)
);

CREATE TABLE inspection_item (
  inspection_id uuid NOT NULL REFERENCES inspection (id),
  clause_id     text NOT NULL,
  position      integer NOT NULL,
  result        text NOT NULL DEFAULT 'unanswered' CHECK (result IN ('unanswered', 'pass', 'fail', 'not_applicable')),
  prefilled     boolean NOT NULL DEFAULT false,
  evidence      jsonb NOT NULL DEFAULT '[]',
  note          text,
  answered_by   uuid REFERENCES app_user (id),
  answered_at   timestamptz,
  PRIMARY KEY (inspection_id, clause_id)
);

CREATE TABLE inspection_finding (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspection (id),
  clause_id     text NOT NULL,
  severity      text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
  description   text NOT NULL,
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_finding_idx ON inspection_finding (inspection_id);

CREATE TABLE rectification_order (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  finding_id       uuid NOT NULL REFERENCES inspection_finding (id),
  inspection_id    uuid NOT NULL REFERENCES inspection (id),
  project_id       uuid NOT NULL REFERENCES project (id),
  client_org_id    uuid NOT NULL REFERENCES organisation (id),
  agency_org_id    uuid NOT NULL REFERENCES organisation (id),
  issuer_org_id    uuid NOT NULL REFERENCES organisation (id),
  addressee        text NOT NULL CHECK (addressee IN ('agency', 'client')),
  clause_id        text NOT NULL,
  severity         text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
  requirement      text NOT NULL,
  deadline         date NOT NULL,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'responded', 'rejected', 'accepted')),
  escalated_at     timestamptz,
  issued_by        uuid REFERENCES app_user (id),
  issued_at        timestamptz NOT NULL DEFAULT now(),
  closed_at        timestamptz
);
CREATE INDEX rectification_parties_idx ON rectification_order (agency_org_id, client_org_id, status);
CREATE INDEX rectification_deadline_idx ON rectification_order (status, deadline);

-- Each answer of the addressee and the issuer's decision on it.
CREATE TABLE rectification_response (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id      uuid NOT NULL REFERENCES rectification_order (id),
  response      text NOT NULL,
  responded_by  uuid REFERENCES app_user (id),
  responded_at  timestamptz NOT NULL DEFAULT now(),
  decision      text CHECK (decision IN ('accepted', 'rejected')),
  decision_note text,
  decided_by    uuid REFERENCES app_user (id),
  decided_at    timestamptz
);
CREATE INDEX rectification_response_idx ON rectification_response (order_id);

-- G-7 通报: published to the regulator's area (its supervised districts, or all for the city).
CREATE TABLE notice (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  regulator_org_id uuid NOT NULL REFERENCES organisation (id),
  area_all         boolean NOT NULL,
  area_districts   text[] NOT NULL DEFAULT '{}',
  finding_id       uuid NOT NULL REFERENCES inspection_finding (id),
  project_id       uuid NOT NULL REFERENCES project (id),
  agency_org_id    uuid NOT NULL REFERENCES organisation (id),
  clause_id        text NOT NULL,
  severity         text NOT NULL CHECK (severity IN ('major', 'critical')),
  title            text NOT NULL,
  body             text NOT NULL,
  published_by     uuid REFERENCES app_user (id),
  published_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notice_published_idx ON notice (published_at DESC);
