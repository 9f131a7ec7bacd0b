// Sensors of a vault (D-9.4, D-9.5): registered, renamed, moved to another
// zone, deactivated, and given new credentials — each change audited. The
// secret and token are returned once and never again.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  type CarrierZone,
  conflict,
  environmentPolicy,
  notFound,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor } from "../../lib/audit-actor.ts";
import {
  encryptSecret,
  newCredentials,
  type SensorCredentials,
  tokenHash,
  tokenPrefix,
} from "./sensor-credentials.ts";
import type { SensorDirectory } from "./sensor-directory.ts";
import { loadVault } from "./vault-scope.ts";

export interface SensorInput {
  code: string;
  name: string;
  zone?: CarrierZone | null | undefined;
}

export interface SensorPatch {
  name?: string | undefined;
  zone?: CarrierZone | null | undefined;
  active?: boolean | undefined;
}

const PUBLIC_COLUMNS = [
  "id",
  "vaultId",
  "code",
  "name",
  "zone",
  "tokenPrefix",
  "active",
  "refusedCount",
  "lastRefusal",
  "lastRefusedAt",
  "createdAt",
] as const;

const sensorCodeTaken = (code: string) =>
  conflict(
    "SENSOR_CODE_TAKEN",
    { zh: `传感器编号“${code}”已被使用`, en: `The sensor code "${code}" is already in use` },
    { code },
  );

export function sensorsService(db: Kysely<Database>, key: Buffer, directory: SensorDirectory) {
  const withCredentials = (c: SensorCredentials) => ({
    secretEnc: encryptSecret(c.secret, key),
    tokenHash: tokenHash(c.token),
    tokenPrefix: tokenPrefix(c.token),
  });

  /** The sensor with its vault, or NOT_FOUND; FORBIDDEN unless the actor may manage it. */
  async function manageable(actor: Actor, id: string) {
    const s = await db.selectFrom("environmentSensor").selectAll().where("id", "=", id).executeTakeFirst();
    if (!s) throw notFound("sensor", id);
    const vault = await loadVault(db, actor, s.vaultId).catch(() => {
      throw notFound("sensor", id);
    });
    authorize(environmentPolicy.manageSensors(actor, vault.relation), "manage this vault's sensors");
    return s;
  }

  return {
    async list(vaultId: string) {
      return db
        .selectFrom("environmentSensor")
        .select(PUBLIC_COLUMNS)
        .where("vaultId", "=", vaultId)
        .orderBy("code")
        .execute();
    },

    async register(actor: Actor, vaultId: string, input: SensorInput) {
      const vault = await loadVault(db, actor, vaultId);
      authorize(environmentPolicy.manageSensors(actor, vault.relation), "register a sensor in this vault");
      const creds = newCredentials();
      const sensor = await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const taken = await trx
          .selectFrom("environmentSensor")
          .select("id")
          .where("code", "=", input.code)
          .executeTakeFirst();
        if (taken) throw sensorCodeTaken(input.code);
        const row = await trx
          .insertInto("environmentSensor")
          .values({
            vaultId,
            agencyOrgId: vault.agencyOrgId,
            code: input.code,
            name: input.name,
            zone: input.zone ?? null,
            createdBy: actor.type === "user" ? actor.userId : null,
            ...withCredentials(creds),
          })
          .returning(PUBLIC_COLUMNS)
          .executeTakeFirstOrThrow();
        audit.record({
          action: "sensor.registered",
          entityType: "environment_sensor",
          entityId: row.id,
          payload: { vaultId, code: row.code, name: row.name, zone: row.zone, tokenPrefix: row.tokenPrefix },
          scopeOrgIds: [vault.agencyOrgId],
        });
        return row;
      });
      directory.forget(sensor.id, sensor.code);
      return { sensor, ...creds };
    },

    async update(actor: Actor, id: string, patch: SensorPatch) {
      const before = await manageable(actor, id);
      const row = await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const after = await trx
          .updateTable("environmentSensor")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returning(PUBLIC_COLUMNS)
          .executeTakeFirstOrThrow();
        audit.record({
          action: "sensor.updated",
          entityType: "environment_sensor",
          entityId: id,
          payload: {
            before: { name: before.name, zone: before.zone, active: before.active },
            after: { name: after.name, zone: after.zone, active: after.active },
          },
          scopeOrgIds: [before.agencyOrgId],
        });
        return after;
      });
      directory.forget(id, before.code);
      return row;
    },

    /** New secret and token; the old ones stop working at once. */
    async rotate(actor: Actor, id: string) {
      const s = await manageable(actor, id);
      const creds = newCredentials();
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        const c = withCredentials(creds);
        await trx
          .updateTable("environmentSensor")
          .set({ ...c, updatedAt: new Date() })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: "sensor.credentials_rotated",
          entityType: "environment_sensor",
          entityId: id,
          payload: { code: s.code, tokenPrefix: c.tokenPrefix },
          scopeOrgIds: [s.agencyOrgId],
        });
      });
      directory.forget(id, s.code);
      return { id, code: s.code, tokenPrefix: tokenPrefix(creds.token), ...creds };
    },
  };
}
export type SensorsService = ReturnType<typeof sensorsService>;
