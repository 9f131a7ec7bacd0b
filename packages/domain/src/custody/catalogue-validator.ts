// A whole catalogue file, row by row: the header, every row's checks and the
// duplicates within the file (both rows reported). Streaming: rows are seen once
// and only their keys are remembered. Duplicates against what the project
// already holds are looked up by the importer and reported through `held`.
import {
  type CatalogueColumn,
  type CatalogueLevel,
  type HeaderMap,
  mapHeaders,
} from "./catalogue-columns.ts";
import {
  type CatalogueProblem,
  cellProblem,
  DUPLICATE_COLUMN,
  MISSING_COLUMN,
  NO_HEADER,
  NO_ROWS,
  ownString,
  ProblemList,
} from "./catalogue-problems.ts";
import {
  type CatalogueRow,
  normaliseBoxNo,
  type RawRow,
  type RowContext,
  referenceCodeOf,
  validateCatalogueRow,
} from "./catalogue-row.ts";

export class CatalogueValidator {
  readonly problems: ProblemList;
  header: HeaderMap | null = null;
  /** Header texts not recognised: reported as warnings, not imported. */
  ignored: string[] = [];
  rows = 0;
  /** Reference code (box number at box level) → first file row that used it. */
  private readonly firstRow = new Map<string, number>();
  private readonly reportedFirst = new Set<number>();
  private context: RowContext | null = null;
  private readonly report = (p: CatalogueProblem) => this.problems.add(p);

  constructor(
    private readonly opts: { level?: CatalogueLevel | undefined; currentYear: number; cap?: number },
  ) {
    this.problems = new ProblemList(opts.cap);
  }

  /** The header row; false when it cannot be used (problems reported, no rows are read). */
  acceptHeader(cells: readonly string[]): boolean {
    if (cells.every((c) => !c.trim())) {
      this.problems.add(NO_HEADER);
      return false;
    }
    const h = mapHeaders(cells, this.opts.level);
    this.ignored = h.ignored.map(ownString);
    for (const c of h.missing) this.problems.add(MISSING_COLUMN(c));
    for (const d of h.duplicated) this.problems.add(DUPLICATE_COLUMN(d.column, d.headers));
    if (h.missing.length || h.duplicated.length) return false;
    this.header = h;
    this.context = { ...h, currentYear: this.opts.currentYear };
    return true;
  }

  /** One data row; null when it has problems or is blank (blank rows are skipped). */
  acceptRow(cells: readonly string[], fileRow: number): CatalogueRow | null {
    const h = this.header;
    if (!h || cells.every((c) => !c?.trim())) return null;
    this.rows++;
    const raw: RawRow = {};
    for (let i = 0; i < h.columns.length; i++) {
      const c = h.columns[i];
      if (c && cells[i] !== undefined) raw[c] = cells[i];
    }
    const row = validateCatalogueRow(raw, fileRow, this.context!, this.report);
    const key = this.keyOf(raw, row);
    if (key) this.checkDuplicate(key.value, key.column, fileRow);
    return row;
  }

  /** The importer found this row's reference code already held in the project. */
  held(fileRow: number, referenceCode: string): void {
    this.problems.add(
      cellProblem(
        fileRow,
        "referenceCode",
        this.header?.headerOf.referenceCode ?? null,
        "duplicate_held",
        { zh: "该档号已登记在本项目的交接目录中", en: "this reference code is already held in the project" },
        { value: referenceCode, clause: "D-8.3" },
      ),
    );
  }

  /** Each reference code of the file with the first row that has it (for the look-up against held codes). */
  *codes(): Generator<[code: string, row: number]> {
    for (const [key, row] of this.firstRow) if (!key.startsWith("box:")) yield [key, row];
  }

  /** Call after the last row. */
  finish(): void {
    if (this.header && this.rows === 0) this.problems.add(NO_ROWS);
  }

  get ok(): boolean {
    return this.problems.total === 0;
  }

  get level(): CatalogueLevel {
    return this.header?.level ?? this.opts.level ?? "item";
  }

  /** Rows with other problems are still checked for duplicates, so every problem is listed at once. */
  private keyOf(raw: RawRow, row: CatalogueRow | null): { value: string; column: CatalogueColumn } | null {
    const code = row ? row.referenceCode : referenceCodeOf(raw.referenceCode?.trim() ?? "");
    if (code) return { value: code, column: "referenceCode" };
    const box = raw.boxNo?.trim();
    if (this.level === "box" && box) return { value: `box:${normaliseBoxNo(box)}`, column: "boxNo" };
    return null;
  }

  private checkDuplicate(key: string, column: CatalogueColumn, fileRow: number): void {
    const first = this.firstRow.get(key);
    if (first === undefined) {
      this.firstRow.set(ownString(key), fileRow);
      return;
    }
    const header = this.header?.headerOf[column] ?? null;
    const value = key.replace(/^box:/, "");
    if (!this.reportedFirst.has(first)) {
      this.reportedFirst.add(first);
      this.problems.add(
        cellProblem(
          first,
          column,
          header,
          "duplicate_in_file",
          { zh: `与第${fileRow}行重复`, en: `repeated in row ${fileRow}` },
          { value, clause: "D-8.3" },
        ),
      );
    }
    this.problems.add(
      cellProblem(
        fileRow,
        column,
        header,
        "duplicate_in_file",
        { zh: `与第${first}行重复`, en: `repeats row ${first}` },
        { value, clause: "D-8.3" },
      ),
    );
  }
}
