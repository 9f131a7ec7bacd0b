// D-9.4, D-9.5: temperature, humidity and illuminance limits per carrier zone.
// Figures from spec/standards.md; `status` says how sure we are, and every
// value is overridable in configuration (UNVERIFIED ones must be shown as such).

export const CARRIER_ZONES = [
  "paper",
  "special_collection",
  "audiovisual_tape",
  "copy_film",
  "master_film",
  "optical_disc",
  "electronic",
  "photo",
] as const;
export type CarrierZone = (typeof CARRIER_ZONES)[number];

export type SourceStatus = "T" | "S" | "UNVERIFIED";

export interface Range {
  min: number;
  max: number;
}

export interface ZoneLimits {
  temperatureC: Range;
  humidityPct: Range;
  source: string;
  status: SourceStatus;
}

export const DEFAULT_ZONE_LIMITS: Record<CarrierZone, ZoneLimits> = {
  paper: {
    temperatureC: { min: 14, max: 24 },
    humidityPct: { min: 45, max: 60 },
    source: "JGJ 25-2010 表5.2.1; D-9.4",
    status: "T",
  },
  special_collection: {
    temperatureC: { min: 14, max: 20 },
    humidityPct: { min: 45, max: 55 },
    source: "JGJ 25-2010 表5.2.2",
    status: "S",
  },
  audiovisual_tape: {
    temperatureC: { min: 14, max: 24 },
    humidityPct: { min: 40, max: 60 },
    source: "JGJ 25-2010 表5.2.2",
    status: "S",
  },
  copy_film: {
    temperatureC: { min: 14, max: 24 },
    humidityPct: { min: 40, max: 60 },
    source: "JGJ 25-2010 表5.2.2",
    status: "S",
  },
  master_film: {
    temperatureC: { min: 13, max: 15 },
    humidityPct: { min: 35, max: 45 },
    source: "JGJ 25-2010 表5.2.2; 1987 rule Art. 8",
    status: "S",
  },
  optical_disc: {
    temperatureC: { min: 4, max: 20 },
    humidityPct: { min: 20, max: 50 },
    source: "standards.md §6.3 (probably DA/T 38)",
    status: "S",
  },
  electronic: {
    temperatureC: { min: 17, max: 20 },
    humidityPct: { min: 35, max: 45 },
    source: "GB/T 18894-2002 (second-hand)",
    status: "UNVERIFIED",
  },
  photo: {
    temperatureC: { min: 14, max: 25 },
    humidityPct: { min: 20, max: 50 },
    source: "GB/T 11821-2002 medium-term (second-hand)",
    status: "S",
  },
};

/** JGJ 25-2010 5.2.3: the 24-hour swing, as half the range, must stay within ±2 °C and ±5 % RH. */
export const DEFAULT_SWING = {
  temperatureC: 2,
  humidityPct: 5,
  source: "JGJ 25-2010 5.2.3",
  status: "T" as SourceStatus,
};

/** Illuminance of stacks (lx). JGJ 25-2010 §7.3 was not found: the default is UNVERIFIED. */
export const DEFAULT_MAX_LUX = {
  value: 50,
  source: "JGJ 25-2010 §7.3 (not retrieved)",
  status: "UNVERIFIED" as SourceStatus,
};

export interface Reading {
  at: Date;
  temperatureC?: number | null | undefined;
  humidityPct?: number | null | undefined;
  lux?: number | null | undefined;
}

export type ExcursionKind =
  | "temperature_low"
  | "temperature_high"
  | "humidity_low"
  | "humidity_high"
  | "lux_high"
  | "temperature_swing"
  | "humidity_swing";

export interface Excursion {
  kind: ExcursionKind;
  clause: "D-9.4" | "D-9.5";
  value: number;
  limit: number;
}

/** Excursions of one reading against its zone's limits. */
export function readingExcursions(r: Reading, limits: ZoneLimits, maxLux: number): Excursion[] {
  const out: Excursion[] = [];
  const t = r.temperatureC;
  const h = r.humidityPct;
  if (t != null && t < limits.temperatureC.min)
    out.push({ kind: "temperature_low", clause: "D-9.4", value: t, limit: limits.temperatureC.min });
  if (t != null && t > limits.temperatureC.max)
    out.push({ kind: "temperature_high", clause: "D-9.4", value: t, limit: limits.temperatureC.max });
  if (h != null && h < limits.humidityPct.min)
    out.push({ kind: "humidity_low", clause: "D-9.4", value: h, limit: limits.humidityPct.min });
  if (h != null && h > limits.humidityPct.max)
    out.push({ kind: "humidity_high", clause: "D-9.4", value: h, limit: limits.humidityPct.max });
  if (r.lux != null && r.lux > maxLux)
    out.push({ kind: "lux_high", clause: "D-9.5", value: r.lux, limit: maxLux });
  return out;
}

/** 24-hour swing excursions from the extremes of the last day's readings. */
export function swingExcursions(
  extremes: { minT: number | null; maxT: number | null; minH: number | null; maxH: number | null },
  swing: { temperatureC: number; humidityPct: number } = DEFAULT_SWING,
): Excursion[] {
  const out: Excursion[] = [];
  if (extremes.minT != null && extremes.maxT != null) {
    const half = (extremes.maxT - extremes.minT) / 2;
    if (half > swing.temperatureC)
      out.push({ kind: "temperature_swing", clause: "D-9.4", value: round(half), limit: swing.temperatureC });
  }
  if (extremes.minH != null && extremes.maxH != null) {
    const half = (extremes.maxH - extremes.minH) / 2;
    if (half > swing.humidityPct)
      out.push({ kind: "humidity_swing", clause: "D-9.4", value: round(half), limit: swing.humidityPct });
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;
