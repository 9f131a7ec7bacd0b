-- Final acceptance of a project (G-11, Z-8.2): the client's checklist as it
-- stood, its verdict, and for a failed one the rectification order it raised
-- (G-7) — so a failed acceptance follows the same response, decision and
-- escalation path as an inspection's order, and the regulator sees both.

CREATE TABLE project_acceptance (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id    uuid NOT NULL REFERENCES project (id),
  round         integer NOT NULL CHECK (round > 0),
  client_org_id uuid NOT NULL REFERENCES organisation (id),
  agency_org_id uuid NOT NULL REFERENCES organisation (id),
  verdict       text NOT NULL CHECK (verdict IN ('passed', 'failed')),
  -- [{key, clause, label, manual, ok, open: [{zh, en}]}] as evaluated when recorded.
  items         jsonb NOT NULL,
  note          text,
  decided_by    uuid REFERENCES app_user (id),
  decided_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, round)
);
CREATE INDEX project_acceptance_parties_idx ON project_acceptance (agency_org_id, client_org_id);

-- An order comes from an inspection finding or from a failed acceptance.
ALTER TABLE rectification_order ALTER COLUMN finding_id DROP NOT NULL;
ALTER TABLE rectification_order ALTER COLUMN inspection_id DROP NOT NULL;
ALTER TABLE rectification_order ADD COLUMN acceptance_id uuid REFERENCES project_acceptance (id);
ALTER TABLE rectification_order ADD CONSTRAINT rectification_order_source_check
  CHECK ((finding_id IS NOT NULL AND inspection_id IS NOT NULL) OR acceptance_id IS NOT NULL);
