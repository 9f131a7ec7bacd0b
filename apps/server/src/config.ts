// Runtime configuration from the environment, with defaults that make
// `npm start` work on a fresh clone (embedded database under ./data).
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type MfaConfig, mfaConfig } from "./modules/auth/mfa.config.ts";
import { type CataloguesConfig, cataloguesConfig } from "./modules/catalogues/catalogues.config.ts";
import { type QcConfig, qcConfig } from "./modules/digitization-qc/qc.config.ts";
import { type EnvironmentConfig, environmentConfig } from "./modules/environment/environment.config.ts";
import { type ScreeningConfig, screeningConfig } from "./modules/page-intelligence/screening.config.ts";
import { type PageTextConfig, pageTextConfig } from "./modules/page-text/page-text.config.ts";

export interface Config {
  host: string;
  port: number;
  /** Data folder: embedded database, blobs, instance secret. */
  dataDir: string;
  /** Set for server mode; unset means embedded PGlite in dataDir/pg. */
  databaseUrl: string | undefined;
  blobDir: string;
  /** 32-byte key protecting organisation signing keys at rest. */
  secret: Buffer;
  sessionTtlHours: number;
  /** DANGAN_SESSION_IDLE_MINUTES, default 30: a session unused this long is refused and ended (ASVS 3.3.2). */
  sessionIdleMinutes: number;
  secureCookies: boolean;
  maxUploadBytes: number;
  login: { maxFailures: number; lockMinutes: number; perIpPerMinute: number };
  /** Two-factor sign-in: DANGAN_MFA_REQUIRED_ROLES (ASVS 2.8, 4.3.1). */
  mfa: MfaConfig;
  /** Folder with the built web UI, served at /. */
  webDist: string | undefined;
  logLevel: string;
  /** Vault environment (D-9.4, D-9.5): MQTT ingestion when a broker is configured, limits, freshness. */
  environment: EnvironmentConfig;
  /** Handover catalogue imports (D-8.3): upload size limit and the folder uploads wait in. */
  catalogues: CataloguesConfig;
  /** Digitization QC (Z-7.4): where deliveries are unpacked, archive and image limits. */
  digitizationQc: QcConfig;
  /** Z-7.3, D-10.8: classification-mark screening by the offline OCR. */
  screening: ScreeningConfig;
  /** Full text of QC deliveries (Z-7.4, D-10.1): the background OCR job. */
  pageText: PageTextConfig;
  /** DANGAN_JOB_STALE_SECONDS, default 120: an import or QC job without a heartbeat this long belongs to a process that died. */
  jobStaleSeconds: number;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.DANGAN_DATA_DIR ?? "./data");
  return {
    host: env.HOST ?? "127.0.0.1",
    port: int(env.PORT, 3000),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    blobDir: resolve(env.DANGAN_BLOB_DIR ?? join(dataDir, "blobs")),
    secret: overrides.secret ?? loadSecret(env, dataDir),
    sessionTtlHours: int(env.DANGAN_SESSION_TTL_HOURS, 12),
    sessionIdleMinutes: Math.max(1, int(env.DANGAN_SESSION_IDLE_MINUTES, 30)),
    secureCookies: env.DANGAN_SECURE_COOKIES === "true",
    maxUploadBytes: int(env.DANGAN_MAX_UPLOAD_BYTES, 50 * 1024 * 1024),
    login: {
      maxFailures: int(env.DANGAN_LOGIN_MAX_FAILURES, 5),
      lockMinutes: int(env.DANGAN_LOGIN_LOCK_MINUTES, 15),
      perIpPerMinute: int(env.DANGAN_LOGIN_PER_IP_PER_MINUTE, 20),
    },
    mfa: mfaConfig(env),
    webDist: env.DANGAN_WEB_DIST,
    logLevel: env.LOG_LEVEL ?? "info",
    environment: environmentConfig(env),
    catalogues: cataloguesConfig(env, dataDir),
    digitizationQc: qcConfig(env, dataDir),
    screening: screeningConfig(env),
    pageText: pageTextConfig(env),
    jobStaleSeconds: Math.max(4, int(env.DANGAN_JOB_STALE_SECONDS, 120)),
    ...overrides,
  };
}

/** DANGAN_SECRET (64 hex chars) or a key generated once into the data folder. */
function loadSecret(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.DANGAN_SECRET) {
    if (!/^[0-9a-f]{64}$/i.test(env.DANGAN_SECRET))
      throw new Error("DANGAN_SECRET must be 64 hex characters");
    return Buffer.from(env.DANGAN_SECRET, "hex");
  }
  const file = join(dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}
