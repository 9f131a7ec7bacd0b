// Which vaults an actor may read, as SQL (lists) and as a lookup that answers
// NOT_FOUND for a vault the actor may not see. Shared by the environment and
// vault-access modules; the rule itself is vaultRelation in @dangan/domain.
import type { Database } from "@dangan/db";
import { type Actor, notFound, readScope, type VaultRelation, vaultRelation } from "@dangan/domain";
import type { ExpressionBuilder, Kysely } from "kysely";

type From = Database & { v: Database["vault"]; s: Database["site"]; ag: Database["organisation"] };

/** Boxes of `orgId` shelved in, or belonging on a shelf of, vault `v`. */
const holdsBoxes = (eb: ExpressionBuilder<From, "v">, orgId: string) =>
  eb.exists(
    eb
      .selectFrom("box as b")
      .innerJoin("location as l", (j) =>
        j.on((e) => e.or([e("l.id", "=", e.ref("b.locationId")), e("l.id", "=", e.ref("b.homeLocationId"))])),
      )
      .select("b.id")
      .whereRef("l.vaultId", "=", "v.id")
      .where("b.clientOrgId", "=", orgId),
  );

/** Rows of `vault as v` joined with `site as s` and `organisation as ag` the actor may read. */
export function visibleVaults(actor: Actor, opts: { clients: boolean }) {
  const scope = readScope(actor);
  return (eb: ExpressionBuilder<From, "v" | "s" | "ag">) => {
    if (scope.kind === "all") return eb.val(true);
    if (scope.kind === "districts")
      return eb.or([eb("ag.district", "in", scope.districts), eb("s.district", "in", scope.districts)]);
    const own = eb("v.agencyOrgId", "=", scope.orgId);
    return opts.clients && actor.type === "user" && actor.orgKind === "client"
      ? eb.or([own, holdsBoxes(eb, scope.orgId)])
      : own;
  };
}

export const vaultsJoined = (db: Kysely<Database>) =>
  db
    .selectFrom("vault as v")
    .innerJoin("site as s", "s.id", "v.siteId")
    .innerJoin("organisation as ag", "ag.id", "v.agencyOrgId");

export interface ScopedVault {
  id: string;
  code: string;
  name: string;
  agencyOrgId: string;
  agencyName: string;
  agencyDistrict: string;
  siteName: string;
  siteDistrict: string | null;
  keeperUserId: string | null;
  relation: VaultRelation;
}

/** The vault and the actor's relation to it, or NOT_FOUND. */
export async function loadVault(
  db: Kysely<Database>,
  actor: Actor,
  vaultId: string,
  opts: { clients: boolean } = { clients: true },
): Promise<ScopedVault> {
  const v = await vaultsJoined(db)
    .select([
      "v.id",
      "v.code",
      "v.name",
      "v.agencyOrgId",
      "v.keeperUserId",
      "ag.name as agencyName",
      "ag.district as agencyDistrict",
      "s.name as siteName",
      "s.district as siteDistrict",
    ])
    .where("v.id", "=", vaultId)
    .executeTakeFirst();
  if (!v) throw notFound("vault", vaultId);
  const boxes =
    opts.clients && actor.type === "user" && actor.orgKind === "client"
      ? await db
          .selectFrom("vault as v")
          .select("v.id")
          .where("v.id", "=", vaultId)
          .where((eb) => holdsBoxes(eb as unknown as ExpressionBuilder<From, "v">, actor.orgId))
          .executeTakeFirst()
      : undefined;
  const relation = vaultRelation(actor, v, boxes !== undefined);
  if (!relation) throw notFound("vault", vaultId);
  return { ...v, relation };
}
