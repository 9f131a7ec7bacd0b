-- Two-factor sign-in (ASVS 2.2.4–2.2.7, 2.8, 4.3.1): time-based one-time
-- passwords (RFC 6238) with one-time recovery codes.
--
-- The TOTP secret must be readable to check a code, so it is stored encrypted
-- (AES-256-GCM under a key derived from the instance secret, bound to the user
-- id); recovery codes only need comparing, so only their keyed hash is kept.
-- last_step is the RFC 6238 time step of the last accepted code: a code of
-- that step or an earlier one is refused (replay).

CREATE TABLE user_mfa (
  user_id     uuid PRIMARY KEY REFERENCES app_user (id),
  secret_enc  text NOT NULL,
  -- NULL while set up but not yet confirmed with a code.
  enabled_at  timestamptz,
  last_step   bigint,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_recovery_code (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES app_user (id),
  code_hash   text NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, code_hash)
);

-- The second step of a sign-in: the right password was given and the user has
-- MFA on. Opaque and random; only its SHA-256 is stored; valid five minutes;
-- deleted when used.
CREATE TABLE mfa_challenge (
  id_hash     text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES app_user (id),
  expires_at  timestamptz NOT NULL,
  ip          text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mfa_challenge_user_idx ON mfa_challenge (user_id);

-- A session of a user whose role requires MFA (DANGAN_MFA_REQUIRED_ROLES) and
-- who has none: only the enrolment routes are served until MFA is on.
ALTER TABLE user_session ADD COLUMN mfa_enrolment_required boolean NOT NULL DEFAULT false;
