// Z-6.4: condition per volume on receipt and on return; damage, or a worse
// condition on return than on receipt, opens an incident.
import { refuse } from "./errors.ts";

export const VOLUME_CONDITIONS = ["good", "fair", "poor", "damaged"] as const;
export type VolumeCondition = (typeof VOLUME_CONDITIONS)[number];

/** How a condition reads on a handover list (Z-6.3: the list states the quality condition). */
export const VOLUME_CONDITION_LABELS: Record<VolumeCondition, { zh: string; en: string }> = {
  good: { zh: "完好", en: "Good" },
  fair: { zh: "一般", en: "Fair" },
  poor: { zh: "较差", en: "Poor" },
  damaged: { zh: "损坏", en: "Damaged" },
};
export const VOLUME_CONDITION_STAGES = ["receipt", "return"] as const;
export type VolumeConditionStage = (typeof VOLUME_CONDITION_STAGES)[number];

const RANK: Record<VolumeCondition, number> = { good: 0, fair: 1, poor: 2, damaged: 3 };

export type VolumeConditionFinding = "damaged" | "worse_on_return" | null;

/** What a recorded condition means: damage, a deterioration since receipt, or nothing. */
export function conditionFinding(
  stage: VolumeConditionStage,
  condition: VolumeCondition,
  onReceipt: VolumeCondition | null,
): VolumeConditionFinding {
  if (condition === "damaged" && !(stage === "return" && onReceipt === "damaged")) return "damaged";
  if (stage === "return" && onReceipt && RANK[condition] > RANK[onReceipt]) return "worse_on_return";
  return null;
}

/** Z-6.4: the return condition is recorded against a receipt condition, once per stage. */
export function assertConditionRecordable(
  v: { referenceCode: string; status: string },
  stage: VolumeConditionStage,
  existing: { receipt: boolean; return: boolean },
): void {
  if (existing[stage])
    throw refuse(
      "CONDITION_ALREADY_RECORDED",
      "Z-6.4",
      `案卷 ${v.referenceCode} 的${stage === "receipt" ? "接收" : "归还"}状况已记录`,
      `The ${stage} condition of volume ${v.referenceCode} is already recorded`,
      undefined,
      409,
    );
  if (stage === "receipt" && v.status !== "at_agency")
    throw refuse(
      "VOLUME_NOT_RECEIVED",
      "Z-6.4",
      `案卷 ${v.referenceCode} 尚未随交接清单移交，不能记录接收状况`,
      `Volume ${v.referenceCode} has not been handed over on a confirmed list`,
    );
  if (stage === "return" && !existing.receipt)
    throw refuse(
      "RECEIPT_CONDITION_MISSING",
      "Z-6.4",
      `案卷 ${v.referenceCode} 没有接收时的状况记录，无法比对归还状况`,
      `Volume ${v.referenceCode} has no condition on receipt to compare with`,
    );
}
