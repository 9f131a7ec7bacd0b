// Z-7.3: on classified content or damage a volume stops at once: no station
// handover, quality check or return proceeds for it until the client resumes it
// or withdraws it from its batch (a withdrawn volume goes back to the client).
import { refuse } from "./errors.ts";

export const STOP_REASONS = ["classified", "damage", "other"] as const;
export type StopReason = (typeof STOP_REASONS)[number];
export const STOP_DECISIONS = ["resume", "withdraw"] as const;
export type StopDecision = (typeof STOP_DECISIONS)[number];

export interface StoppableVolume {
  referenceCode: string;
  openStopId: string | null;
}

/** Every path that works on a volume calls this first. */
export function assertVolumeNotStopped(v: StoppableVolume, doing = "work on"): void {
  if (v.openStopId)
    throw refuse(
      "VOLUME_STOPPED",
      "Z-7.3",
      `案卷 ${v.referenceCode} 已停止作业，须由委托方决定恢复或撤出后方可继续`,
      `Volume ${v.referenceCode} is stopped; nobody may ${doing} it until the client resumes or withdraws it`,
      { referenceCode: v.referenceCode, stopId: v.openStopId },
      409,
    );
}

/** A volume can be stopped once at a time, while it is with the agency and not returned. */
export function assertStoppable(v: StoppableVolume & { status: string; withdrawn: boolean }): void {
  if (v.openStopId)
    throw refuse(
      "VOLUME_ALREADY_STOPPED",
      "Z-7.3",
      `案卷 ${v.referenceCode} 已处于停止状态`,
      `Volume ${v.referenceCode} is already stopped`,
      { stopId: v.openStopId },
      409,
    );
  if (v.status === "returned" || v.withdrawn)
    throw refuse(
      "VOLUME_NOT_IN_WORK",
      "Z-7.3",
      `案卷 ${v.referenceCode} 已撤出或已归还，无须停止`,
      `Volume ${v.referenceCode} is withdrawn or returned; there is nothing to stop`,
      undefined,
      409,
    );
}

/** Only an open stop is decided; withdrawing needs the volume to be in a batch. */
export function assertStopDecidable(
  stop: { resolvedAt: Date | null },
  decision: StopDecision,
  inBatch: boolean,
): void {
  if (stop.resolvedAt)
    throw refuse(
      "STOP_ALREADY_DECIDED",
      "Z-7.3",
      "该停止记录已处理",
      "This stop has already been decided",
      undefined,
      409,
    );
  if (decision === "withdraw" && !inBatch)
    throw refuse(
      "VOLUME_NOT_IN_BATCH",
      "Z-7.3",
      "案卷不在任何批次中，无法撤出",
      "The volume is in no batch to withdraw it from",
      undefined,
      409,
    );
}
