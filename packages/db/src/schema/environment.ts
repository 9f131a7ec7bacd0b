// Vault environment and entry log tables (migration 0006), camelCased for Kysely.
import type { Generated, Selectable } from "kysely";
import type { CreatedAt, Defaulted, Numeric, Timestamp } from "./columns.ts";

export interface EnvironmentSensorTable {
  id: Generated<string>;
  vaultId: string;
  agencyOrgId: string;
  code: string;
  name: string;
  zone: string | null;
  secretEnc: string;
  tokenHash: string;
  tokenPrefix: string;
  active: Defaulted<boolean>;
  refusedCount: Defaulted<number>;
  lastRefusal: string | null;
  lastRefusedAt: Date | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type ReadingSource = "mqtt" | "http" | "csv";

export interface EnvironmentReadingTable {
  sensorId: string;
  vaultId: string;
  at: Date;
  temperatureC: number | null;
  humidityPct: number | null;
  lux: number | null;
  source: ReadingSource;
  receivedAt: Defaulted<Date>;
}

export interface EnvironmentHourlyTable {
  sensorId: string;
  vaultId: string;
  hour: Date;
  tN: Defaulted<number>;
  tMin: number | null;
  tMax: number | null;
  tSum: Defaulted<number>;
  hN: Defaulted<number>;
  hMin: number | null;
  hMax: number | null;
  hSum: Defaulted<number>;
  lN: Defaulted<number>;
  lMin: number | null;
  lMax: number | null;
  lSum: Defaulted<number>;
}

export interface EnvironmentLimitTable {
  agencyOrgId: string;
  zone: string;
  temperatureMin: Numeric | null;
  temperatureMax: Numeric | null;
  humidityMin: Numeric | null;
  humidityMax: Numeric | null;
  maxLux: Numeric | null;
  swingTemperatureC: Numeric | null;
  swingHumidityPct: Numeric | null;
  updatedBy: string | null;
  updatedAt: Timestamp;
}

export type AlertKind =
  | "temperature_low"
  | "temperature_high"
  | "humidity_low"
  | "humidity_high"
  | "lux_high"
  | "temperature_swing"
  | "humidity_swing";

export interface EnvironmentAlertTable {
  id: Generated<string>;
  vaultId: string;
  agencyOrgId: string;
  kind: AlertKind;
  clauseId: string;
  zone: string;
  sensorId: string | null;
  status: Defaulted<"open" | "acknowledged">;
  firstAt: Date;
  lastAt: Date;
  occurrences: Defaulted<number>;
  limitValue: number;
  lastValue: number;
  worstValue: number;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgementNote: string | null;
  createdAt: CreatedAt;
}

export interface VaultEntryTable {
  id: Generated<string>;
  vaultId: string;
  agencyOrgId: string;
  purpose: string;
  enteredAt: Date;
  exitedAt: Date | null;
  approvedBy: string | null;
  approvalNote: string | null;
  recordedBy: string | null;
  exitRecordedBy: string | null;
  exitNote: string | null;
  createdAt: CreatedAt;
}

export interface VaultEntryPersonTable {
  entryId: string;
  seq: number;
  kind: "staff" | "visitor";
  userId: string | null;
  name: string;
  organisation: string | null;
  idNumber: string | null;
  purpose: string | null;
}

export interface EnvironmentTables {
  environmentSensor: EnvironmentSensorTable;
  environmentReading: EnvironmentReadingTable;
  environmentHourly: EnvironmentHourlyTable;
  environmentLimit: EnvironmentLimitTable;
  environmentAlert: EnvironmentAlertTable;
  vaultEntry: VaultEntryTable;
  vaultEntryPerson: VaultEntryPersonTable;
}

export type EnvironmentSensor = Selectable<EnvironmentSensorTable>;
export type EnvironmentAlert = Selectable<EnvironmentAlertTable>;
export type VaultEntry = Selectable<VaultEntryTable>;
