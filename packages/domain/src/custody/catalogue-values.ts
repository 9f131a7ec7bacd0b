// The coded columns of a handover catalogue: retention period, category,
// carrier, and the classification marking that decides D-4.5.
import { CATEGORY_CODES, type CategoryCode } from "./reference-code.ts";

/** Catalogues repeat a handful of values a million times: remember the first few hundred answers. */
function memo<T>(fn: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    const hit = seen.get(raw);
    if (hit !== undefined || seen.has(raw)) return hit as T;
    const value = fn(raw);
    if (seen.size < 500) seen.set(raw, value);
    return value;
  };
}

/**
 * Retention codes: Y permanent and D<n> fixed terms (DA/T 22-2015, DA/T 13-2022);
 * C (长期) and D (短期) are the pre-2006 terms still found on older archives.
 */
const RETENTION_NAMES: Record<string, string> = {
  永久: "Y",
  长期: "C",
  短期: "D",
  PERMANENT: "Y",
};

export const RETENTION_LABELS: Record<string, string> = { Y: "永久", C: "长期", D: "短期" };

/** The retention code for a cell ("永久", "y", "30年", "D30", "定期10年"), or null when unknown. */
export const normaliseRetention = memo(function retention(raw: string): string | null {
  const v = raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  if (/^(Y|C|D)$/.test(v)) return v;
  if (/^D\d{1,3}$/.test(v)) return `D${Number(v.slice(1))}`;
  const term = v.match(/^(?:定期)?(\d{1,3})年$/);
  if (term) return `D${Number(term[1])}`;
  return RETENTION_NAMES[v] ?? null;
});

export const retentionLabel = (code: string) =>
  RETENTION_LABELS[code] ?? (/^D\d+$/.test(code) ? `${code.slice(1)}年` : code);

/** The 门类 code for a code ("WS", "ws") or a name ("文书", "文书档案"), or null. */
export const normaliseCategory = memo(function category(raw: string): CategoryCode | null {
  const v = raw.normalize("NFKC").replace(/\s+/g, "");
  const upper = v.toUpperCase();
  if (upper in CATEGORY_CODES) return upper as CategoryCode;
  const name = v.replace(/档案$/, "");
  for (const [code, label] of Object.entries(CATEGORY_CODES))
    if (label.zh === name || label.zh === v || label.en.toLowerCase() === v.toLowerCase())
      return code as CategoryCode;
  return null;
});

/** Carriers, named as the custody rules use them (D-9.1 zones in safekeeping.ts). */
export const CATALOGUE_CARRIERS = {
  paper: { zh: "纸质", en: "Paper", names: ["纸质", "纸张", "纸", "paper"] },
  photo: { zh: "照片", en: "Photographs", names: ["照片", "相片", "photo", "photos"] },
  audiovisual: { zh: "音像", en: "Audiovisual", names: ["音像", "录音", "录像", "audiovisual"] },
  film: { zh: "胶片", en: "Film", names: ["胶片", "缩微", "缩微品", "缩微胶片", "film", "microfilm"] },
  magnetic_tape: { zh: "磁带", en: "Magnetic tape", names: ["磁带", "录音带", "录像带", "tape"] },
  optical_disc: { zh: "光盘", en: "Optical disc", names: ["光盘", "光碟", "disc", "cd", "dvd"] },
  electronic: { zh: "电子", en: "Electronic", names: ["电子", "电子文件", "electronic", "digital"] },
  object: { zh: "实物", en: "Objects", names: ["实物", "object", "objects"] },
} as const;
export type CatalogueCarrier = keyof typeof CATALOGUE_CARRIERS;

const CARRIER_BY_NAME = new Map<string, CatalogueCarrier>(
  (Object.keys(CATALOGUE_CARRIERS) as CatalogueCarrier[]).flatMap((c) => [
    [c, c] as const,
    ...CATALOGUE_CARRIERS[c].names.map((n) => [n, c] as const),
  ]),
);

export const normaliseCarrier = memo(
  (raw: string): CatalogueCarrier | null =>
    CARRIER_BY_NAME.get(raw.normalize("NFKC").replace(/\s+/g, "").toLowerCase()) ?? null,
);

/**
 * D-4.5 forbids depositing archives with state-secret content. The decision on a
 * 密级 cell (documented in the report):
 * - empty, 公开, 无, 非密, 不涉密, 内部, 工作秘密, 商业秘密 (and English public / none /
 *   unclassified / internal): not a state secret — accepted (工作秘密 and 商业秘密 are
 *   distinct from 国家秘密 under the State Secrets Law);
 * - any marking of a state-secret level — 绝密, 机密, 秘密, with or without a term
 *   (“秘密★10年”), or 涉密 / top secret / secret / confidential: refused under D-4.5;
 * - anything else: refused too, because it cannot be shown not to be a state
 *   secret (fail closed); the client corrects the cell.
 */
export type Marking =
  | { kind: "none" }
  | { kind: "open"; value: string }
  | { kind: "state_secret" }
  | { kind: "unknown" };

const OPEN_MARKINGS = new Set([
  "公开",
  "无",
  "非密",
  "不涉密",
  "内部",
  "工作秘密",
  "商业秘密",
  "public",
  "none",
  "unclassified",
  "internal",
]);
const EMPTY = new Set(["", "-", "—", "/", "无密级"]);
const STATE_SECRET = /绝密|机密|秘密|涉密|国家秘密|top ?secret|secret|confidential/i;

export const classifyMarking = memo(function marking(raw: string): Marking {
  const v = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  const key = v.toLowerCase().replace(/ /g, "");
  if (EMPTY.has(key)) return { kind: "none" };
  if (OPEN_MARKINGS.has(key)) return { kind: "open", value: v };
  if (STATE_SECRET.test(v)) return { kind: "state_secret" };
  return { kind: "unknown" };
});
