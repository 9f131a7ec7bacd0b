// Reference codes (档号) per DA/T 22-2015 and DA/T 13-2022 (spec/standards.md §4).
// Input from spreadsheets is normalised first: full-width characters to
// half-width, the many look-alikes of the interpunct "·" to "·", spaces removed.

/** 门类 codes of government bodies (DA/T 13-2022). */
export const CATEGORY_CODES = {
  WS: { zh: "文书", en: "Administrative records" },
  KJ: { zh: "科技", en: "Sci-tech" },
  RS: { zh: "人事", en: "Personnel" },
  KU: { zh: "会计", en: "Accounting" },
  ZY: { zh: "专业", en: "Specialised" },
  ZP: { zh: "照片", en: "Photos" },
  LY: { zh: "录音", en: "Audio" },
  LX: { zh: "录像", en: "Video" },
  SJ: { zh: "业务数据", en: "Business data" },
  YJ: { zh: "公务电子邮件", en: "Official e-mail" },
  WY: { zh: "网页信息", en: "Web pages" },
  MT: { zh: "社交媒体", en: "Social media" },
  SW: { zh: "实物", en: "Physical objects" },
  DZ: { zh: "电子", en: "Electronic" },
} as const;
export type CategoryCode = keyof typeof CATEGORY_CODES;

/** Y permanent, D30 / D10 fixed terms (DA/T 13-2022 general form D<years>). */
export const RETENTION = /^(Y|D\d{1,3})$/;

const INTERPUNCT = /[·•・‧∙⋅.．]/g;

/** Full-width ASCII to half-width, interpuncts unified, whitespace removed, upper case. */
export function normaliseReferenceCode(raw: string): string {
  return raw
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/[‐‑‒–—―－]/g, "-")
    .replace(/\s+/g, "")
    .replace(INTERPUNCT, "·")
    .toUpperCase();
}

export interface ReferenceCode {
  fonds: string;
  category: string;
  year?: string | undefined;
  retention?: string | undefined;
  unit?: string | undefined;
  /** 件号 or 案卷号-件号: the serial parts after the class. */
  serial: string;
  form: "DA/T 22" | "DA/T 13";
}

export type ReferenceCodeProblem =
  | "empty"
  | "fonds"
  | "category"
  | "unknown_category"
  | "year"
  | "retention"
  | "serial"
  | "shape";

const FONDS = /^[A-Z0-9]{1,2}\d{2,3}$|^[A-Z]\d{3}$|^\d{4}$/;
const SERIAL = /^\d{3,5}$/;
const UNIT = /^([A-Z]{2,4}|\d{3}|[\u4e00-\u9fa5]{1,10})$/;

/**
 * Parses a normalised code. DA/T 22: `Z109-WS·2011-Y-BGS-0001`;
 * DA/T 13: `A439-WS·2015·D30·003-005` (year, retention and unit inside the class level).
 */
export function parseReferenceCode(
  code: string,
): { ok: true; value: ReferenceCode } | { ok: false; problem: ReferenceCodeProblem } {
  if (!code) return { ok: false, problem: "empty" };
  const parts = code.split("-");
  if (parts.length < 3) return { ok: false, problem: "shape" };
  const [fonds, klass, ...rest] = parts as [string, string, ...string[]];
  if (!FONDS.test(fonds)) return { ok: false, problem: "fonds" };
  const classParts = klass.split("·");
  const category = classParts[0]!;
  if (!/^[A-Z]{2}$/.test(category)) return { ok: false, problem: "category" };
  if (!(category in CATEGORY_CODES)) return { ok: false, problem: "unknown_category" };

  if (classParts.length > 1 && /^\d{4}$/.test(classParts[1]!)) {
    const year = classParts[1]!;
    if (!validYear(year)) return { ok: false, problem: "year" };
    if (classParts.length >= 3) {
      // DA/T 13 form: WS·2015·D30[·unit]-serial…
      const retention = classParts[2]!;
      if (!RETENTION.test(retention)) return { ok: false, problem: "retention" };
      const unit = classParts[3];
      if (unit !== undefined && !UNIT.test(unit)) return { ok: false, problem: "shape" };
      if (rest.length < 1 || !rest.every((s) => SERIAL.test(s))) return { ok: false, problem: "serial" };
      return {
        ok: true,
        value: { fonds, category, year, retention, unit, serial: rest.join("-"), form: "DA/T 13" },
      };
    }
    // DA/T 22 form: WS·2011-Y[-BGS]-0001
    const [retention, ...tail] = rest;
    if (!retention || !RETENTION.test(retention)) return { ok: false, problem: "retention" };
    const serial = tail.at(-1);
    const unit = tail.length === 2 ? tail[0] : undefined;
    if (tail.length < 1 || tail.length > 2 || (unit !== undefined && !UNIT.test(unit)))
      return { ok: false, problem: "shape" };
    if (!serial || !SERIAL.test(serial)) return { ok: false, problem: "serial" };
    return { ok: true, value: { fonds, category, year, retention, unit, serial, form: "DA/T 22" } };
  }
  // By file, class numbers only: J019-ZY·JC·CC-001-001, X032-KJ·JJ·02-005-054
  if (!classParts.slice(1).every((c) => /^[A-Z0-9]{1,4}$/.test(c))) return { ok: false, problem: "shape" };
  if (rest.length < 1 || !rest.every((s) => SERIAL.test(s))) return { ok: false, problem: "serial" };
  return { ok: true, value: { fonds, category, serial: rest.join("-"), form: "DA/T 13" } };
}

function validYear(y: string): boolean {
  const n = Number(y);
  return n >= 1840 && n <= 2100;
}

export const REFERENCE_CODE_PROBLEMS: Record<ReferenceCodeProblem, { zh: string; en: string }> = {
  empty: { zh: "档号为空", en: "reference code is empty" },
  fonds: { zh: "全宗号格式不符（如 Z109、J001、0001）", en: "fonds code malformed (e.g. Z109, J001, 0001)" },
  category: { zh: "门类代码应为两个字母（如 WS）", en: "category code must be two letters (e.g. WS)" },
  unknown_category: { zh: "未知的门类代码", en: "unknown category code" },
  year: { zh: "年度应为四位年份", en: "year must be a four-digit year" },
  retention: { zh: "保管期限代码应为 Y、D30、D10 等", en: "retention code must be Y, D30, D10, …" },
  serial: { zh: "件号/案卷号应为3至5位数字", en: "item or file number must be 3 to 5 digits" },
  shape: { zh: "档号结构不符合 DA/T 22 或 DA/T 13", en: "structure matches neither DA/T 22 nor DA/T 13" },
};
