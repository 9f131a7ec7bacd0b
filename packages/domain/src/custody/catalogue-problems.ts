// What an import reports: each problem by file row (as a spreadsheet numbers
// it; the header is row 1) and column, in Chinese and English, with the clause
// when one applies. Problems refuse the whole import (all or nothing).
import type { Message } from "../errors/domain-error.ts";
import { type CatalogueColumn, COLUMN_LABELS } from "./catalogue-columns.ts";

export type CatalogueProblemCode =
  | "no_header"
  | "no_rows"
  | "missing_column"
  | "duplicate_column"
  | "unreadable"
  | "required"
  | "too_long"
  | "reference_code"
  | "duplicate_in_file"
  | "duplicate_held"
  | "not_a_number"
  | "out_of_range"
  | "year_range"
  | "year_mismatch"
  | "category_mismatch"
  | "unknown_category"
  | "unknown_retention"
  | "unknown_carrier"
  | "classified"
  | "unknown_classification";

export interface CatalogueProblem {
  /** File row; 0 for the file as a whole. */
  row: number;
  column: CatalogueColumn | null;
  /** The column's header as the file spells it. */
  header: string | null;
  code: CatalogueProblemCode;
  clause?: string;
  /** The offending cell, cut to 100 characters. */
  value?: string;
  message: Message;
}

/** At most this many problems are kept; the total is counted beyond it. */
export const PROBLEM_LIST_CAP = 1000;

export class ProblemList {
  readonly items: CatalogueProblem[] = [];
  total = 0;
  classified = 0;
  constructor(readonly cap = PROBLEM_LIST_CAP) {}
  add(p: CatalogueProblem): void {
    this.total++;
    if (p.code === "classified" || p.code === "unknown_classification") this.classified++;
    if (this.items.length < this.cap) this.items.push(p);
  }
}

/**
 * A copy of `s` that holds no reference to the text it was cut from. V8 keeps
 * a substring as a view of its parent, so one kept cell would pin a whole
 * megabyte chunk of the file: kept keys and problem values are copied.
 */
export const ownString = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

export const cut = (v: string) => ownString(v.length > 100 ? `${v.slice(0, 100)}…` : v);

const col = (c: CatalogueColumn | null) => (c ? COLUMN_LABELS[c] : { zh: "", en: "" });

/** A problem in one cell: the message names the column in both languages. */
export function cellProblem(
  row: number,
  column: CatalogueColumn,
  header: string | null,
  code: CatalogueProblemCode,
  detail: Message,
  extra: { value?: string; clause?: string } = {},
): CatalogueProblem {
  const c = col(column);
  return {
    row,
    column,
    header,
    code,
    ...(extra.clause ? { clause: extra.clause } : {}),
    ...(extra.value !== undefined ? { value: cut(extra.value) } : {}),
    message: { zh: `第${row}行“${header ?? c.zh}”：${detail.zh}`, en: `Row ${row}, ${c.en}: ${detail.en}` },
  };
}

export function fileProblem(
  code: CatalogueProblemCode,
  message: Message,
  column: CatalogueColumn | null = null,
  header: string | null = null,
): CatalogueProblem {
  return { row: 0, column, header, code, message };
}

export const MISSING_COLUMN = (c: CatalogueColumn) =>
  fileProblem(
    "missing_column",
    {
      zh: `缺少必填列“${COLUMN_LABELS[c].zh}”`,
      en: `The required column "${COLUMN_LABELS[c].en}" is missing`,
    },
    c,
  );

export const DUPLICATE_COLUMN = (c: CatalogueColumn, headers: string[]) =>
  fileProblem(
    "duplicate_column",
    {
      zh: `多列对应“${COLUMN_LABELS[c].zh}”：${headers.join("、")}`,
      en: `Several columns map to "${COLUMN_LABELS[c].en}": ${headers.join(", ")}`,
    },
    c,
  );

export const NO_HEADER = fileProblem("no_header", {
  zh: "文件为空或没有表头行",
  en: "The file is empty or has no header row",
});

export const NO_ROWS = fileProblem("no_rows", {
  zh: "表头之后没有目录条目",
  en: "The file has no catalogue rows after the header",
});

export const UNREADABLE = (why: string) =>
  fileProblem("unreadable", {
    zh: `无法读取文件（${why}）`,
    en: `The file cannot be read (${why})`,
  });
