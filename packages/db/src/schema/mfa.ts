// Two-factor sign-in (migration 0021, ASVS 2.8): the encrypted TOTP secret and
// last used time step, hashed recovery codes, and the pending second step of a
// sign-in. The session's enrolment flag is on UserSessionTable (core.ts).
import type { Defaulted } from "./columns.ts";

export interface UserMfaTable {
  userId: string;
  /** AES-256-GCM, "v1.iv.tag.body"; never leaves the server. */
  secretEnc: string;
  enabledAt: Date | null;
  lastStep: number | null;
  createdAt: Defaulted<Date>;
  updatedAt: Defaulted<Date>;
}

export interface UserRecoveryCodeTable {
  id: Defaulted<string>;
  userId: string;
  codeHash: string;
  usedAt: Date | null;
  createdAt: Defaulted<Date>;
}

export interface MfaChallengeTable {
  idHash: string;
  userId: string;
  expiresAt: Date;
  ip: string | null;
  createdAt: Defaulted<Date>;
}

export interface MfaTables {
  userMfa: UserMfaTable;
  userRecoveryCode: UserRecoveryCodeTable;
  mfaChallenge: MfaChallengeTable;
}
