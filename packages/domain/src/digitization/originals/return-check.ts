// Z-8.1: the client checks what came back volume by volume against the
// to_agency handover list, then closes that handover; missing, damaged and
// extra volumes are listed. A missing volume keeps the handover open.
import { refuse } from "./errors.ts";

export const RETURN_CHECK_OUTCOMES = ["present", "missing", "damaged", "extra"] as const;
export type ReturnCheckOutcome = (typeof RETURN_CHECK_OUTCOMES)[number];

export interface ReturnCheckLine {
  volumeId: string;
  outcome: ReturnCheckOutcome;
  note?: string | undefined;
}

export interface ReturnCheckResult {
  present: string[];
  missing: string[];
  damaged: string[];
  extra: string[];
}

/** Validates one submitted check against the list; every listed volume must be checked. */
export function evaluateOriginalsReturn(
  listed: readonly string[],
  returned: ReadonlySet<string>,
  lines: readonly ReturnCheckLine[],
): ReturnCheckResult {
  const expected = new Set(listed);
  const seen = new Set<string>();
  const r: ReturnCheckResult = { present: [], missing: [], damaged: [], extra: [] };
  for (const l of lines) {
    if (seen.has(l.volumeId))
      throw refuse("RETURN_VOLUME_TWICE", "Z-8.1", "同一案卷核对了两次", "A volume was checked twice", {
        volumeId: l.volumeId,
      });
    seen.add(l.volumeId);
    const onList = expected.has(l.volumeId);
    if (!onList || l.outcome === "extra") {
      if (onList)
        throw refuse(
          "RETURN_NOT_EXTRA",
          "Z-8.1",
          "清单上的案卷不能核对为多出",
          "A volume on the list cannot be extra",
          { volumeId: l.volumeId },
        );
      r.extra.push(l.volumeId);
      continue;
    }
    if (l.outcome !== "missing" && !returned.has(l.volumeId))
      throw refuse(
        "VOLUME_NOT_RETURNED",
        "Z-8.1",
        "该案卷尚未随双方确认的归还清单交回",
        "This volume has not come back on a return list confirmed by both sides",
        { volumeId: l.volumeId },
      );
    r[l.outcome === "missing" ? "missing" : l.outcome === "damaged" ? "damaged" : "present"].push(l.volumeId);
  }
  const unchecked = listed.filter((id) => !seen.has(id));
  if (unchecked.length)
    throw refuse(
      "RETURN_NOT_CHECKED",
      "Z-8.1",
      `还有 ${unchecked.length} 卷档案未逐卷核对`,
      `${unchecked.length} volume(s) on the list have not been checked`,
      { volumeIds: unchecked.slice(0, 50) },
    );
  return r;
}

/** Z-8.1: the handover is closed only when every volume is back and none is missing. */
export function assertReturnClosable(
  list: { direction: string; status: string },
  check: { checked: number; listed: number; missing: number },
): void {
  if (list.direction !== "to_agency")
    throw refuse(
      "NOT_A_HANDOVER_OUT",
      "Z-8.1",
      "只有出库（移交机构）清单办理归还注销",
      "Only a to_agency list is closed by the return",
      undefined,
      409,
    );
  if (list.status !== "confirmed")
    throw refuse(
      list.status === "closed" ? "HANDOVER_ALREADY_CLOSED" : "HANDOVER_NOT_CONFIRMED",
      "Z-8.1",
      list.status === "closed" ? "该交接已注销" : "交接清单尚未经双方确认",
      list.status === "closed" ? "The handover is already closed" : "The list is not confirmed by both sides",
      undefined,
      409,
    );
  if (check.checked < check.listed)
    throw refuse(
      "RETURN_NOT_CHECKED",
      "Z-8.1",
      "须先逐卷核对全部档案",
      "Check every volume on the list first",
      { checked: check.checked, listed: check.listed },
    );
  if (check.missing > 0)
    throw refuse(
      "RETURN_MISSING_VOLUMES",
      "Z-8.1",
      `有 ${check.missing} 卷档案缺失，不能办理归还注销`,
      `${check.missing} volume(s) are missing; the handover cannot be closed`,
      { missing: check.missing },
    );
}
