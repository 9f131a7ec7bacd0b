// Reading an import: the file once, every row checked (D-8.3, D-4.5), the
// normalised rows digested and handed to a sink — a spool file (embedded: nothing is written
// while the file is checked, so the one database session stays free) or COPY
// inside the import's transaction (server: checking and writing overlap).
// Once a problem is found no more rows go to the sink, but checking goes on so
// that every problem is reported.
import {
  CatalogueDigest,
  type CatalogueLevel,
  type CatalogueRow,
  CatalogueValidator,
  catalogueUnreadable,
} from "@dangan/domain";
import { openSource, type SourceFormat } from "./catalogue-source.ts";
import type { RowSink } from "./catalogue-spool.ts";
import type { CatalogueEncoding, TextEncodingName } from "./file-encoding.ts";
import type { SourceLimits } from "./source-limits.ts";

const tooManyRows = (max: number) =>
  catalogueUnreadable(`超过 ${max} 行，请分成几份目录导入 / more than ${max} rows; split the catalogue`);

export interface ValidateInput {
  path: string;
  format: SourceFormat;
  encoding: CatalogueEncoding;
  level: CatalogueLevel | undefined;
  currentYear: number;
  sink: RowSink;
  onRows(rowsRead: number): void;
  /** Bytes of the file read so far (progress against its size). */
  onBytes?(n: number): void;
  /** Throws to stop (the server is shutting down). */
  checkAborted(): void;
  /** Rows past this are refused; xlsx unpacking limits (catalogues config). */
  maxRows?: number;
  limits?: SourceLimits;
}

export interface ValidateResult {
  validator: CatalogueValidator;
  encoding: TextEncodingName | null;
  digest: string | null;
  rows: number;
  quantityTotal: number;
  pagesTotal: number;
}

export async function validateCatalogueFile(input: ValidateInput): Promise<ValidateResult> {
  const v = new CatalogueValidator({ level: input.level, currentYear: input.currentYear });
  const src = await openSource(input.path, input.format, input.encoding, input.onBytes, input.limits);
  const maxRows = input.maxRows ?? Number.POSITIVE_INFINITY;
  const sink = input.sink;
  let digest: CatalogueDigest | null = null;
  let quantityTotal = 0;
  let pagesTotal = 0;

  const accept = async (row: CatalogueRow) => {
    if (!v.ok || !digest) return; // refused anyway: stop writing, keep checking
    digest.add(row);
    quantityTotal += row.quantity ?? (v.level === "item" ? 1 : 0);
    pagesTotal += row.pages ?? 0;
    await sink.add(digest.count, row);
  };

  try {
    for (;;) {
      let next: IteratorResult<{ cells: string[]; row: number }>;
      try {
        next = await src.rows.next();
      } catch (error) {
        v.problems.add(catalogueUnreadable(readError(error, src.encoding)));
        break;
      }
      if (next.done) break;
      const { cells, row: fileRow } = next.value;
      if (!v.header) {
        if (cells.every((c) => !c.trim())) continue;
        if (!v.acceptHeader(cells)) break;
        digest = new CatalogueDigest(v.level);
        continue;
      }
      if (v.rows >= maxRows) {
        v.problems.add(tooManyRows(maxRows));
        break;
      }
      const row = v.acceptRow(cells, fileRow);
      if (row) await accept(row);
      if (v.rows % 2000 === 0) {
        input.onRows(v.rows);
        input.checkAborted();
      }
    }
    if (!v.header && v.problems.total === 0) v.acceptHeader([]);
    v.finish();
    input.onRows(v.rows);
  } finally {
    await src.rows.return(undefined).catch(() => {});
    await sink.close();
  }
  return {
    validator: v,
    encoding: src.encoding,
    digest: v.ok && digest ? digest.hex() : null,
    rows: digest?.count ?? 0,
    quantityTotal,
    pagesTotal,
  };
}

function readError(error: unknown, encoding: TextEncodingName | null): string {
  const code = (error as { code?: string }).code;
  if (code === "ERR_ENCODING_INVALID_ENCODED_DATA")
    return `不是有效的 ${encoding?.toUpperCase()} 文本 / not valid ${encoding?.toUpperCase()} text; choose another encoding`;
  return error instanceof Error ? error.message.slice(0, 200) : String(error);
}
