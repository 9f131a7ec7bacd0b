// One row of a handover catalogue: normalised and checked (D-8.3), classified
// rows refused (D-4.5). Pure: the importer feeds cells and collects problems.
import type { Message } from "../errors/domain-error.ts";
import { type CatalogueColumn, type CatalogueLevel, REQUIRED_COLUMNS } from "./catalogue-columns.ts";
import { type CatalogueProblem, type CatalogueProblemCode, cellProblem } from "./catalogue-problems.ts";
import {
  classifyMarking,
  normaliseCarrier,
  normaliseCategory,
  normaliseRetention,
} from "./catalogue-values.ts";
import {
  normaliseReferenceCode,
  parseReferenceCode,
  REFERENCE_CODE_PROBLEMS,
  type ReferenceCode,
} from "./reference-code.ts";

export interface CatalogueRow {
  referenceCode: string | null;
  title: string | null;
  boxNo: string | null;
  quantity: number | null;
  pages: number | null;
  year: number | null;
  retentionPeriod: string | null;
  category: string | null;
  carrier: string;
  classification: string | null;
}

export type RawRow = Partial<Record<CatalogueColumn, string>>;

export interface RowContext {
  level: CatalogueLevel;
  headerOf: Partial<Record<CatalogueColumn, string>>;
  /** Years after this are refused (the catalogue lists existing archives). */
  currentYear: number;
}

export const MAX_LENGTH: Partial<Record<CatalogueColumn, number>> = {
  referenceCode: 100,
  title: 1000,
  boxNo: 50,
};
const LIMITED = Object.keys(MAX_LENGTH) as CatalogueColumn[];
const MAX_COUNT = 10_000_000;
export const MIN_YEAR = 1840;

/** Titles keep their text; runs of whitespace (incl. 全角空格 and line breaks) become one space. */
export const normaliseTitle = (raw: string) => raw.normalize("NFC").replace(/\s+/g, " ").trim();
export const normaliseBoxNo = (raw: string) => raw.normalize("NFKC").replace(/\s+/g, "");

/** Full-width digits and thousands separators accepted; a trailing 件/页/卷/盒/年 too. */
function integer(raw: string): number | null {
  if (/^\d{1,9}$/.test(raw)) return Number(raw);
  const v = raw
    .normalize("NFKC")
    .replace(/[\s,]/g, "")
    .replace(/(件|页|卷|盒|年|\.0+)$/, "");
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

/** Codes already in normal form (the usual case) skip the normaliser. */
export const referenceCodeOf = (raw: string): string | null =>
  !raw ? null : /^[0-9A-Z·-]+$/.test(raw) ? raw : normaliseReferenceCode(raw);

const MSG = {
  required: { zh: "必填项为空", en: "required value is empty" },
  classified: {
    zh: "涉及国家秘密的档案禁止寄存、托管",
    en: "archives with state-secret content may not be deposited or placed in custody",
  },
  unknownClassification: {
    zh: "无法识别的密级，不能确认不涉及国家秘密（可填：公开、内部、非密或留空）",
    en: "unrecognised classification: cannot be shown not to be a state secret (use public, internal, none or leave empty)",
  },
  notANumber: { zh: "应为整数", en: "must be a whole number" },
  retention: {
    zh: "未知的保管期限（可填：永久、30年、10年或 Y、D30、D10）",
    en: "unknown retention period (use Y, D30, D10 or 永久, 30年, 10年)",
  },
  category: {
    zh: "未知的门类（可填代码如 WS 或名称如 文书）",
    en: "unknown category (use a code such as WS or a name such as 文书)",
  },
  carrier: {
    zh: "未知的载体（可填：纸质、照片、音像、胶片、磁带、光盘、电子、实物）",
    en: "unknown carrier (paper, photo, audiovisual, film, magnetic tape, optical disc, electronic, object)",
  },
} satisfies Record<string, Message>;

/** One row's checks. A class, not closures: this runs a million times per catalogue. */
class RowCheck {
  ok = true;
  private readonly cells: Partial<Record<CatalogueColumn, string>> = {};

  constructor(
    private readonly raw: RawRow,
    private readonly fileRow: number,
    private readonly ctx: RowContext,
    private readonly report: (p: CatalogueProblem) => void,
  ) {
    for (const c in raw) this.cells[c as CatalogueColumn] = raw[c as CatalogueColumn]!.trim();
  }

  text(c: CatalogueColumn): string {
    return this.cells[c] ?? "";
  }

  fail(column: CatalogueColumn, code: CatalogueProblemCode, detail: Message, clause?: string): void {
    this.ok = false;
    this.report(
      cellProblem(this.fileRow, column, this.ctx.headerOf[column] ?? null, code, detail, {
        value: this.raw[column] ?? "",
        ...(clause ? { clause } : {}),
      }),
    );
  }

  count(c: CatalogueColumn, min: number): number | null {
    const t = this.text(c);
    if (!t) return null;
    const n = integer(t);
    if (n === null) this.fail(c, "not_a_number", MSG.notANumber);
    else if (n < min || n > MAX_COUNT)
      this.fail(c, "out_of_range", {
        zh: `应在${min}至${MAX_COUNT}之间`,
        en: `must be ${min} to ${MAX_COUNT}`,
      });
    return n;
  }
}

export function validateCatalogueRow(
  raw: RawRow,
  fileRow: number,
  ctx: RowContext,
  report: (p: CatalogueProblem) => void,
): CatalogueRow | null {
  const r = new RowCheck(raw, fileRow, ctx, report);
  for (const c of REQUIRED_COLUMNS[ctx.level]) if (!r.text(c)) r.fail(c, "required", MSG.required, "D-8.3");
  for (const c of LIMITED) {
    const max = MAX_LENGTH[c]!;
    if (r.text(c).length > max)
      r.fail(c, "too_long", { zh: `超过${max}个字符`, en: `longer than ${max} characters` });
  }

  const marking = classifyMarking(r.text("classification"));
  if (marking.kind === "state_secret") r.fail("classification", "classified", MSG.classified, "D-4.5");
  if (marking.kind === "unknown")
    r.fail("classification", "unknown_classification", MSG.unknownClassification, "D-4.5");

  let code: ReferenceCode | null = null;
  const referenceCode = referenceCodeOf(r.text("referenceCode"));
  if (referenceCode) {
    const parsed = parseReferenceCode(referenceCode);
    if (parsed.ok) code = parsed.value;
    else r.fail("referenceCode", "reference_code", REFERENCE_CODE_PROBLEMS[parsed.problem], "D-8.3");
  }

  const quantity = r.count("quantity", 1);
  const pages = r.count("pages", 1);
  const year = r.count("year", 0);
  if (year !== null && (year < MIN_YEAR || year > ctx.currentYear))
    r.fail("year", "year_range", {
      zh: `年度应在${MIN_YEAR}至${ctx.currentYear}之间`,
      en: `year must be ${MIN_YEAR} to ${ctx.currentYear}`,
    });
  else if (year !== null && code?.year && Number(code.year) !== year)
    r.fail("year", "year_mismatch", {
      zh: `与档号中的年度 ${code.year} 不一致`,
      en: `differs from the year ${code.year} in the reference code`,
    });

  const retentionText = r.text("retentionPeriod");
  const retention = retentionText ? normaliseRetention(retentionText) : null;
  if (retentionText && !retention) r.fail("retentionPeriod", "unknown_retention", MSG.retention);
  const categoryText = r.text("category");
  const category = categoryText ? normaliseCategory(categoryText) : null;
  if (categoryText && !category) r.fail("category", "unknown_category", MSG.category);
  else if (category && code && code.category !== category)
    r.fail("category", "category_mismatch", {
      zh: `与档号中的门类 ${code.category} 不一致`,
      en: `differs from the category ${code.category} in the reference code`,
    });
  const carrierText = r.text("carrier");
  const carrier = carrierText ? normaliseCarrier(carrierText) : "paper";
  if (!carrier) r.fail("carrier", "unknown_carrier", MSG.carrier);

  if (!r.ok) return null;
  // Year, retention and category fall back to what the reference code says.
  return {
    referenceCode,
    title: r.text("title") ? normaliseTitle(r.text("title")) : null,
    boxNo: r.text("boxNo") ? normaliseBoxNo(r.text("boxNo")) : null,
    quantity,
    pages,
    year: year ?? (code?.year ? Number(code.year) : null),
    retentionPeriod: retention ?? code?.retention ?? null,
    category: category ?? code?.category ?? null,
    carrier: carrier ?? "paper",
    classification: marking.kind === "open" ? marking.value : null,
  };
}
