// Environment settings from the process environment: the MQTT broker (the
// ingester runs only when DANGAN_MQTT_URL is set), the installation's limits
// (DANGAN_ENV_LIMITS, JSON; see installationLimitsSchema) and how old a live
// reading may be before it is refused as stale.
import { type InstallationLimits, installationLimitsSchema } from "@dangan/domain";

export interface EnvironmentConfig {
  mqtt: { url: string; topicPrefix: string } | undefined;
  limits: InstallationLimits;
  /** Live (MQTT, HTTP) readings older than this are refused as stale. */
  maxReadingAgeMs: number;
}

export function environmentConfig(env: NodeJS.ProcessEnv): EnvironmentConfig {
  const minutes = Number(env.DANGAN_SENSOR_MAX_AGE_MINUTES ?? "15");
  return {
    mqtt: env.DANGAN_MQTT_URL
      ? { url: env.DANGAN_MQTT_URL, topicPrefix: env.DANGAN_MQTT_TOPIC_PREFIX ?? "dangan/sensors" }
      : undefined,
    limits: env.DANGAN_ENV_LIMITS ? installationLimitsSchema.parse(JSON.parse(env.DANGAN_ENV_LIMITS)) : {},
    maxReadingAgeMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60_000,
  };
}
