// The vault environment API (D-9.4, D-9.5): overview, a vault's page, chart
// series, sensors, CSV readings, limits and alerts — typed for these pages.
import { ApiError, api, buildUrl, getCsrfToken, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

export type Zone =
  | "paper"
  | "special_collection"
  | "audiovisual_tape"
  | "copy_film"
  | "master_film"
  | "optical_disc"
  | "electronic"
  | "photo";
export type AlertKind =
  | "temperature_low"
  | "temperature_high"
  | "humidity_low"
  | "humidity_high"
  | "lux_high"
  | "temperature_swing"
  | "humidity_swing";
export type Range = "24h" | "7d" | "30d";

export interface LimitValue {
  value: number;
  source: string;
  origin: "standard" | "installation" | "agency";
  unverified: boolean;
}
export interface Limits {
  zone: Zone;
  temperatureC: { min: LimitValue; max: LimitValue };
  humidityPct: { min: LimitValue; max: LimitValue };
  maxLux: LimitValue;
  swing: { temperatureC: LimitValue; humidityPct: LimitValue };
}
export interface LimitOverride {
  temperatureMin: number | null;
  temperatureMax: number | null;
  humidityMin: number | null;
  humidityMax: number | null;
  maxLux: number | null;
  swingTemperatureC: number | null;
  swingHumidityPct: number | null;
}

interface Latest {
  latestAt: string | null;
  latestTemperatureC: number | null;
  latestHumidityPct: number | null;
  latestLux: number | null;
}
export interface VaultRow extends Latest {
  id: string;
  code: string;
  name: string;
  agencyOrgId: string;
  agencyName: string;
  siteName: string;
  sensorCount: number;
  openAlerts: number;
}
export interface Sensor extends Latest {
  id: string;
  code: string;
  name: string;
  zone: Zone | null;
  effectiveZone: Zone;
  active: boolean;
  tokenPrefix: string;
  refusedCount: number;
  lastRefusal: string | null;
  lastRefusedAt: string | null;
}
export interface VaultEnvironment {
  vault: {
    id: string;
    code: string;
    name: string;
    agencyOrgId: string;
    agencyName: string;
    siteName: string;
    dominantZone: Zone;
  };
  permissions: {
    manageSensors: boolean;
    importReadings: boolean;
    acknowledgeAlerts: boolean;
    setLimits: boolean;
    readEntries: boolean;
    recordEntry: boolean;
  };
  zones: { zone: Zone; limits: Limits }[];
  sensors: Sensor[];
  openAlerts: number;
}
export interface Point {
  t: string;
  tMin: number | null;
  tAvg: number | null;
  tMax: number | null;
  hMin: number | null;
  hAvg: number | null;
  hMax: number | null;
  lAvg: number | null;
  lMax: number | null;
}
export interface Series {
  range: Range;
  bucketSeconds: number;
  from: string;
  to: string;
  series: {
    sensor: { id: string; code: string; name: string };
    zone: Zone;
    limits: Limits;
    points: Point[];
  }[];
}
export interface Alert {
  id: string;
  vaultId: string;
  agencyOrgId: string;
  vaultCode: string;
  vaultName: string;
  agencyName: string;
  kind: AlertKind;
  clauseId: string;
  zone: Zone;
  sensorCode: string | null;
  status: "open" | "acknowledged";
  firstAt: string;
  lastAt: string;
  occurrences: number;
  limitValue: number;
  lastValue: number;
  worstValue: number;
  acknowledgedByName: string | null;
  acknowledgedAt: string | null;
  acknowledgementNote: string | null;
}
export interface ImportProblem {
  row: number;
  column: string | null;
  value?: string;
  message: { zh: string; en: string };
}

const V = (id: string) => `/api/environment/vaults/${id}`;

export const environmentApi = {
  vaults: (q: Query, signal?: AbortSignal) => api.get<Page<VaultRow>>("/api/environment/vaults", q, signal),
  vault: (id: string) => api.get<VaultEnvironment>(V(id)),
  series: (id: string, range: Range, sensorId?: string) =>
    api.get<Series>(`${V(id)}/series`, { range, sensorId }),
  addSensor: (id: string, body: { code: string; name: string; zone?: Zone | null }) =>
    api.post<{ sensor: Sensor; secret: string; token: string }>(`${V(id)}/sensors`, body),
  updateSensor: (id: string, body: { name?: string; zone?: Zone | null; active?: boolean }) =>
    api.patch<Sensor>(`/api/environment/sensors/${id}`, body),
  rotate: (id: string) =>
    api.post<{ code: string; secret: string; token: string }>(`/api/environment/sensors/${id}/credentials`),
  limits: (agencyId: string) =>
    api.get<{
      agencyOrgId: string;
      mayEdit: boolean;
      zones: { zone: Zone; base: Limits; override: LimitOverride; effective: Limits }[];
    }>(`/api/environment/agencies/${agencyId}/limits`),
  setLimits: (agencyId: string, zone: Zone, body: LimitOverride) =>
    api.put<Limits>(`/api/environment/agencies/${agencyId}/limits/${zone}`, body),
  alerts: (q: Query, signal?: AbortSignal) => api.get<Page<Alert>>("/api/environment/alerts", q, signal),
  alertsExportUrl: (q: Query) => buildUrl("/api/environment/alerts/export.xlsx", q),
  acknowledge: (id: string, note: string) =>
    api.post<{ status: "acknowledged" }>(`/api/environment/alerts/${id}/acknowledge`, { note }),

  /** Multipart upload; a refused file answers 422 with its problems by row and column. */
  async importCsv(vaultId: string, file: File): Promise<{ imported: number; alertsOpened: number }> {
    const form = new FormData();
    form.append("file", file);
    const res = await fetch(`${V(vaultId)}/readings/import`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { "x-csrf-token": getCsrfToken() ?? "" },
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, body);
    return body;
  },
};
