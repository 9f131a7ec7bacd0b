// Site figures with no source in standards.md (Z-5.5, Z-5.8): configurable and
// shown as UNVERIFIED in the UI.
import { DEFAULT_CAMERA_RETENTION_DAYS, DEFAULT_SEAL_TEST_INTERVAL_DAYS } from "@dangan/domain";

export interface SiteConfig {
  cameraRetentionDays: number;
  sealTestIntervalDays: number;
  unverified: true;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);

export function siteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return {
    cameraRetentionDays: int(env.DANGAN_DIGIT_CAMERA_RETENTION_DAYS, DEFAULT_CAMERA_RETENTION_DAYS.days),
    sealTestIntervalDays: int(env.DANGAN_DIGIT_SEAL_TEST_INTERVAL_DAYS, DEFAULT_SEAL_TEST_INTERVAL_DAYS.days),
    unverified: true,
  };
}
