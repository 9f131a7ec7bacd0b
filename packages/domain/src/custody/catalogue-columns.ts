// D-8.3: the columns of a handover catalogue and the header names a client's
// spreadsheet may use for them (Chinese or English). Headers are compared after
// NFKC (full-width → half-width), lower case, without spaces, "*", "_", "-"
// and a trailing unit in brackets, so "档 号*", "件数（件）" and "Box_No" match.

export const CATALOGUE_COLUMNS = [
  "referenceCode",
  "title",
  "boxNo",
  "quantity",
  "pages",
  "year",
  "retentionPeriod",
  "category",
  "carrier",
  "classification",
] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

/** Item (卷/件) level lists each volume or item; box level lists boxes with counts (D-8.3). */
export const CATALOGUE_LEVELS = ["item", "box"] as const;
export type CatalogueLevel = (typeof CATALOGUE_LEVELS)[number];

export const COLUMN_LABELS: Record<CatalogueColumn, { zh: string; en: string }> = {
  referenceCode: { zh: "档号", en: "reference code" },
  title: { zh: "题名", en: "title" },
  boxNo: { zh: "盒号", en: "box no." },
  quantity: { zh: "件数", en: "quantity" },
  pages: { zh: "页数", en: "pages" },
  year: { zh: "年度", en: "year" },
  retentionPeriod: { zh: "保管期限", en: "retention period" },
  category: { zh: "门类", en: "category" },
  carrier: { zh: "载体", en: "carrier" },
  classification: { zh: "密级", en: "classification" },
};

const ALIASES: Record<CatalogueColumn, string[]> = {
  referenceCode: ["档号", "档案号", "referencecode", "refcode", "reference", "ref"],
  title: ["题名", "案卷题名", "文件题名", "卷内文件题名", "标题", "title"],
  boxNo: ["盒号", "箱号", "档案盒号", "档案箱号", "box", "boxno", "boxnumber"],
  quantity: ["件数", "数量", "卷数", "份数", "quantity", "qty", "count", "items"],
  pages: ["页数", "pages", "pagecount"],
  year: ["年度", "年份", "year"],
  retentionPeriod: ["保管期限", "期限", "retention", "retentionperiod"],
  category: ["门类", "门类代码", "类别", "category"],
  carrier: ["载体", "载体类型", "载体形式", "carrier"],
  classification: ["密级", "保密等级", "classification", "securityclassification"],
};

/** Columns every catalogue has but that are not imported: no warning for these. */
const SILENT = new Set(["序号", "no", "seq", "#"]);

const BY_ALIAS = new Map<string, CatalogueColumn>(
  CATALOGUE_COLUMNS.flatMap((c) => ALIASES[c].map((a) => [a, c] as const)),
);

export function normaliseHeader(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\(.*\)$/, "")
    .replace(/[\s*_.\-:：]/g, "");
}

/** Header texts are cut to this many characters; at most MAX_LISTED are listed per column or as ignored. */
export const MAX_HEADER_LENGTH = 100;
const MAX_LISTED = 20;
const shortHeader = (raw: string) => {
  const t = raw.trim();
  return t.length > MAX_HEADER_LENGTH ? `${t.slice(0, MAX_HEADER_LENGTH)}…` : t;
};

export const REQUIRED_COLUMNS: Record<CatalogueLevel, CatalogueColumn[]> = {
  item: ["referenceCode", "title"],
  box: ["boxNo", "quantity"],
};

export interface HeaderMap {
  level: CatalogueLevel;
  /** For each file column: the catalogue column it feeds, or null (not imported). */
  columns: (CatalogueColumn | null)[];
  /** The header text of each catalogue column as the file spells it. */
  headerOf: Partial<Record<CatalogueColumn, string>>;
  /** Headers not recognised: reported, not imported. */
  ignored: string[];
  missing: CatalogueColumn[];
  /** A catalogue column named by more than one file column. */
  duplicated: { column: CatalogueColumn; headers: string[] }[];
}

/** Maps a header row; the level is the one asked for, else item when a reference code column exists. */
export function mapHeaders(headers: readonly string[], level?: CatalogueLevel): HeaderMap {
  const columns: (CatalogueColumn | null)[] = [];
  const headerOf: Partial<Record<CatalogueColumn, string>> = {};
  const seen = new Map<CatalogueColumn, string[]>();
  const ignored: string[] = [];
  for (const raw of headers) {
    const key = normaliseHeader(raw.trim());
    // A header's text goes into every problem of its column: kept short, so that a
    // hostile header cell cannot multiply into gigabytes of report.
    const text = shortHeader(raw);
    const column = BY_ALIAS.get(key) ?? null;
    columns.push(column);
    if (column) {
      const named = seen.get(column) ?? [];
      if (named.length < MAX_LISTED) named.push(text);
      seen.set(column, named);
      headerOf[column] ??= text;
    } else if (key && !SILENT.has(key) && ignored.length < MAX_LISTED) ignored.push(text);
  }
  const resolved: CatalogueLevel =
    level ?? (seen.has("referenceCode") || !seen.has("boxNo") ? "item" : "box");
  return {
    level: resolved,
    columns,
    headerOf,
    ignored,
    missing: REQUIRED_COLUMNS[resolved].filter((c) => !seen.has(c)),
    duplicated: [...seen].filter(([, h]) => h.length > 1).map(([column, h]) => ({ column, headers: h })),
  };
}
