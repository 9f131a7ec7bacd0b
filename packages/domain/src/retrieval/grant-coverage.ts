// D-10.2, D-10.5, D-10.7: who may use what. The client's own staff need no
// grant and may not be obstructed; anyone else, and the agency searching on the
// client's behalf, needs a valid written grant that covers the mode and every
// requested item. Adding items later needs a new grant.
import { DomainError } from "../errors/domain-error.ts";
import type { RequesterKind, UseMode } from "./modes.ts";

export interface GrantView {
  id: string;
  status: "draft" | "issued" | "revoked";
  /** Both parties' confirmation is not needed: the grant is the client's word, confirmed by the client. */
  confirmedByClient: boolean;
  modes: readonly UseMode[];
  validFrom: string; // YYYY-MM-DD, Shanghai calendar
  validTo: string;
  /** Item and box ids the grant names (a frozen query is resolved to ids at issue). */
  itemIds: ReadonlySet<string>;
  boxIds: ReadonlySet<string>;
}

export interface RequestedItem {
  itemId: string;
  /** The box holding the item, when it is boxed; a grant naming the box covers the item. */
  boxId: string | null;
}

const refuse = (code: string, clause: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError({ code, status: 403, clause, message: { zh, en }, ...(details ? { details } : {}) });

/** Today's date in Shanghai (UTC+8, no daylight saving), as YYYY-MM-DD. */
export const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Whether the grant is in force at `at` (issued, confirmed, not revoked, within dates). */
export function grantInForce(grant: GrantView, at: Date): DomainError | undefined {
  if (grant.status !== "issued" || !grant.confirmedByClient)
    return refuse(
      grant.status === "revoked" ? "GRANT_REVOKED" : "GRANT_NOT_ISSUED",
      "D-10.2",
      grant.status === "revoked" ? "该书面授权已被委托方撤销" : "该书面授权尚未由委托方签发确认",
      grant.status === "revoked"
        ? "The client has revoked this written grant"
        : "The client has not yet issued and confirmed this written grant",
      { grantId: grant.id },
    );
  const today = shanghaiDate(at);
  if (today < grant.validFrom || today > grant.validTo)
    return refuse(
      "GRANT_NOT_VALID_NOW",
      "D-10.2",
      `书面授权的有效期为 ${grant.validFrom} 至 ${grant.validTo}，今天（${today}）不在期内`,
      `The written grant is valid from ${grant.validFrom} to ${grant.validTo}, not today (${today})`,
      { grantId: grant.id, validFrom: grant.validFrom, validTo: grant.validTo, today },
    );
  return undefined;
}

/**
 * D-10.2 / D-10.5 / D-10.7: the refusal for a request, or undefined when it may
 * be served. `grant` is the grant the request cites (null when none).
 */
export function useRequestRefusal(input: {
  requester: RequesterKind;
  mode: UseMode;
  items: readonly RequestedItem[];
  grant: GrantView | null;
  at: Date;
}): DomainError | undefined {
  const { requester, mode, items, grant, at } = input;
  if (items.length === 0)
    return new DomainError({
      code: "REQUEST_EMPTY",
      status: 422,
      clause: "D-10.5",
      message: { zh: "调阅申请须列明具体档案", en: "A request must name the archives it asks for" },
    });
  if (requester === "client") return undefined; // D-10.2: the client's own use is never obstructed
  if (!grant)
    return requester === "agency_proxy"
      ? refuse(
          "PROXY_SEARCH_NEEDS_GRANT",
          "D-10.7",
          "代为查阅须取得委托方的书面委托",
          "Searching on the client's behalf needs the client's written commission",
        )
      : refuse(
          "GRANT_REQUIRED",
          "D-10.2",
          "委托方以外的组织或个人调阅利用客户档案，须经委托方书面同意",
          "Anyone other than the client needs the client's written consent to use its archives",
        );
  const inForce = grantInForce(grant, at);
  if (inForce) return inForce;
  if (!grant.modes.includes(mode))
    return refuse(
      "GRANT_MODE_NOT_COVERED",
      mode === "proxy_search" ? "D-10.7" : "D-10.3",
      "书面授权未包含此调阅方式",
      "The written grant does not cover this way of use",
      { mode, granted: grant.modes },
    );
  const outside = items.filter(
    (i) => !grant.itemIds.has(i.itemId) && !(i.boxId !== null && grant.boxIds.has(i.boxId)),
  );
  if (outside.length > 0)
    return refuse(
      "ITEM_OUTSIDE_GRANT",
      "D-10.5",
      `有 ${outside.length} 件档案不在书面授权范围内；变更或增加调阅内容须取得委托方新的书面同意`,
      `${outside.length} item(s) lie outside the written grant; changing or adding items needs a new written grant`,
      { itemIds: outside.slice(0, 50).map((i) => i.itemId), count: outside.length },
    );
  return undefined;
}
