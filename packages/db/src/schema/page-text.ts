// Full text of digitized pages (migration 0019, Z-7.4, D-10.1): the OCR job of
// a QC delivery and the text, lines and bigrams of each page.
import type { ColumnType, Generated } from "kysely";
import type { Defaulted, Numeric } from "./columns.ts";

export interface PageTextJobTable {
  id: Generated<string>;
  deliveryId: string;
  projectId: string;
  status: Defaulted<"queued" | "running" | "done" | "failed">;
  totalPages: Defaulted<number>;
  processedPages: Defaulted<number>;
  failedPages: Defaulted<number>;
  engine: string | null;
  engineVersion: string | null;
  error: { code: string; message: { zh: string; en: string } } | null;
  requestedBy: string | null;
  createdAt: Defaulted<Date>;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
}

/** One OCR line: its text and axis-aligned bounds in pixels of the decoded image. */
export interface PageTextLine {
  text: string;
  confidence: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageTextTable {
  id: Generated<string>;
  deliveryId: string;
  fileId: string;
  projectId: string;
  clientOrgId: string;
  volumeId: string | null;
  referenceCode: string | null;
  seq: number | null;
  text: string;
  /** Filled by the trigger (catalogue_search_bigrams) when written NULL. */
  textBigrams: ColumnType<string[], string[] | null | undefined, string[] | null>;
  lines: PageTextLine[];
  imageWidth: number;
  imageHeight: number;
  meanConfidence: Numeric | null;
  engine: string;
  engineVersion: string;
  readMs: number | null;
  createdAt: Defaulted<Date>;
}

export interface PageTextTables {
  pageTextJob: PageTextJobTable;
  pageText: PageTextTable;
}
