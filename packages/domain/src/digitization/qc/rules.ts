// The automatic checks of a digitization delivery, each with a stable rule id
// that is stored with every result, and the standard item it applies (Z-7.4).
import type { Message } from "../../errors/domain-error.ts";

export const QC_OUTCOMES = ["pass", "fail", "warn", "manual", "not_checked"] as const;
export type QcOutcome = (typeof QC_OUTCOMES)[number];

export interface QcRuleInfo {
  /** Where the figure or requirement comes from. */
  standard: string;
  label: Message;
  /** "file": one result per image; "volume" or "delivery": about a whole volume or the delivery. */
  level: "file" | "volume" | "delivery";
}

export const QC_RULES = {
  decodable: {
    standard: "DA/T 31-2017 10.5; DA/T 70 GD-3-4",
    label: { zh: "图像可读", en: "Image decodes" },
    level: "file",
  },
  format_allowed: {
    standard: "DA/T 31-2017 9.5",
    label: { zh: "存储格式", en: "Storage format" },
    level: "file",
  },
  format_uniform: {
    standard: "DA/T 31-2017 9.5",
    label: { zh: "同批格式一致", en: "One format per batch" },
    level: "delivery",
  },
  resolution: {
    standard: "DA/T 31-2017 9.4",
    label: { zh: "扫描分辨率", en: "Scan resolution" },
    level: "file",
  },
  colour_mode: {
    standard: "DA/T 31-2017 9.3",
    label: { zh: "色彩模式", en: "Colour mode" },
    level: "file",
  },
  naming: {
    standard: "DA/T 31-2017 9.5（档号+图像流水号）",
    label: { zh: "图像命名", en: "Image naming" },
    level: "file",
  },
  dimensions: {
    standard: "本系统安全限值 / safety limit",
    label: { zh: "图像尺寸", en: "Image dimensions" },
    level: "file",
  },
  blank_page: {
    standard: "DA/T 31-2017 10.5",
    label: { zh: "空白页", en: "Blank page" },
    level: "file",
  },
  skew: {
    standard: "DA/T 31-2017 10.2",
    label: { zh: "图像偏斜", en: "Skew" },
    level: "file",
  },
  duplicate: {
    standard: "DA/T 31-2017 10.5（重扫）",
    label: { zh: "重复图像", en: "Duplicate image" },
    level: "file",
  },
  non_archival: {
    standard: "DA/T 70 GD-4-3",
    label: { zh: "非归档文件", en: "Non-archival file" },
    level: "file",
  },
  not_in_catalogue: {
    standard: "DA/T 31-2017 10.5（多扫）",
    label: { zh: "目录外图像", en: "Image not in catalogue" },
    level: "file",
  },
  page_count: {
    standard: "DA/T 31-2017 10.5; DA/T 70 GD-2-1",
    label: { zh: "页数与目录相符", en: "Page count matches catalogue" },
    level: "volume",
  },
  sequence_gap: {
    standard: "DA/T 31-2017 10.5（漏扫）; DA/T 70 GD-2-6",
    label: { zh: "流水号连续", en: "Sequence without gaps" },
    level: "volume",
  },
  missing_volume: {
    standard: "DA/T 31-2017 10.5（漏扫）",
    label: { zh: "案卷无图像", en: "Volume has no images" },
    level: "volume",
  },
  volume_stopped: {
    standard: "Z-7.3",
    label: { zh: "案卷已停止数字化", en: "Volume stopped" },
    level: "volume",
  },
  classification_mark: {
    standard: "Z-7.3",
    label: { zh: "涉密标志筛查", en: "Classification-mark screening" },
    level: "file",
  },
} as const satisfies Record<string, QcRuleInfo>;

export type QcRuleId = keyof typeof QC_RULES;
export const QC_RULE_IDS = Object.keys(QC_RULES) as [QcRuleId, ...QcRuleId[]];

export interface QcResult {
  ruleId: QcRuleId;
  outcome: QcOutcome;
  /** Relative path of the file the result is about, when it is about one. */
  path?: string | undefined;
  referenceCode?: string | undefined;
  message: Message;
  values?: Record<string, unknown> | undefined;
}

/** The worst outcome wins: fail > warn > manual > not_checked > pass. */
export function worstOutcome(outcomes: Iterable<QcOutcome>): QcOutcome {
  const rank: Record<QcOutcome, number> = { pass: 0, not_checked: 1, manual: 2, warn: 3, fail: 4 };
  let worst: QcOutcome = "pass";
  for (const o of outcomes) if (rank[o] > rank[worst]) worst = o;
  return worst;
}
