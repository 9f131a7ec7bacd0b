// D-9.1: may this box go to that location? The one placement rule lives in
// facilities/placement.ts (zone fits the carrier, room left, the agency's own
// vault); shelving adds the vault's name for the answer.
import type { Tx } from "@dangan/db";
import { checkPlacement } from "../facilities/placement.ts";

export async function placeBox(
  trx: Tx,
  box: { id: string; carrier: string; agencyOrgId: string },
  locationId: string,
) {
  const loc = await checkPlacement(trx, box.carrier, locationId, {
    boxId: box.id,
    agencyOrgId: box.agencyOrgId,
  });
  const vault = await trx
    .selectFrom("vault")
    .select("name")
    .where("id", "=", loc.vaultId)
    .executeTakeFirstOrThrow();
  return { id: loc.id, code: loc.code, vaultName: vault.name };
}
