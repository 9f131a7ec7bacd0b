// D-9.1: where the agency can shelve a batch's boxes — its vaults' locations
// with room left, searchable by code, with their carrier zone.
import type { Database } from "@dangan/db";
import { type Actor, authorize, intakePolicy } from "@dangan/domain";
import type { Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";
import { batchParties } from "./intake.repository.ts";
import type { IntakeService } from "./intake.service.ts";

export function intakeLocations(db: Kysely<Database>, intake: IntakeService) {
  return async function locations(actor: Actor, batchId: string, q?: string) {
    const b = await intake.readable(actor, batchId);
    authorize(intakePolicy.handleBoxes(actor, batchParties(b)), "shelve this batch's boxes");
    const held = (eb: import("kysely").ExpressionBuilder<Database & { l: Database["location"] }, "l">) =>
      eb
        .selectFrom("box as x")
        .where((w) =>
          w.or([w("x.locationId", "=", w.ref("l.id")), w("x.homeLocationId", "=", w.ref("l.id"))]),
        )
        .select((e) => e.fn.countAll<number>().as("n"));
    let query = db
      .selectFrom("location as l")
      .innerJoin("vault as v", "v.id", "l.vaultId")
      .select((eb) => [
        "l.id",
        "l.code",
        "l.zone",
        "l.capacity",
        "v.name as vaultName",
        "v.code as vaultCode",
        held(eb).as("held"),
      ])
      .where("v.agencyOrgId", "=", b.agencyOrgId)
      .where((eb) => eb(held(eb), "<", eb.ref("l.capacity")))
      .orderBy("v.code")
      .orderBy("l.code")
      .limit(50);
    if (q) query = query.where("l.code", "ilike", likePattern(q));
    const rows = await query.execute();
    return rows.map((r) => ({ ...r, held: Number(r.held ?? 0) }));
  };
}
