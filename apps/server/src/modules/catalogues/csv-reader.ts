// A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks
// inside quotes, CRLF or LF). Yields one record at a time with its record
// number, which is the row number a spreadsheet shows for it.
import { cellTooLarge, MAX_CELL_CHARS, MAX_COLUMNS, tooWide } from "./source-limits.ts";

const QUOTE = 34;
const CR = 13;
const LF = 10;

export interface CsvRecord {
  cells: string[];
  row: number;
}

class CsvParser {
  private row: string[] = [];
  private field = "";
  private inQuotes = false;
  private quoteClosed = false;
  private atFieldStart = true;
  private skipLf = false;
  records = 0;
  /** Characters in the row so far: a row, like a cell, may hold at most MAX_CELL_CHARS. */
  private rowChars = 0;

  constructor(private readonly delimiter: number) {}

  push(chunk: string, out: CsvRecord[]): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += chunk.slice(start, i);
          this.inQuotes = false;
          this.quoteClosed = true;
          start = i + 1;
        }
        continue;
      }
      if (this.quoteClosed) {
        this.quoteClosed = false;
        if (c === QUOTE) {
          this.field += '"';
          this.inQuotes = true;
          start = i + 1;
          continue;
        }
      }
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (c === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
        start = i + 1;
        continue;
      }
      this.atFieldStart = false;
      if (c === this.delimiter) {
        if (this.row.length >= MAX_COLUMNS) throw tooWide(this.records + 1);
        this.row.push(this.field + chunk.slice(start, i));
        this.rowChars += this.row.at(-1)!.length;
        if (this.rowChars > MAX_CELL_CHARS) throw cellTooLarge(this.records + 1);
        this.field = "";
        this.atFieldStart = true;
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.row.push(this.field + chunk.slice(start, i));
        this.field = "";
        this.atFieldStart = true;
        this.skipLf = c === CR;
        out.push({ cells: this.row, row: ++this.records });
        this.row = [];
        this.rowChars = 0;
        start = i + 1;
      }
    }
    this.field += chunk.slice(start);
    // A hostile file (one gigantic cell, or a "row" of only delimiters) is refused by its row.
    if (this.field.length > MAX_CELL_CHARS) throw cellTooLarge(this.records + 1);
  }

  end(out: CsvRecord[]): void {
    if (this.row.length || this.field || !this.atFieldStart) {
      this.row.push(this.field);
      out.push({ cells: this.row, row: ++this.records });
    }
    this.row = [];
    this.field = "";
  }
}

/** Comma unless the first line has more tabs or semicolons outside quotes. */
function sniffDelimiter(text: string): number {
  const nl = text.search(/[\r\n]/);
  const line = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, "");
  const count = (ch: string) => line.split(ch).length - 1;
  const [comma, tab, semi] = [count(","), count("\t"), count(";")];
  if (tab > comma && tab >= semi) return 9;
  if (semi > comma) return 59;
  return 44;
}

export async function* readCsv(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let parser: CsvParser | null = null;
  const out: CsvRecord[] = [];
  for await (const chunk of text) {
    parser ??= new CsvParser(sniffDelimiter(chunk));
    parser.push(chunk, out);
    yield* out;
    out.length = 0;
  }
  parser?.end(out);
  yield* out;
}
