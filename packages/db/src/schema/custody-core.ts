// Custody core tables (migration 0002), camelCased for Kysely.
import type { Generated, Selectable } from "kysely";
import type { CreatedAt, Defaulted, Numeric, Timestamp } from "./columns.ts";

export interface SiteTable {
  id: Generated<string>;
  agencyOrgId: string;
  name: string;
  address: string | null;
  district: string | null;
  checklist: Defaulted<Record<string, boolean>>;
  /** D-9.3, added by 0003_facilities. */
  emergencyPlanAttachmentId: Defaulted<string | null>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface VaultTable {
  id: Generated<string>;
  agencyOrgId: string;
  siteId: string;
  code: string;
  name: string;
  floorAreaM2: Numeric | null;
  clearHeightM: Numeric | null;
  floorLoadKnM2: Numeric | null;
  shelvingType: Defaulted<"compact" | "fixed">;
  fireWallZoneH: Numeric | null;
  fireWallRoomH: Numeric | null;
  fireWallInnerH: Numeric | null;
  mainAisleM: Numeric | null;
  rowSpacingM: Numeric | null;
  endClearanceM: Numeric | null;
  backClearanceM: Numeric | null;
  keeperUserId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface LocationTable {
  id: Generated<string>;
  vaultId: string;
  code: string;
  rowNo: number;
  columnNo: number;
  sectionNo: number;
  shelfNo: number;
  zone: Defaulted<string>;
  capacity: Defaulted<number>;
  createdAt: CreatedAt;
}

export interface HandoverCatalogueTable {
  id: Generated<string>;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  title: string;
  level: "item" | "box";
  status: Defaulted<"draft" | "confirmed" | "superseded">;
  sourceName: string | null;
  rowCount: Defaulted<number>;
  digest: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  /** Added by 0004_catalogues: totals over the rows, and when both parties confirmed (D-8.2). */
  quantityTotal: Defaulted<number>;
  pagesTotal: Defaulted<number>;
  confirmedAt: Date | null;
}

export interface CatalogueItemTable {
  id: Generated<string>;
  catalogueId: string;
  projectId: string;
  clientOrgId: string;
  rowNo: number;
  referenceCode: string | null;
  title: string | null;
  boxNo: string | null;
  quantity: number | null;
  pages: number | null;
  year: number | null;
  retentionPeriod: string | null;
  category: string | null;
  carrier: Defaulted<string>;
  classification: string | null;
  createdAt: CreatedAt;
  /** Search bigrams of the title (migration 0011): written by the import, else filled by a trigger. */
  titleBigrams: string[] | null;
  /** The title's search text when it differs from the title (migration 0022); written with the bigrams. */
  titleSearch: string | null;
}

export type BoxStatus =
  | "packing"
  | "sealed"
  | "in_transit"
  | "received"
  | "shelved"
  | "checked_out"
  | "treatment"
  | "returned_to_client";

export interface BoxTable {
  id: Generated<string>;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  boxNo: string;
  barcode: string;
  kind: "transfer" | "storage";
  carrier: Defaulted<string>;
  category: string | null;
  status: Defaulted<BoxStatus>;
  sealNumber: string | null;
  sealedAt: Date | null;
  condition: string | null;
  locationId: string | null;
  homeLocationId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface BoxItemTable {
  boxId: string;
  itemId: string;
}

export type MovementKind = "intake" | "shelve" | "checkout" | "return" | "relocate" | "release";

export interface BoxMovementTable {
  id: Generated<string>;
  boxId: string;
  kind: MovementKind;
  fromLocationId: string | null;
  toLocationId: string | null;
  at: Defaulted<Date>;
  byUserId: string | null;
  referenceType: string | null;
  referenceId: string | null;
  note: string | null;
}

export interface IncidentTable {
  id: Generated<string>;
  projectId: string | null;
  clientOrgId: string | null;
  agencyOrgId: string | null;
  kind:
    | "loss"
    | "damage"
    | "leak"
    | "security"
    | "anomaly"
    | "discrepancy"
    | "banned_item"
    | "environment"
    | "other";
  severity: Defaulted<"minor" | "major" | "critical">;
  source: "manual" | "system";
  sourceType: string | null;
  sourceId: string | null;
  clauseId: string | null;
  title: string;
  description: string | null;
  status: Defaulted<"open" | "investigating" | "closed">;
  openedBy: string | null;
  openedAt: Defaulted<Date>;
  closedBy: string | null;
  closedAt: Date | null;
  resolution: string | null;
  /** G-7 accountability (migration 0013). */
  responsibleParties: Defaulted<string[]>;
  responsiblePeople: string | null;
  investigation: string | null;
  measures: string | null;
}

export interface CustodyCoreTables {
  site: SiteTable;
  vault: VaultTable;
  location: LocationTable;
  handoverCatalogue: HandoverCatalogueTable;
  catalogueItem: CatalogueItemTable;
  box: BoxTable;
  boxItem: BoxItemTable;
  boxMovement: BoxMovementTable;
  incident: IncidentTable;
}

export type Vault = Selectable<VaultTable>;
export type Location = Selectable<LocationTable>;
export type Box = Selectable<BoxTable>;
export type Incident = Selectable<IncidentTable>;
