// D-9.4, D-9.5: the limits that apply to one carrier zone. Three layers: the
// standard's figures (environment.ts), the installation's configuration (which
// may fix an UNVERIFIED figure) and an agency's own settings, which may only
// be stricter than the installation's — never looser.
import { z } from "zod";
import { DomainError, type Message } from "../errors/domain-error.ts";
import {
  CARRIER_ZONES,
  type CarrierZone,
  DEFAULT_MAX_LUX,
  DEFAULT_SWING,
  DEFAULT_ZONE_LIMITS,
  type ExcursionKind,
  type Range,
  type SourceStatus,
} from "./environment.ts";

export type LimitOrigin = "standard" | "installation" | "agency";

/** Shown next to every figure whose source could not be verified. */
export const UNVERIFIED_MARKER = "未核实 / unverified";

/** One figure with where it comes from; an unverified one carries the marker. */
export interface LimitValue {
  value: number;
  source: string;
  origin: LimitOrigin;
  unverified: boolean;
  marker?: typeof UNVERIFIED_MARKER;
}

export const EXCURSION_KIND_LABELS: Record<ExcursionKind, Message> = {
  temperature_low: { zh: "温度过低", en: "Temperature too low" },
  temperature_high: { zh: "温度过高", en: "Temperature too high" },
  humidity_low: { zh: "湿度过低", en: "Humidity too low" },
  humidity_high: { zh: "湿度过高", en: "Humidity too high" },
  lux_high: { zh: "照度超标", en: "Illuminance too high" },
  temperature_swing: { zh: "温度日波动超标", en: "24-hour temperature swing" },
  humidity_swing: { zh: "湿度日波动超标", en: "24-hour humidity swing" },
};

export interface EffectiveLimits {
  zone: CarrierZone;
  temperatureC: { min: LimitValue; max: LimitValue };
  humidityPct: { min: LimitValue; max: LimitValue };
  maxLux: LimitValue;
  swing: { temperatureC: LimitValue; humidityPct: LimitValue };
}

/** An agency's settings for a zone; null keeps the installation's figure. */
export interface LimitOverride {
  temperatureMin: number | null;
  temperatureMax: number | null;
  humidityMin: number | null;
  humidityMax: number | null;
  maxLux: number | null;
  swingTemperatureC: number | null;
  swingHumidityPct: number | null;
}

export const EMPTY_OVERRIDE: LimitOverride = {
  temperatureMin: null,
  temperatureMax: null,
  humidityMin: null,
  humidityMax: null,
  maxLux: null,
  swingTemperatureC: null,
  swingHumidityPct: null,
};

const range = z.object({ min: z.number().min(-40).max(60), max: z.number().min(-40).max(60) }).strict();
const pct = z.object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) }).strict();

/** The installation's configuration (DANGAN_ENV_LIMITS, JSON): partial, per zone. */
export const installationLimitsSchema = z
  .object({
    zones: z
      .partialRecord(
        z.enum(CARRIER_ZONES),
        z.object({ temperatureC: range, humidityPct: pct }).partial().strict(),
      )
      .optional(),
    maxLux: z.number().positive().max(100_000).optional(),
    swing: z
      .object({ temperatureC: z.number().positive().max(20), humidityPct: z.number().positive().max(50) })
      .partial()
      .strict()
      .optional(),
  })
  .strict();
export type InstallationLimits = z.infer<typeof installationLimitsSchema>;

const INSTALLATION = "installation configuration";

function standardValue(value: number, source: string, status: SourceStatus, inst?: number): LimitValue {
  if (inst !== undefined)
    return { value: inst, source: INSTALLATION, origin: "installation", unverified: false };
  const unverified = status === "UNVERIFIED";
  return {
    value,
    source,
    origin: "standard",
    unverified,
    ...(unverified ? { marker: UNVERIFIED_MARKER } : {}),
  };
}

/** The baseline an agency works from: the standard, with the installation's changes. */
export function installationLimits(zone: CarrierZone, inst: InstallationLimits = {}): EffectiveLimits {
  const d = DEFAULT_ZONE_LIMITS[zone];
  const z2 = inst.zones?.[zone];
  const pair = (r: Range, i: Range | undefined) => ({
    min: standardValue(r.min, d.source, d.status, i?.min),
    max: standardValue(r.max, d.source, d.status, i?.max),
  });
  return {
    zone,
    temperatureC: pair(d.temperatureC, z2?.temperatureC),
    humidityPct: pair(d.humidityPct, z2?.humidityPct),
    maxLux: standardValue(DEFAULT_MAX_LUX.value, DEFAULT_MAX_LUX.source, DEFAULT_MAX_LUX.status, inst.maxLux),
    swing: {
      temperatureC: standardValue(
        DEFAULT_SWING.temperatureC,
        DEFAULT_SWING.source,
        DEFAULT_SWING.status,
        inst.swing?.temperatureC,
      ),
      humidityPct: standardValue(
        DEFAULT_SWING.humidityPct,
        DEFAULT_SWING.source,
        DEFAULT_SWING.status,
        inst.swing?.humidityPct,
      ),
    },
  };
}

const agencyValue = (base: LimitValue, v: number | null): LimitValue =>
  v === null ? base : { value: v, source: "agency setting", origin: "agency", unverified: false };

/** The limits in force for an agency's zone. */
export function effectiveLimits(base: EffectiveLimits, o: LimitOverride = EMPTY_OVERRIDE): EffectiveLimits {
  return {
    zone: base.zone,
    temperatureC: {
      min: agencyValue(base.temperatureC.min, o.temperatureMin),
      max: agencyValue(base.temperatureC.max, o.temperatureMax),
    },
    humidityPct: {
      min: agencyValue(base.humidityPct.min, o.humidityMin),
      max: agencyValue(base.humidityPct.max, o.humidityMax),
    },
    maxLux: agencyValue(base.maxLux, o.maxLux),
    swing: {
      temperatureC: agencyValue(base.swing.temperatureC, o.swingTemperatureC),
      humidityPct: agencyValue(base.swing.humidityPct, o.swingHumidityPct),
    },
  };
}

/** D-9.4 / D-9.5: an agency may tighten the limits, never loosen them. */
export function assertStricterLimits(base: EffectiveLimits, o: LimitOverride): void {
  const looser: string[] = [];
  const check = (field: keyof LimitOverride, bad: (v: number) => boolean) => {
    const v = o[field];
    if (v !== null && bad(v)) looser.push(field);
  };
  check("temperatureMin", (v) => v < base.temperatureC.min.value);
  check("temperatureMax", (v) => v > base.temperatureC.max.value);
  check("humidityMin", (v) => v < base.humidityPct.min.value);
  check("humidityMax", (v) => v > base.humidityPct.max.value);
  check("swingTemperatureC", (v) => v > base.swing.temperatureC.value);
  check("swingHumidityPct", (v) => v > base.swing.humidityPct.value);
  const luxLooser = o.maxLux !== null && o.maxLux > base.maxLux.value;
  if (looser.length > 0 || luxLooser) {
    const onlyLux = looser.length === 0;
    throw new DomainError({
      code: "LIMITS_LOOSER_THAN_STANDARD",
      status: 422,
      clause: onlyLux ? "D-9.5" : "D-9.4",
      message: {
        zh: "机构可设定更严格的库房环境限值，但不得宽于标准规定",
        en: "An agency may set stricter vault environment limits, never looser than the standard",
      },
      details: { zone: base.zone, fields: luxLooser ? [...looser, "maxLux"] : looser },
    });
  }
  const e = effectiveLimits(base, o);
  if (
    e.temperatureC.min.value >= e.temperatureC.max.value ||
    e.humidityPct.min.value >= e.humidityPct.max.value
  )
    throw new DomainError({
      code: "LIMITS_EMPTY_RANGE",
      status: 422,
      clause: "D-9.4",
      message: { zh: "下限须低于上限", en: "The lower limit must be below the upper limit" },
      details: { zone: base.zone },
    });
}

/** The plain figures the excursion checks (environment.ts) take. */
export function limitFigures(e: EffectiveLimits) {
  return {
    zone: {
      temperatureC: { min: e.temperatureC.min.value, max: e.temperatureC.max.value },
      humidityPct: { min: e.humidityPct.min.value, max: e.humidityPct.max.value },
      source: "",
      status: "T" as SourceStatus,
    },
    maxLux: e.maxLux.value,
    swing: { temperatureC: e.swing.temperatureC.value, humidityPct: e.swing.humidityPct.value },
  };
}
