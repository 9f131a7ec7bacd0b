// Z-6.1: the client's list of volumes to digitize (档号, 题名, 件数, 页数), from
// an xlsx or csv file. The header mapping and reference-code parser are the
// custody catalogue's (D-8.3); problems are reported by row and column, and any
// problem refuses the whole list (all or nothing).
import { mapHeaders } from "../../custody/catalogue-columns.ts";
import type { CatalogueProblem } from "../../custody/catalogue-problems.ts";
import {
  normaliseReferenceCode,
  parseReferenceCode,
  REFERENCE_CODE_PROBLEMS,
} from "../../custody/reference-code.ts";

export interface VolumeRow {
  row: number;
  referenceCode: string;
  title: string;
  itemCount: number;
  expectedPages: number | null;
}

export type VolumeProblem = CatalogueProblem;

const MAX_TITLE = 500;

const cut = (v: string) => v.slice(0, 100);

/** Validates the header and every row; returns rows only when there is no problem. */
export function validateVolumeRows(
  header: readonly string[],
  rows: readonly { row: number; cells: readonly string[] }[],
  held: ReadonlySet<string> = new Set(),
): { rows: VolumeRow[]; problems: VolumeProblem[] } {
  const map = mapHeaders(header, "item");
  const problems: VolumeProblem[] = [];
  const missing = [...map.missing, ...(map.headerOf.quantity ? [] : (["quantity"] as const))];
  for (const column of missing)
    problems.push({
      row: 1,
      column,
      header: null,
      code: "missing_column",
      clause: "Z-6.1",
      message:
        column === "referenceCode"
          ? { zh: "缺少“档号”列", en: "The reference code column (档号) is missing" }
          : column === "title"
            ? { zh: "缺少“题名”列", en: "The title column (题名) is missing" }
            : { zh: "缺少“件数”列", en: "The item count column (件数) is missing" },
    });
  for (const d of map.duplicated)
    problems.push({
      row: 1,
      column: d.column,
      header: d.headers.join(", "),
      code: "duplicate_column",
      message: { zh: "同一列出现了多次", en: "The same column appears more than once" },
    });
  if (problems.length) return { rows: [], problems };
  if (rows.length === 0)
    return {
      rows: [],
      problems: [
        {
          row: 0,
          column: null,
          header: null,
          code: "no_rows",
          message: { zh: "文件中没有案卷", en: "The file lists no volumes" },
        },
      ],
    };
  const idx = (c: "referenceCode" | "title" | "quantity" | "pages") => map.columns.indexOf(c);
  const seen = new Map<string, number>();
  const out: VolumeRow[] = [];
  for (const r of rows) {
    const cell = (c: "referenceCode" | "title" | "quantity" | "pages") =>
      idx(c) >= 0 ? (r.cells[idx(c)] ?? "").trim() : "";
    if (r.cells.every((c) => !c.trim())) continue;
    const at = (column: "referenceCode" | "title" | "quantity" | "pages") => ({
      row: r.row,
      column,
      header: map.headerOf[column] ?? null,
    });
    const code = normaliseReferenceCode(cell("referenceCode"));
    const parsed = parseReferenceCode(code);
    if (!parsed.ok)
      problems.push({
        ...at("referenceCode"),
        code: parsed.problem === "empty" ? "required" : "reference_code",
        value: cut(cell("referenceCode")),
        message: REFERENCE_CODE_PROBLEMS[parsed.problem],
      });
    else if (seen.has(code))
      problems.push({
        ...at("referenceCode"),
        code: "duplicate_in_file",
        value: code,
        message: {
          zh: `档号与第 ${seen.get(code)} 行重复`,
          en: `Same reference code as row ${seen.get(code)}`,
        },
      });
    else if (held.has(code))
      problems.push({
        ...at("referenceCode"),
        code: "duplicate_held",
        value: code,
        message: { zh: "该档号已登记在本项目中", en: "This reference code is already registered" },
      });
    seen.set(code, seen.get(code) ?? r.row);
    const title = cell("title");
    if (!title)
      problems.push({ ...at("title"), code: "required", message: { zh: "题名为空", en: "title is empty" } });
    else if (title.length > MAX_TITLE)
      problems.push({
        ...at("title"),
        code: "too_long",
        value: cut(title),
        message: { zh: `题名超过 ${MAX_TITLE} 字`, en: `title is longer than ${MAX_TITLE} characters` },
      });
    const count = wholeNumber(cell("quantity"), true);
    if (typeof count === "string")
      problems.push({ ...at("quantity"), ...numberProblem(count), value: cut(cell("quantity")) });
    const pages = wholeNumber(cell("pages"), false);
    if (typeof pages === "string")
      problems.push({ ...at("pages"), ...numberProblem(pages), value: cut(cell("pages")) });
    if (parsed.ok && title && typeof count === "number" && typeof pages !== "string")
      out.push({ row: r.row, referenceCode: code, title, itemCount: count, expectedPages: pages });
  }
  if (out.length === 0 && problems.length === 0)
    problems.push({
      row: 0,
      column: null,
      header: null,
      code: "no_rows",
      message: { zh: "文件中没有案卷", en: "The file lists no volumes" },
    });
  return { rows: problems.length ? [] : out, problems };
}

function wholeNumber(raw: string, required: boolean): number | null | "required" | "nan" | "range" {
  if (!raw) return required ? "required" : null;
  const n = Number(raw.replace(/[,，]/g, ""));
  if (!Number.isFinite(n) || !Number.isInteger(n)) return "nan";
  return n < 0 || n > 1_000_000 ? "range" : n;
}

function numberProblem(p: "required" | "nan" | "range") {
  if (p === "required")
    return { code: "required" as const, message: { zh: "件数为空", en: "item count is empty" } };
  if (p === "nan")
    return { code: "not_a_number" as const, message: { zh: "应为整数", en: "must be a whole number" } };
  return {
    code: "out_of_range" as const,
    message: { zh: "数值超出范围（0 至 1000000）", en: "out of range (0 to 1,000,000)" },
  };
}
