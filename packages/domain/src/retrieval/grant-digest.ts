// What the client confirms when it issues a grant: SM3 over the canonical
// grant (grantee, modes, purpose, period and the frozen list of items and
// boxes). A change to any of them is a different grant (D-10.5).
import { canonicalJson } from "../util/canonical-json.ts";
import { sm3Hex } from "../util/hash.ts";

export interface GrantDocument {
  grantNo: string;
  projectId: string;
  clientOrgId: string;
  grantee: {
    kind: string;
    name: string;
    idKind: string | null;
    idNumber: string | null;
    orgId: string | null;
  };
  modes: readonly string[];
  purpose: string;
  validFrom: string;
  validTo: string;
  itemIds: readonly string[];
  boxIds: readonly string[];
}

export const GRANT_DOCUMENT_KIND = "written_grant";

export function grantDigest(g: GrantDocument): string {
  return sm3Hex(
    canonicalJson({
      ...g,
      modes: [...g.modes].sort(),
      itemIds: [...g.itemIds].sort(),
      boxIds: [...g.boxIds].sort(),
    }),
  );
}
