// The environment of vaults: an overview of every vault the actor may see (its
// latest reading, sensors, open alerts) and one vault's page — the limits of
// each zone it has, its sensors with their latest readings, its open alerts.
import type { Database } from "@dangan/db";
import { type Actor, type CarrierZone, environmentPermissions } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import { likePattern, pageOf } from "../../lib/page.ts";
import type { LimitsService } from "./limits.service.ts";
import { dominantZone } from "./sensor-directory.ts";
import { loadVault, vaultsJoined, visibleVaults } from "./vault-scope.ts";

export function vaultEnvironmentService(db: Kysely<Database>, limits: LimitsService) {
  return {
    async overview(
      actor: Actor,
      f: { q?: string | undefined; agencyOrgId?: string | undefined },
      page: number,
      pageSize: number,
    ) {
      let q = vaultsJoined(db).where(visibleVaults(actor, { clients: true }));
      if (f.q)
        q = q.where((eb) =>
          eb.or([eb("v.code", "ilike", likePattern(f.q!)), eb("v.name", "ilike", likePattern(f.q!))]),
        );
      if (f.agencyOrgId) q = q.where("v.agencyOrgId", "=", f.agencyOrgId);
      const [items, count] = await Promise.all([
        q
          .leftJoinLateral(
            (eb) =>
              eb
                .selectFrom("environmentReading as r")
                .select(["r.at", "r.temperatureC", "r.humidityPct", "r.lux"])
                .whereRef("r.vaultId", "=", "v.id")
                .orderBy("r.at", "desc")
                .limit(1)
                .as("latest"),
            (join) => join.onTrue(),
          )
          .select([
            "v.id",
            "v.code",
            "v.name",
            "v.agencyOrgId",
            "ag.name as agencyName",
            "s.name as siteName",
            "latest.at as latestAt",
            "latest.temperatureC as latestTemperatureC",
            "latest.humidityPct as latestHumidityPct",
            "latest.lux as latestLux",
            sql<number>`(SELECT count(*) FROM environment_sensor es WHERE es.vault_id = v.id AND es.active)`.as(
              "sensorCount",
            ),
            sql<number>`(SELECT count(*) FROM environment_alert al WHERE al.vault_id = v.id AND al.status = 'open')`.as(
              "openAlerts",
            ),
          ])
          .orderBy("ag.name")
          .orderBy("v.code")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    async summary(actor: Actor, vaultId: string) {
      const vault = await loadVault(db, actor, vaultId);
      const [sensors, zoneRows, fallback, openAlerts] = await Promise.all([
        db
          .selectFrom("environmentSensor as es")
          .leftJoinLateral(
            (eb) =>
              eb
                .selectFrom("environmentReading as r")
                .select(["r.at", "r.temperatureC", "r.humidityPct", "r.lux"])
                .whereRef("r.sensorId", "=", "es.id")
                .orderBy("r.at", "desc")
                .limit(1)
                .as("latest"),
            (join) => join.onTrue(),
          )
          .select([
            "es.id",
            "es.code",
            "es.name",
            "es.zone",
            "es.active",
            "es.tokenPrefix",
            "es.refusedCount",
            "es.lastRefusal",
            "es.lastRefusedAt",
            "es.createdAt",
            "latest.at as latestAt",
            "latest.temperatureC as latestTemperatureC",
            "latest.humidityPct as latestHumidityPct",
            "latest.lux as latestLux",
          ])
          .where("es.vaultId", "=", vaultId)
          .orderBy("es.code")
          .execute(),
        db.selectFrom("location").select("zone").distinct().where("vaultId", "=", vaultId).execute(),
        dominantZone(db, vaultId),
        db
          .selectFrom("environmentAlert")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("vaultId", "=", vaultId)
          .where("status", "=", "open")
          .executeTakeFirstOrThrow(),
      ]);
      const zones = [
        ...new Set<CarrierZone>([
          fallback,
          ...(zoneRows.map((z) => z.zone) as CarrierZone[]),
          ...(sensors.map((s) => s.zone).filter(Boolean) as CarrierZone[]),
        ]),
      ];
      return {
        vault: { ...vault, dominantZone: fallback },
        permissions: environmentPermissions(actor, vault.relation, vault.agencyOrgId),
        zones: await Promise.all(
          zones.map(async (zone) => ({ zone, limits: await limits.effectiveFor(vault.agencyOrgId, zone) })),
        ),
        sensors: sensors.map((s) => ({ ...s, effectiveZone: (s.zone as CarrierZone | null) ?? fallback })),
        openAlerts: Number(openAlerts.n),
      };
    },
  };
}
export type VaultEnvironmentService = ReturnType<typeof vaultEnvironmentService>;
