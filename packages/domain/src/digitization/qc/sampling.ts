// Sampled manual QC (Z-7.4): a reproducible sample of the delivered images,
// defects by class, the batch verdict, and which workstation a defect sends
// its volume back to. Rates and limits come from the project's quality terms.
import { DomainError } from "../../errors/domain-error.ts";
import { seededRandom } from "../../oversight/sampling.ts";
import type { QcTerms } from "./quality-terms.ts";

export const DEFECT_CLASSES = ["critical", "major", "minor"] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

/** Workstation kinds of the site model a volume can be sent back to. */
export type CorrectionStation = "preparation" | "scanning" | "image_processing" | "metadata" | "linking";

/** Defect types of DA/T 31-2017 10.5 (image QC) and 11 (linking), with default class and station. */
export const DEFECT_TYPES = {
  missing_page: { cls: "critical", station: "scanning", zh: "漏扫", en: "Page not scanned" },
  illegible: { cls: "critical", station: "scanning", zh: "图像不清晰、失真", en: "Illegible or distorted" },
  incomplete_image: { cls: "critical", station: "scanning", zh: "图像不完整", en: "Incomplete image" },
  colour_required: {
    cls: "major",
    station: "scanning",
    zh: "红头、印章或照片未用彩色",
    en: "Colour needed (letterhead, seal, photo)",
  },
  duplicate_scan: { cls: "major", station: "image_processing", zh: "重扫", en: "Scanned twice" },
  wrong_order: { cls: "major", station: "image_processing", zh: "页面顺序错误", en: "Pages out of order" },
  skew: { cls: "minor", station: "image_processing", zh: "偏斜未纠正", en: "Skew not corrected" },
  rotation: {
    cls: "major",
    station: "image_processing",
    zh: "方向未旋转",
    en: "Not rotated to reading orientation",
  },
  cropping: { cls: "minor", station: "image_processing", zh: "裁边不当", en: "Cropped badly" },
  over_cleaned: {
    cls: "major",
    station: "image_processing",
    zh: "去污过度，未保持原貌",
    en: "Cleaned beyond the original",
  },
  stitching: { cls: "minor", station: "image_processing", zh: "拼接痕迹明显", en: "Visible stitching seam" },
  catalogue_error: { cls: "major", station: "metadata", zh: "目录数据错误", en: "Catalogue data wrong" },
  link_error: { cls: "major", station: "linking", zh: "挂接错误", en: "Linked to the wrong entry" },
  other: { cls: "minor", station: "image_processing", zh: "其他", en: "Other" },
} as const satisfies Record<string, { cls: DefectClass; station: CorrectionStation; zh: string; en: string }>;
export type DefectType = keyof typeof DEFECT_TYPES;
export const DEFECT_TYPE_IDS = Object.keys(DEFECT_TYPES) as [DefectType, ...DefectType[]];

/** Sample size: the rate of the population, rounded up, at least one image (none of none). */
export function qcSampleSize(population: number, ratePct: number): number {
  if (population <= 0) return 0;
  return Math.min(population, Math.max(1, Math.ceil((population * ratePct) / 100)));
}

/** A reproducible sample: the same ids (in any order), rate and seed give the same images. */
export function drawQcSample<T extends string>(ids: readonly T[], ratePct: number, seed: string): T[] {
  const pool = [...ids].sort();
  const n = qcSampleSize(pool.length, ratePct);
  const rnd = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n).sort();
}

export interface QcSampleTally {
  size: number;
  /** Images with at least one defect of the class (an image counts once per class). */
  critical: number;
  major: number;
  minor: number;
  /** Images of a volume that was stopped (Z-7.3). */
  stoppedVolumes: number;
}

export type QcVerdict = "accepted" | "rejected";

export interface QcVerdictReason {
  cls: DefectClass | "stopped" | "unreviewed";
  found: number;
  allowed: number;
}

/** Which limits the sample breaks; an empty list means it may be accepted. */
export function qcVerdictReasons(t: QcSampleTally, terms: QcTerms, unreviewed = 0): QcVerdictReason[] {
  const out: QcVerdictReason[] = [];
  const pct = (n: number) => (t.size ? (n / t.size) * 100 : 0);
  if (unreviewed > 0) out.push({ cls: "unreviewed", found: unreviewed, allowed: 0 });
  if (t.stoppedVolumes > 0) out.push({ cls: "stopped", found: t.stoppedVolumes, allowed: 0 });
  if (t.critical > terms.criticalMax)
    out.push({ cls: "critical", found: t.critical, allowed: terms.criticalMax });
  if (pct(t.major) > terms.majorMaxPct)
    out.push({ cls: "major", found: t.major, allowed: Math.floor((terms.majorMaxPct * t.size) / 100) });
  if (pct(t.minor) > terms.minorMaxPct)
    out.push({ cls: "minor", found: t.minor, allowed: Math.floor((terms.minorMaxPct * t.size) / 100) });
  return out;
}

/**
 * Z-7.4 with Z-7.3: a batch is accepted only when every sampled image was
 * reviewed, its defects stay within the limits and none of its volumes is stopped.
 */
export function assertQcVerdictAllowed(
  verdict: QcVerdict,
  t: QcSampleTally,
  terms: QcTerms,
  unreviewed: number,
): void {
  if (verdict === "rejected") return;
  const reasons = qcVerdictReasons(t, terms, unreviewed);
  if (reasons.length === 0) return;
  const stopped = reasons.some((r) => r.cls === "stopped");
  throw new DomainError({
    code: stopped
      ? "QC_VOLUME_STOPPED"
      : reasons[0]!.cls === "unreviewed"
        ? "QC_SAMPLE_UNREVIEWED"
        : "QC_LIMITS_EXCEEDED",
    status: 409,
    clause: stopped ? "Z-7.3" : "Z-7.4",
    message: stopped
      ? {
          zh: "批次中有已停止数字化的案卷，不能判定通过",
          en: "The batch holds a stopped volume; it cannot be accepted",
        }
      : reasons[0]!.cls === "unreviewed"
        ? {
            zh: `还有 ${unreviewed} 幅抽检图像未审核`,
            en: `${unreviewed} sampled images are not reviewed yet`,
          }
        : {
            zh: "抽检缺陷超过约定限值，不能判定通过",
            en: "The sample's defects exceed the agreed limits; it cannot be accepted",
          },
    details: { reasons },
  });
}
