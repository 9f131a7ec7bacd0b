// Whose catalogue items a user may find (D-10.2, D-8.10, G-4). Repositories turn
// the scope into SQL, so a search never reads an item outside it.
import type { Actor } from "../access/actor.ts";

export type CatalogueSearchScope =
  /** The system operator (CLI). */
  | { kind: "all" }
  /** Regulators supervise; they do not read archive content. */
  | { kind: "none" }
  /**
   * Client or agency user: items of the organisation's own projects (the
   * client's holdings; the agency's custody, metadata only — D-8.10), plus items
   * a written grant in force names for the organisation as grantee (D-10.2).
   */
  | { kind: "organisation"; orgId: string; party: "client" | "agency" };

export function catalogueSearchScope(actor: Actor): CatalogueSearchScope {
  if (actor.type === "system") return { kind: "all" };
  if (actor.orgKind === "regulator") return { kind: "none" };
  return { kind: "organisation", orgId: actor.orgId, party: actor.orgKind };
}
