// Who does what with a handover catalogue, and the states it moves through:
// a draft until both parties confirm the same digest, then frozen (D-8.2).
import { type Actor, hasRole } from "../access/actor.ts";
import { type ProjectParties, policy, projectRelation } from "../access/policy.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { CatalogueProblem } from "./catalogue-problems.ts";

export type CatalogueStatus = "draft" | "confirmed" | "superseded";

export const cataloguePolicy = {
  /** The client prepares the catalogue of its own archives (D-8.2, D-8.3). */
  import: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || (rel === "client" && hasRole(actor, "client_admin", "client_archive_officer"));
  },
  /** Catalogue headers (status, counts, confirmations): anyone who reads the project. */
  read: (actor: Actor, p: ProjectParties) => policy.readProject(actor, p),
  /** The rows, the PDF and exports: the two parties only — the client's archives are not regulators' reading. */
  readItems: (actor: Actor, p: ProjectParties) => {
    const rel = projectRelation(actor, p);
    return rel === "system" || rel === "client" || rel === "agency";
  },
  /** A responsible person of either party (D-8.2): people, not the operator. */
  confirm: (actor: Actor, p: ProjectParties) => actor.type === "user" && policy.confirmForProject(actor, p),
};

export function cataloguePermissions(actor: Actor, p: ProjectParties, status: CatalogueStatus) {
  return {
    readItems: cataloguePolicy.readItems(actor, p),
    confirm: status === "draft" && cataloguePolicy.confirm(actor, p),
    withdraw: status === "draft" && cataloguePolicy.import(actor, p),
  };
}

export function assertCustodyProject(serviceType: string): void {
  if (serviceType === "custody") return;
  throw new DomainError({
    code: "NOT_A_CUSTODY_PROJECT",
    status: 422,
    clause: "D-8.3",
    message: {
      zh: "只有寄存托管项目才有交接目录清册",
      en: "Handover catalogues belong to custody projects only",
    },
  });
}

export function assertProjectOpen(status: string): void {
  if (status !== "cancelled" && status !== "completed") return;
  throw new DomainError({
    code: "PROJECT_CLOSED",
    status: 409,
    message: {
      zh: "项目已结束或取消，不能再导入目录",
      en: "The project is closed; no catalogue can be added",
    },
    details: { status },
  });
}

/** D-8.2: once both parties confirmed it, a catalogue is frozen; additions go in a new one. */
export function assertCatalogueDraft(status: CatalogueStatus): void {
  if (status === "draft") return;
  throw new DomainError({
    code: status === "confirmed" ? "CATALOGUE_FROZEN" : "CATALOGUE_SUPERSEDED",
    status: 409,
    clause: "D-8.2",
    message:
      status === "confirmed"
        ? {
            zh: "交接目录已经双方确认，不能再更改；新增档案请另建目录",
            en: "The catalogue has been confirmed by both parties and cannot change; list additions in a new catalogue",
          }
        : { zh: "该目录已被撤回或替换", en: "This catalogue has been withdrawn or replaced" },
  });
}

/** D-8.2: a party confirms the content it saw; a changed digest means a different document. */
export function assertDigestMatches(current: string | null, confirmed: string): void {
  if (current === confirmed) return;
  throw new DomainError({
    code: "CATALOGUE_DIGEST_MISMATCH",
    status: 409,
    clause: "D-8.2",
    message: {
      zh: "目录内容摘要与确认的不一致，请刷新后核对",
      en: "The catalogue's digest differs from the one being confirmed; reload and check",
    },
    details: { current, confirmed },
  });
}

/** D-8.2: confirmed when a signature of the client and one of the agency cover the same digest. */
export function bothPartiesConfirmed(
  confirmations: readonly { orgId: string; documentDigest: string }[],
  p: Pick<ProjectParties, "clientOrgId" | "agencyOrgId">,
  digest: string,
): boolean {
  const by = new Set(confirmations.filter((c) => c.documentDigest === digest).map((c) => c.orgId));
  return by.has(p.clientOrgId) && by.has(p.agencyOrgId);
}

/** The import's refusal: D-4.5 when any row is classified, else the validation failure. */
export function catalogueRefusal(problems: readonly CatalogueProblem[], total: number, classified: number) {
  return new DomainError({
    code: classified > 0 ? "CLASSIFIED_ARCHIVES_FORBIDDEN" : "CATALOGUE_INVALID",
    status: 422,
    clause: classified > 0 ? "D-4.5" : "D-8.3",
    message:
      classified > 0
        ? {
            zh: `目录中有${classified}行涉及国家秘密或密级无法确认，禁止寄存、托管；整份目录未导入`,
            en: `${classified} row(s) are classified or of unconfirmed classification and may not be deposited; nothing was imported`,
          }
        : {
            zh: `目录有${total}处问题，整份目录未导入`,
            en: `The catalogue has ${total} problem(s); nothing was imported`,
          },
    details: { total, classified, problems },
  });
}
