// D-9.4, D-9.5: the limits in force for an agency's carrier zones — the
// standard, the installation's configuration, the agency's stricter settings.
// Ingestion asks for them on every batch, so they are cached for a short while.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  assertStricterLimits,
  authorize,
  CARRIER_ZONES,
  type CarrierZone,
  type EffectiveLimits,
  EMPTY_OVERRIDE,
  effectiveLimits,
  environmentPolicy,
  installationLimits,
  type LimitOverride,
  notFound,
  supervises,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { organisationsRepository } from "../organisations/organisations.repository.ts";

const CACHE_MS = 30_000;
const FIELDS = [
  "temperatureMin",
  "temperatureMax",
  "humidityMin",
  "humidityMax",
  "maxLux",
  "swingTemperatureC",
  "swingHumidityPct",
] as const satisfies readonly (keyof LimitOverride)[];

async function overridesOf(db: Kysely<Database>, agencyOrgId: string) {
  const rows = await db
    .selectFrom("environmentLimit")
    .selectAll()
    .where("agencyOrgId", "=", agencyOrgId)
    .execute();
  const out = new Map<string, LimitOverride>();
  for (const r of rows) {
    const o: LimitOverride = { ...EMPTY_OVERRIDE };
    for (const f of FIELDS) o[f] = r[f];
    out.set(r.zone, o);
  }
  return out;
}

export function limitsService({ dbh: { db }, config }: Deps) {
  const inst = config.environment.limits;
  const cache = new Map<string, { at: number; overrides: Map<string, LimitOverride> }>();

  async function cached(agencyOrgId: string) {
    const hit = cache.get(agencyOrgId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.overrides;
    const overrides = await overridesOf(db, agencyOrgId);
    cache.set(agencyOrgId, { at: Date.now(), overrides });
    return overrides;
  }

  /** Who may read an agency's limits: the agency, its supervisors, clients working with it. */
  async function readableAgency(actor: Actor, agencyOrgId: string) {
    const org = await db
      .selectFrom("organisation")
      .select(["id", "kind", "district"])
      .where("id", "=", agencyOrgId)
      .executeTakeFirst();
    if (org?.kind !== "agency") throw notFound("agency", agencyOrgId);
    const ok =
      actor.type === "system" ||
      actor.orgId === org.id ||
      supervises(actor, org.district) ||
      (await organisationsRepository(db).sharesProject(actor.orgId, org.id));
    if (!ok) throw notFound("agency", agencyOrgId);
    return org;
  }

  return {
    /** The limits for one zone of an agency (cached). */
    async effectiveFor(agencyOrgId: string, zone: CarrierZone): Promise<EffectiveLimits> {
      const o = (await cached(agencyOrgId)).get(zone) ?? EMPTY_OVERRIDE;
      return effectiveLimits(installationLimits(zone, inst), o);
    },

    async list(actor: Actor, agencyOrgId: string) {
      await readableAgency(actor, agencyOrgId);
      const overrides = await overridesOf(db, agencyOrgId);
      return {
        agencyOrgId,
        mayEdit: environmentPolicy.setLimits(actor, agencyOrgId),
        zones: CARRIER_ZONES.map((zone) => {
          const base = installationLimits(zone, inst);
          const override = overrides.get(zone) ?? EMPTY_OVERRIDE;
          return { zone, base, override, effective: effectiveLimits(base, override) };
        }),
      };
    },

    /** D-9.4: stricter only; the whole set for the zone is replaced (null = standard). */
    async set(actor: Actor, agencyOrgId: string, zone: CarrierZone, override: LimitOverride) {
      await readableAgency(actor, agencyOrgId);
      authorize(environmentPolicy.setLimits(actor, agencyOrgId), "set this agency's environment limits");
      const base = installationLimits(zone, inst);
      assertStricterLimits(base, override);
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const before = await trx
          .selectFrom("environmentLimit")
          .selectAll()
          .where("agencyOrgId", "=", agencyOrgId)
          .where("zone", "=", zone)
          .executeTakeFirst();
        const values = {
          ...override,
          updatedBy: actor.type === "user" ? actor.userId : null,
          updatedAt: new Date(),
        };
        await trx
          .insertInto("environmentLimit")
          .values({ agencyOrgId, zone, ...values })
          .onConflict((oc) => oc.columns(["agencyOrgId", "zone"]).doUpdateSet(values))
          .execute();
        audit.record({
          action: "environment.limits_set",
          entityType: "organisation",
          entityId: agencyOrgId,
          payload: {
            zone,
            before: before ? Object.fromEntries(FIELDS.map((f) => [f, before[f]])) : null,
            after: override,
          },
          scopeOrgIds: [agencyOrgId],
        });
      });
      cache.delete(agencyOrgId);
      return effectiveLimits(base, override);
    },
  };
}
export type LimitsService = ReturnType<typeof limitsService>;
