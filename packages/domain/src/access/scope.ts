// Read scopes, as data: repositories translate them into WHERE clauses so that
// list queries never read rows the actor may not see.
import type { District } from "../organisations/districts.ts";
import type { Actor } from "./actor.ts";

export type ReadScope =
  /** System operator or city regulator. */
  | { kind: "all" }
  /** District regulator: rows touching organisations in these districts. */
  | { kind: "districts"; districts: District[] }
  /** Client or agency: rows where this organisation is a party. */
  | { kind: "party"; orgId: string };

export function readScope(actor: Actor): ReadScope {
  if (actor.type === "system") return { kind: "all" };
  if (actor.orgKind === "regulator") {
    return actor.regulatorLevel === "city"
      ? { kind: "all" }
      : { kind: "districts", districts: actor.supervisedDistricts };
  }
  return { kind: "party", orgId: actor.orgId };
}
