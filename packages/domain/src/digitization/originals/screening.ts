// Z-6.1: the client screens each volume for classified content before release;
// only a cleared volume may enter a batch. Every path that puts a volume in a
// batch calls assertVolumeBatchable.
import { refuse } from "./errors.ts";

export const SCREENING_OUTCOMES = ["cleared", "flagged"] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export interface BatchCandidate {
  referenceCode: string;
  screening: string;
  status: string;
  /** The batch the volume is already in, if any. */
  batchId?: string | null | undefined;
}

export function assertVolumeBatchable(v: BatchCandidate): void {
  if (v.screening === "flagged")
    throw refuse(
      "VOLUME_FLAGGED_CLASSIFIED",
      "Z-6.1",
      `案卷 ${v.referenceCode} 经筛查标记为涉密，不得外包数字化`,
      `Volume ${v.referenceCode} was flagged as classified and may not be outsourced`,
      { referenceCode: v.referenceCode },
    );
  if (v.screening !== "cleared")
    throw refuse(
      "VOLUME_NOT_SCREENED",
      "Z-6.1",
      `案卷 ${v.referenceCode} 尚未经委托方涉密筛查`,
      `Volume ${v.referenceCode} has not been screened by the client`,
      { referenceCode: v.referenceCode },
    );
  if (v.batchId)
    throw refuse(
      "VOLUME_ALREADY_BATCHED",
      "Z-6.1",
      `案卷 ${v.referenceCode} 已在其他批次中`,
      `Volume ${v.referenceCode} is already in a batch`,
      { referenceCode: v.referenceCode },
      409,
    );
  if (v.status === "returned")
    throw refuse(
      "VOLUME_RETURNED",
      "Z-6.1",
      `案卷 ${v.referenceCode} 已归还委托方`,
      `Volume ${v.referenceCode} has been returned to the client`,
      { referenceCode: v.referenceCode },
      409,
    );
}

/** Z-6.1: a volume's screening may change only before it enters a batch. */
export function assertScreenable(v: { referenceCode: string; batchId: string | null }): void {
  if (v.batchId)
    throw refuse(
      "VOLUME_ALREADY_BATCHED",
      "Z-6.1",
      `案卷 ${v.referenceCode} 已进入批次，不能再改变筛查结论（发现涉密内容应停止作业）`,
      `Volume ${v.referenceCode} is in a batch; its screening can no longer change (stop it instead)`,
      { referenceCode: v.referenceCode },
      409,
    );
}
