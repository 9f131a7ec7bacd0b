// D-11.1: what comes back is checked item by item against what went out; the
// returner and the agency confirm quantity and content together. A missing or
// damaged item stops the return until the client has a written report.
// D-11.2: a returned box goes back to its recorded home location.
import { DomainError } from "../errors/domain-error.ts";

export const RETURN_OUTCOMES = ["present", "missing", "damaged"] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

export interface ReturnLine {
  itemId: string;
  outcome: ReturnOutcome;
  note?: string | undefined;
}

export interface ReturnEvaluation {
  present: number;
  missing: string[];
  damaged: string[];
  discrepancies: number;
}

const refuse = (code: string, clause: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError({ code, status: 422, clause, message: { zh, en }, ...(details ? { details } : {}) });

/**
 * Checks the lines against the items that went out and the quantity the
 * returner declares; throws when the check is incomplete or not agreed.
 */
export function evaluateReturnCheck(
  wentOut: readonly string[],
  lines: readonly ReturnLine[],
  returnerDeclared: number,
): ReturnEvaluation {
  const expected = new Set(wentOut);
  const seen = new Set<string>();
  for (const l of lines) {
    if (!expected.has(l.itemId))
      throw refuse(
        "RETURN_ITEM_NOT_OUT",
        "D-11.1",
        "该档案不在本次调出清单内",
        "This item did not go out with the request",
        {
          itemId: l.itemId,
        },
      );
    if (seen.has(l.itemId))
      throw refuse("RETURN_ITEM_TWICE", "D-11.1", "同一档案核对了两次", "An item was checked twice", {
        itemId: l.itemId,
      });
    seen.add(l.itemId);
  }
  const unchecked = wentOut.filter((id) => !seen.has(id));
  if (unchecked.length)
    throw refuse(
      "RETURN_NOT_CHECKED",
      "D-11.1",
      `还有 ${unchecked.length} 件档案未逐件核对`,
      `${unchecked.length} item(s) have not been checked on return`,
      { itemIds: unchecked.slice(0, 50) },
    );
  const missing = lines.filter((l) => l.outcome === "missing").map((l) => l.itemId);
  const damaged = lines.filter((l) => l.outcome === "damaged").map((l) => l.itemId);
  const present = lines.length - missing.length;
  if (returnerDeclared !== present)
    throw refuse(
      "RETURN_QUANTITY_NOT_AGREED",
      "D-11.1",
      `归还人确认的数量（${returnerDeclared}）与核对结果（${present}）不一致，须双方共同核实`,
      `The returner declares ${returnerDeclared} item(s) but the check found ${present}; both must agree`,
      { declared: returnerDeclared, present },
    );
  return { present, missing, damaged, discrepancies: missing.length + damaged.length };
}

/** D-11.2: a returned box goes back to its recorded home location only. */
export function reshelveRefusal(
  box: { boxNo: string; homeLocationId: string | null; status: string },
  toLocationId: string,
): DomainError | undefined {
  if (box.status !== "checked_out")
    return refuse(
      "BOX_NOT_OUT",
      "D-11.2",
      `档案箱 ${box.boxNo} 不在出库状态`,
      `Box ${box.boxNo} is not checked out`,
    );
  if (!box.homeLocationId || box.homeLocationId !== toLocationId)
    return refuse(
      "RESHELVE_NOT_HOME",
      "D-11.2",
      `档案箱 ${box.boxNo} 须按原索引位置归位`,
      `Box ${box.boxNo} must go back to its recorded location`,
      { homeLocationId: box.homeLocationId, toLocationId },
    );
  return undefined;
}
