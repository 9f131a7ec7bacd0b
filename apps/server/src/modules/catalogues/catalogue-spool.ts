// The validated rows, written to a scratch file in PostgreSQL's COPY text
// format while the catalogue is checked, so the write phase streams them
// straight into catalogue_item (COPY on a server; batched INSERTs embedded).
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { type CatalogueRow, titleSearchBigrams, titleSearchText } from "@dangan/domain";

export const ITEM_COLUMNS = [
  "catalogue_id",
  "project_id",
  "client_org_id",
  "row_no",
  "reference_code",
  "title",
  "box_no",
  "quantity",
  "pages",
  "year",
  "retention_period",
  "category",
  "carrier",
  "classification",
  // Computed here, not by the database, so a million-row import pays no per-row SQL (migrations 0011, 0022).
  "title_search",
  "title_bigrams",
] as const;

const escapeText = (v: string) =>
  /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : v;
const f = (v: string | number | null) =>
  v === null ? "\\N" : typeof v === "number" ? String(v) : escapeText(v);

/** Where validated rows go while a file is checked: a spool file, or COPY directly. */
export interface RowSink {
  add(seq: number, r: CatalogueRow): Promise<void>;
  close(): Promise<void>;
}

export interface RowIds {
  catalogueId: string;
  projectId: string;
  clientOrgId: string;
}

/** A title's search bigrams as a PostgreSQL array literal (every element quoted). */
export function bigramsLiteral(title: string | null): string | null {
  if (title === null) return null;
  const quoted = titleSearchBigrams(title).map((b) =>
    /["\\]/.test(b) ? `"${b.replace(/["\\]/g, (c) => `\\${c}`)}"` : `"${b}"`,
  );
  return `{${quoted.join(",")}}`;
}

/** One catalogue_item row as a line of COPY text (ITEM_COLUMNS order). */
export function copyLine(ids: RowIds): (seq: number, r: CatalogueRow) => string {
  const prefix = `${ids.catalogueId}\t${ids.projectId}\t${ids.clientOrgId}\t`;
  return (seq, r) =>
    `${prefix}${seq}\t${f(r.referenceCode)}\t${f(r.title)}\t${f(r.boxNo)}\t${f(r.quantity)}\t${f(r.pages)}\t${f(r.year)}\t${f(r.retentionPeriod)}\t${f(r.category)}\t${f(r.carrier)}\t${f(r.classification)}\t${f(r.title === null ? null : titleSearchText(r.title))}\t${f(bigramsLiteral(r.title))}\n`;
}

/** Lines buffered into ~256 KB writes, honouring the stream's backpressure. */
export class LineWriter implements RowSink {
  private buf = "";
  private readonly line: (seq: number, r: CatalogueRow) => string;

  constructor(
    private readonly out: Writable,
    ids: RowIds,
  ) {
    this.line = copyLine(ids);
  }

  async add(seq: number, r: CatalogueRow): Promise<void> {
    this.buf += this.line(seq, r);
    if (this.buf.length > 1 << 18) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
  }

  private async flush(): Promise<void> {
    if (!this.buf) return;
    const ok = this.out.write(this.buf);
    this.buf = "";
    if (!ok) await once(this.out, "drain");
  }
}

export class SpoolWriter extends LineWriter {
  constructor(path: string, ids: RowIds) {
    super(createWriteStream(path, { mode: 0o600 }), ids);
  }
}

const unescapeText = (v: string) =>
  v === "\\N"
    ? null
    : v.includes("\\")
      ? v.replace(/\\([\\tnr])/g, (_, c: string) =>
          c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : "\\",
        )
      : v;

/** The spooled rows, as column arrays per batch (for INSERT … SELECT FROM unnest). */
export async function* spoolBatches(path: string, size: number): AsyncGenerator<(string | null)[][]> {
  let columns: (string | null)[][] = ITEM_COLUMNS.map(() => []);
  let n = 0;
  for await (const line of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (!line) continue;
    const values = line.split("\t");
    for (let i = 0; i < values.length; i++) columns[i]!.push(unescapeText(values[i]!));
    if (++n === size) {
      yield columns;
      columns = ITEM_COLUMNS.map(() => []);
      n = 0;
    }
  }
  if (n) yield columns;
}
