// Handover catalogue imports (migration 0004_catalogues), camelCased for Kysely.
import type { Generated, Selectable } from "kysely";
import type { CreatedAt, Defaulted, Timestamp } from "./columns.ts";

export type CatalogueImportStatus = "queued" | "validating" | "writing" | "succeeded" | "refused" | "failed";

export interface CatalogueImportTable {
  id: Generated<string>;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  catalogueId: string | null;
  replacesCatalogueId: string | null;
  title: string;
  level: "item" | "box" | null;
  sourceName: string;
  sourceFormat: "csv" | "xlsx";
  encoding: Defaulted<string>;
  detectedEncoding: string | null;
  sizeBytes: Defaulted<number>;
  status: Defaulted<CatalogueImportStatus>;
  rowsRead: Defaulted<number>;
  rowsWritten: Defaulted<number>;
  problemCount: Defaulted<number>;
  classifiedCount: Defaulted<number>;
  /** The first 1,000 problems (CatalogueProblem from @dangan/domain). */
  problems: Defaulted<unknown[]>;
  warnings: Defaulted<unknown[]>;
  error: { code: string; message: { zh: string; en: string } } | null;
  createdBy: string | null;
  heartbeatAt: Timestamp | null;
  createdAt: CreatedAt;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
}

export interface CataloguesTables {
  catalogueImport: CatalogueImportTable;
}

export type CatalogueImport = Selectable<CatalogueImportTable>;
