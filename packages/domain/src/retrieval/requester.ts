// D-10.2, D-10.7: whose use a request serves follows from who submits it. The
// client's own people need no grant; the agency registers a third party's
// request at its desk or searches on the client's behalf (agency_proxy); a
// grantee organisation on Dangan requests for itself. A grant serves only the
// one it names.
import type { Actor } from "../access/actor.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { RequesterKind } from "./modes.ts";

const refuse = (code: string, clause: string, zh: string, en: string) =>
  new DomainError({ code, status: 403, clause, message: { zh, en } });

/** The requester kind for `actor` submitting on a project, or a refusal. */
export function requesterKindFor(
  actor: Actor,
  p: { clientOrgId: string; agencyOrgId: string },
  asked: RequesterKind | undefined,
): RequesterKind | DomainError {
  if (actor.type === "system") return asked ?? "client";
  if (actor.orgId === p.clientOrgId) return "client";
  if (actor.orgId === p.agencyOrgId) return asked === "agency_proxy" ? "agency_proxy" : "third_party";
  return "third_party";
}

export interface GranteeView {
  granteeKind: "person" | "organisation";
  granteeName: string;
  granteeIdNumber: string | null;
  granteeOrgId: string | null;
}

/** D-10.2: the user of the request must be the one the grant names. */
export function granteeMismatch(input: {
  requester: RequesterKind;
  actorOrgId: string | null;
  agencyOrgId: string;
  grant: GranteeView;
  userName: string;
  userIdNumber: string | null;
}): DomainError | undefined {
  const { requester, grant: g } = input;
  if (requester === "client") return undefined;
  if (requester === "agency_proxy")
    return g.granteeOrgId === input.agencyOrgId
      ? undefined
      : refuse(
          "GRANT_NOT_FOR_REQUESTER",
          "D-10.7",
          "该书面授权未委托本机构代为查阅",
          "This written grant does not commission the agency to search",
        );
  if (g.granteeKind === "organisation")
    return g.granteeOrgId === null ||
      g.granteeOrgId === input.actorOrgId ||
      input.actorOrgId === input.agencyOrgId
      ? undefined
      : refuse(
          "GRANT_NOT_FOR_REQUESTER",
          "D-10.2",
          "该书面授权的被授权单位不是本单位",
          "This written grant names another organisation",
        );
  const sameId = !input.userIdNumber || input.userIdNumber.toUpperCase() === g.granteeIdNumber?.toUpperCase();
  return input.userName.trim() === g.granteeName.trim() && sameId
    ? undefined
    : refuse(
        "GRANT_NOT_FOR_REQUESTER",
        "D-10.2",
        `调阅利用者须为书面授权中载明的被授权人（${g.granteeName}）`,
        `The user must be the person the written grant names (${g.granteeName})`,
      );
}
