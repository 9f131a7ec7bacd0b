// Z-6.3: a handover list counted by volume and item, with content, quantity,
// quality condition, time and the handlers of both sides, confirmed by both
// (each signs its SM3 digest). Z-8.1: the return (to_client) list likewise.
import { canonicalJson } from "../../util/canonical-json.ts";
import { sm3Hex } from "../../util/hash.ts";
import { refuse } from "./errors.ts";
import { assertVolumeNotStopped } from "./stop.ts";

export const HANDOVER_DIRECTIONS = ["to_agency", "to_client"] as const;
export type HandoverDirection = (typeof HANDOVER_DIRECTIONS)[number];
export const HANDOVER_DOCUMENT_KIND = "digitization_handover_list";

export interface HandoverDocument {
  code: string;
  projectId: string;
  direction: HandoverDirection;
  handedAt: string;
  clientHandlerName: string;
  agencyHandlerName: string;
  lines: readonly {
    referenceCode: string;
    title: string;
    itemCount: number;
    pages: number | null;
    quality: string;
  }[];
}

export function handoverDigest(d: HandoverDocument): string {
  return sm3Hex(
    canonicalJson({
      ...d,
      lines: [...d.lines].sort((a, b) => a.referenceCode.localeCompare(b.referenceCode)),
    }),
  );
}

export interface ListCandidate {
  referenceCode: string;
  screening: string;
  status: string;
  openStopId: string | null;
  /** On a list of this direction that is not yet confirmed. */
  onPendingList: boolean;
  /** Withdrawn from its batch (Z-7.3): goes straight back. */
  withdrawn: boolean;
  /** At a workstation (not back in temporary storage). */
  atWorkstation: boolean;
  hasReturnCondition: boolean;
}

/** Which volumes may go on a list of each direction. */
export function assertListable(direction: HandoverDirection, v: ListCandidate): void {
  if (v.onPendingList)
    throw refuse(
      "VOLUME_ON_PENDING_LIST",
      "Z-6.3",
      `案卷 ${v.referenceCode} 已在一份待确认的交接清单上`,
      `Volume ${v.referenceCode} is already on a list awaiting confirmation`,
      { referenceCode: v.referenceCode },
      409,
    );
  if (direction === "to_agency") {
    if (v.screening !== "cleared")
      throw refuse(
        v.screening === "flagged" ? "VOLUME_FLAGGED_CLASSIFIED" : "VOLUME_NOT_SCREENED",
        "Z-6.1",
        `案卷 ${v.referenceCode} 未经筛查确认不涉密，不得移交`,
        `Volume ${v.referenceCode} has not been cleared by screening and may not be handed over`,
        { referenceCode: v.referenceCode },
      );
    if (v.status !== "unshelved")
      throw refuse(
        "VOLUME_NOT_UNSHELVED",
        "Z-6.2",
        `案卷 ${v.referenceCode} 尚未由委托方调档下架`,
        `Volume ${v.referenceCode} has not been unshelved by the client`,
        { referenceCode: v.referenceCode, status: v.status },
        409,
      );
    return;
  }
  if (v.status !== "at_agency")
    throw refuse(
      "VOLUME_NOT_AT_AGENCY",
      "Z-8.1",
      `案卷 ${v.referenceCode} 不在数字化机构`,
      `Volume ${v.referenceCode} is not with the agency`,
      { referenceCode: v.referenceCode },
      409,
    );
  assertVolumeNotStopped(v, "return");
  if (v.atWorkstation && !v.withdrawn)
    throw refuse(
      "VOLUME_STILL_IN_WORK",
      "Z-8.1",
      `案卷 ${v.referenceCode} 仍在工位上，须先交回暂存`,
      `Volume ${v.referenceCode} is still at a workstation; hand it back to temporary storage first`,
      { referenceCode: v.referenceCode },
      409,
    );
  if (!v.hasReturnCondition)
    throw refuse(
      "RETURN_CONDITION_MISSING",
      "Z-6.4",
      `案卷 ${v.referenceCode} 须先记录归还时的状况`,
      `Record the condition of volume ${v.referenceCode} on return first`,
      { referenceCode: v.referenceCode },
    );
}
