// D-9.1, for every module that puts a box at a location (shelving, returns,
// relocation, inventory re-shelving): call checkPlacement inside the
// transaction that moves the box, before updating box.location_id.
import type { Database, Location } from "@dangan/db";
import {
  assertLocationHasRoom,
  assertZoneFitsCarrier,
  type CarrierZone,
  DomainError,
  notFound,
} from "@dangan/domain";
import type { Kysely } from "kysely";

export interface PlacementOptions {
  /** The box being placed: not counted if it is already at the location. */
  boxId?: string;
  /** Refuse a location in another agency's vault. */
  agencyOrgId?: string;
}

/**
 * Refuses the placement when the location's zone does not suit the carrier
 * (audiovisual and electronic carriers only in their own zones) or the
 * location already holds `capacity` boxes. Locks the location row so that two
 * concurrent placements cannot both take its last place.
 */
export async function checkPlacement(
  trx: Kysely<Database>,
  boxCarrier: string,
  locationId: string,
  opts: PlacementOptions = {},
): Promise<Location & { agencyOrgId: string }> {
  const loc = await trx
    .selectFrom("location as l")
    .innerJoin("vault as v", "v.id", "l.vaultId")
    .selectAll("l")
    .select("v.agencyOrgId")
    .where("l.id", "=", locationId)
    .forUpdate("l")
    .executeTakeFirst();
  if (!loc) throw notFound("location", locationId);
  if (opts.agencyOrgId && loc.agencyOrgId !== opts.agencyOrgId)
    throw new DomainError({
      code: "LOCATION_OF_OTHER_AGENCY",
      status: 422,
      clause: "D-9.1",
      message: { zh: "库位不属于保管该档案的机构", en: "The location is not in this agency's vaults" },
    });
  assertZoneFitsCarrier(boxCarrier, loc.zone as CarrierZone);
  let q = trx
    .selectFrom("box")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("locationId", "=", locationId);
  if (opts.boxId) q = q.where("id", "!=", opts.boxId);
  const { n } = await q.executeTakeFirstOrThrow();
  assertLocationHasRoom(loc, Number(n));
  return loc;
}
