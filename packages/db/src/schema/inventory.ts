// Inventory check tables (migration 0007, D-9.8), camelCased for Kysely.
import type { ColumnType, Generated, Selectable } from "kysely";
import type { CreatedAt, DateString, Defaulted, Timestamp } from "./columns.ts";

export type InventoryMethod = "full" | "sample" | "by_client";
export type InventoryResultKind = "present" | "missing" | "misplaced" | "unexpected";

export interface InventoryPlanTable {
  id: Generated<string>;
  agencyOrgId: string;
  vaultId: string;
  clientOrgId: string | null;
  title: string;
  method: InventoryMethod;
  periodMonths: number;
  nextDueOn: DateString;
  requirements: string | null;
  active: Defaulted<boolean>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface InventoryCheckTable {
  id: Generated<string>;
  planId: string;
  agencyOrgId: string;
  vaultId: string;
  clientOrgId: string | null;
  method: InventoryMethod;
  status: Defaulted<"in_progress" | "completed">;
  staffUserIds: string[];
  note: string | null;
  startedBy: string | null;
  startedAt: Defaulted<Date>;
  completedBy: string | null;
  completedAt: Date | null;
  summary: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
}

export interface InventoryShelfTable {
  checkId: string;
  locationId: string;
  openedAt: Defaulted<Date>;
  openedBy: string | null;
  closedAt: Date | null;
  closedBy: string | null;
}

export interface InventoryScanTable {
  id: Generated<string>;
  checkId: string;
  locationId: string;
  barcode: string;
  scannedBy: string | null;
  scannedAt: Defaulted<Date>;
}

export interface InventoryResultTable {
  id: Generated<string>;
  checkId: string;
  boxId: string | null;
  projectId: string | null;
  barcode: string;
  result: InventoryResultKind;
  expectedLocationId: string | null;
  foundLocationId: string | null;
  incidentId: string | null;
  reshelvedAt: Date | null;
  reshelvedBy: string | null;
}

export interface InventoryFindingTable {
  id: Generated<string>;
  checkId: string;
  boxId: string;
  kind: "pests" | "mould" | "other";
  note: string;
  incidentId: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface InventoryTables {
  inventoryPlan: InventoryPlanTable;
  inventoryCheck: InventoryCheckTable;
  inventoryShelf: InventoryShelfTable;
  inventoryScan: InventoryScanTable;
  inventoryResult: InventoryResultTable;
  inventoryFinding: InventoryFindingTable;
}

export type InventoryPlan = Selectable<InventoryPlanTable>;
export type InventoryCheck = Selectable<InventoryCheckTable>;
