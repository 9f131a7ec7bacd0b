// Quality terms of a digitization project (Z-7.4): the national figures of
// DA/T 31-2017 as defaults, and the contract's own terms, which may be
// stricter but never looser. Every default names its source; a figure no
// public source confirmed is marked "unverified" and shown so in the UI.
import { z } from "zod";
import { DomainError } from "../../errors/domain-error.ts";

export const IMAGE_FORMATS = ["tiff", "jpeg", "jp2"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export const DELIVERY_FORMATS = [...IMAGE_FORMATS, "pdf"] as const;
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];
export const COLOUR_MODES = ["colour", "greyscale", "bitonal"] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** How sure a default is: [T] text of the standard, [S] second-hand, or unverified (configurable). */
export type TermStatus = "T" | "S" | "unverified";
export interface TermSource {
  source: string;
  status: TermStatus;
}

export interface QcTerms {
  /** Lowest scan resolution, dpi. */
  minDpi: number;
  /** Storage formats allowed for preservation copies. */
  formats: ImageFormat[];
  /** Colour modes allowed; a contract may require colour only. */
  colourModes: ColourMode[];
  /** Largest skew left after deskewing, degrees. */
  maxSkewDeg: number;
  /** A page with less ink than this share of its area (percent) is reported as blank. */
  blankInkPct: number;
  /** Share of images sampled for manual review, percent. */
  sampleRatePct: number;
  /** Defects allowed in the sample before the batch is rejected, per class. */
  criticalMax: number;
  majorMaxPct: number;
  minorMaxPct: number;
}

export const NATIONAL_QC_TERMS: QcTerms = {
  minDpi: 200,
  formats: ["tiff", "jpeg", "jp2"],
  colourModes: ["colour", "greyscale", "bitonal"],
  maxSkewDeg: 3,
  blankInkPct: 0.05,
  sampleRatePct: 5,
  criticalMax: 0,
  majorMaxPct: 5,
  minorMaxPct: 10,
};

export const QC_TERM_SOURCES: Record<keyof QcTerms, TermSource> = {
  minDpi: { source: "DA/T 31-2017 9.4（扫描分辨率应不小于200dpi）", status: "S" },
  formats: { source: "DA/T 31-2017 9.5（TIFF、JPEG、JPEG2000）", status: "S" },
  colourModes: { source: "DA/T 31-2017 9.3（彩色、灰度、黑白二值）", status: "S" },
  maxSkewDeg: { source: "临海市地方规定 ≤3°；国标 10.2 无数值", status: "unverified" },
  blankInkPct: { source: "本系统默认值，无标准依据", status: "unverified" },
  sampleRatePct: { source: "衢市档〔2014〕11号 抽检≥5%（地方做法）", status: "unverified" },
  criticalMax: { source: "本系统默认值，无标准依据", status: "unverified" },
  majorMaxPct: { source: "衢市档〔2014〕11号 合格率≥95%（地方做法）", status: "unverified" },
  minorMaxPct: { source: "本系统默认值，无标准依据", status: "unverified" },
};

export const qcTermsSchema = z
  .object({
    minDpi: z.number().int().min(1).max(4800),
    formats: z.array(z.enum(IMAGE_FORMATS)).min(1),
    colourModes: z.array(z.enum(COLOUR_MODES)).min(1),
    maxSkewDeg: z.number().min(0).max(45),
    blankInkPct: z.number().min(0).max(50),
    sampleRatePct: z.number().min(0.1).max(100),
    criticalMax: z.number().int().min(0).max(1000),
    majorMaxPct: z.number().min(0).max(100),
    minorMaxPct: z.number().min(0).max(100),
  })
  .partial();
export type QcTermsInput = z.infer<typeof qcTermsSchema>;

interface Looser {
  term: keyof QcTerms;
  national: unknown;
  contract: unknown;
}

/** Which contract terms fall below the national figure (Z-7.4). Heuristic terms (blank) are free. */
export function looserTerms(contract: QcTerms, national: QcTerms = NATIONAL_QC_TERMS): Looser[] {
  const out: Looser[] = [];
  const push = (term: keyof QcTerms) =>
    out.push({ term, national: national[term], contract: contract[term] });
  if (contract.minDpi < national.minDpi) push("minDpi");
  if (contract.formats.some((f) => !national.formats.includes(f))) push("formats");
  if (contract.colourModes.some((m) => !national.colourModes.includes(m))) push("colourModes");
  if (contract.maxSkewDeg > national.maxSkewDeg) push("maxSkewDeg");
  if (contract.sampleRatePct < national.sampleRatePct) push("sampleRatePct");
  if (contract.criticalMax > national.criticalMax) push("criticalMax");
  if (contract.majorMaxPct > national.majorMaxPct) push("majorMaxPct");
  if (contract.minorMaxPct > national.minorMaxPct) push("minorMaxPct");
  return out;
}

/**
 * Z-7.4: the contract's quality terms on top of the national figures; a term
 * looser than the national figure is refused, naming each such term.
 */
export function assertQcTermsNotBelowNational(input: QcTermsInput): QcTerms {
  const terms: QcTerms = { ...NATIONAL_QC_TERMS, ...stripUndefined(input) };
  const looser = looserTerms(terms);
  if (looser.length === 0) return terms;
  throw new DomainError({
    code: "QC_TERMS_BELOW_NATIONAL",
    status: 422,
    clause: "Z-7.4",
    message: {
      zh: `合同约定的质量指标不得低于国家和行业标准：${looser.map((l) => l.term).join("、")}`,
      en: `Contract quality terms may not be looser than the national standard: ${looser.map((l) => l.term).join(", ")}`,
    },
    details: { looser },
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
