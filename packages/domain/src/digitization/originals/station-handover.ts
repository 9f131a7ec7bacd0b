// Z-7.2: a batch, or some volumes of it, moves between workstations only by a
// recorded handover with content, quantity, time and the names of the giver and
// receiver, who must be people with a post at the workstation they act for.
// Temporary storage (Z-6.5) is the chain's start and end: its custodian acts for it.
import { refuse } from "./errors.ts";
import { assertVolumeNotStopped } from "./stop.ts";

/** A station of the chain: a workstation, or the batch's temporary storage (null). */
export type Station = string | null;

export interface ChainVolume {
  id: string;
  referenceCode: string;
  batchId: string | null;
  withdrawn: boolean;
  status: string;
  currentWorkstationId: string | null;
  openStopId: string | null;
}

export interface HandoverPeople {
  /** Person ids with a post at the workstation the handover leaves (or the custodian). */
  fromStaff: readonly string[];
  /** Person ids with a post at the workstation the handover reaches (or the custodian). */
  toStaff: readonly string[];
}

export interface StationHandoverDraft {
  batchId: string;
  batchStatus: string;
  from: Station;
  to: Station;
  giverPersonId: string;
  receiverPersonId: string;
  volumes: readonly ChainVolume[];
  /** The quantity the giver and receiver counted, when stated. */
  declaredQuantity?: number | undefined;
}

export function assertStationHandover(d: StationHandoverDraft, people: HandoverPeople): void {
  if (d.batchStatus !== "in_progress")
    throw refuse(
      "BATCH_NOT_STARTED",
      "Z-6.5",
      "批次尚未开始作业（须先确定暂存库房、档案柜和保管人）",
      "The batch has not started (fix its temporary storage first)",
      { status: d.batchStatus },
      409,
    );
  if (d.from === d.to)
    throw refuse(
      "SAME_STATION",
      "Z-7.2",
      "交出与接收工位相同",
      "The handover leaves and reaches the same station",
    );
  if (d.volumes.length === 0)
    throw refuse("NOTHING_HANDED_OVER", "Z-7.2", "交接须至少包括一卷档案", "Hand over at least one volume");
  if (d.declaredQuantity !== undefined && d.declaredQuantity !== d.volumes.length)
    throw refuse(
      "QUANTITY_MISMATCH",
      "Z-7.2",
      `清点数量（${d.declaredQuantity}）与交接案卷数（${d.volumes.length}）不符`,
      `The counted quantity (${d.declaredQuantity}) differs from the volumes handed over (${d.volumes.length})`,
      { declared: d.declaredQuantity, volumes: d.volumes.length },
    );
  for (const v of d.volumes) {
    if (v.batchId !== d.batchId || v.withdrawn)
      throw refuse(
        "VOLUME_NOT_IN_BATCH",
        "Z-7.2",
        `案卷 ${v.referenceCode} 不在本批次中`,
        `Volume ${v.referenceCode} is not in this batch`,
        { referenceCode: v.referenceCode },
      );
    assertVolumeNotStopped(v, "hand over");
    if (v.currentWorkstationId !== d.from)
      throw refuse(
        "VOLUME_NOT_AT_STATION",
        "Z-7.2",
        `案卷 ${v.referenceCode} 不在交出工位`,
        `Volume ${v.referenceCode} is not at the station handing it over`,
        { referenceCode: v.referenceCode, at: v.currentWorkstationId },
        409,
      );
  }
  if (!people.fromStaff.includes(d.giverPersonId))
    throw refuse(
      "GIVER_NOT_AT_STATION",
      "Z-7.2",
      d.from ? "交出人不是交出工位的定岗人员" : "交出人不是本批次暂存保管人",
      d.from
        ? "The giver has no post at the workstation handing over"
        : "The giver is not the batch's temporary-storage custodian",
    );
  if (!people.toStaff.includes(d.receiverPersonId))
    throw refuse(
      "RECEIVER_NOT_AT_STATION",
      "Z-7.2",
      d.to ? "接收人不是接收工位的定岗人员" : "接收人不是本批次暂存保管人",
      d.to
        ? "The receiver has no post at the receiving workstation"
        : "The receiver is not the batch's temporary-storage custodian",
    );
}

/** Z-6.5: work on a batch starts only with fixed storage and received volumes. */
export function assertBatchStartable(b: {
  status: string;
  hasStorage: boolean;
  volumes: readonly { referenceCode: string; status: string }[];
}): void {
  if (b.status !== "open")
    throw refuse(
      "BATCH_ALREADY_STARTED",
      "Z-6.5",
      "批次已开始作业",
      "The batch has already started",
      {},
      409,
    );
  if (!b.hasStorage)
    throw refuse(
      "STORAGE_NOT_FIXED",
      "Z-6.5",
      "开始作业前须确定本批次的暂存库房、档案柜和保管人",
      "Fix the batch's temporary storage room, cabinet and custodian before work starts",
    );
  if (b.volumes.length === 0)
    throw refuse("BATCH_EMPTY", "Z-6.5", "批次中没有案卷", "The batch has no volumes");
  const notHere = b.volumes.filter((v) => v.status !== "at_agency");
  if (notHere.length)
    throw refuse(
      "VOLUMES_NOT_RECEIVED",
      "Z-6.3",
      `${notHere.length} 卷档案尚未经双方确认的交接清单移交`,
      `${notHere.length} volume(s) have not been handed over on a list confirmed by both sides`,
      { referenceCodes: notHere.map((v) => v.referenceCode).slice(0, 20) },
    );
}
