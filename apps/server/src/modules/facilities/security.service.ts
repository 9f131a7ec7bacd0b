// D-5.10: cameras and fire alarms of a site, each watching the site at large
// or one of its vaults. The agency manager keeps the register.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  type CameraInput,
  conflict,
  type FireAlarmInput,
  facilityPolicy,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import type { FacilitiesAccess } from "./facilities.access.ts";
import { sameSiteVault } from "./sites.service.ts";

type Kind = "camera" | "fireAlarm";
const ACTION = {
  camera: { saved: "camera.saved", deleted: "camera.deleted", entity: "camera" },
  fireAlarm: { saved: "fire_alarm.saved", deleted: "fire_alarm.deleted", entity: "fire_alarm" },
} as const;

export function securityService(db: Kysely<Database>, access: FacilitiesAccess) {
  async function codeFree(trx: Kysely<Database>, table: Kind, siteId: string, code: string, except?: string) {
    let q = trx.selectFrom(table).select("id").where("siteId", "=", siteId).where("code", "=", code);
    if (except) q = q.where("id", "!=", except);
    if (await q.executeTakeFirst())
      throw conflict("DEVICE_CODE_TAKEN", {
        zh: `编号 ${code} 已被使用`,
        en: `Code ${code} is already used`,
      });
  }

  function add<I extends CameraInput | FireAlarmInput>(table: Kind) {
    return (actor: Actor, siteId: string, input: I) =>
      inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { row: site, rel } = await access.site(actor, siteId, trx);
        authorize(facilityPolicy.manage(actor, rel), "register security devices at this site");
        if (input.vaultId) await sameSiteVault(trx, siteId, input.vaultId);
        await codeFree(trx, table, siteId, input.code);
        const row = await trx
          .insertInto(table)
          .values({ ...(input as CameraInput & FireAlarmInput), siteId, agencyOrgId: site.agencyOrgId })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: ACTION[table].saved,
          entityType: ACTION[table].entity,
          entityId: row.id,
          payload: { siteId, ...input, ...operatorNote(actor) },
          scopeOrgIds: [site.agencyOrgId],
        });
        return row;
      });
  }

  async function managed(actor: Actor, table: Kind, id: string, trx: Kysely<Database>) {
    const row = await trx.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst();
    const { rel } = await access.related(actor, ACTION[table].entity, row, trx);
    authorize(facilityPolicy.manage(actor, rel), "change this device");
    return row!;
  }

  function update<I extends CameraInput | FireAlarmInput>(table: Kind) {
    return (actor: Actor, id: string, patch: Partial<I>) =>
      inTransaction(db, auditActor(actor), async (trx, audit) => {
        const before = await managed(actor, table, id, trx);
        if (patch.vaultId) await sameSiteVault(trx, before.siteId, patch.vaultId);
        if (patch.code) await codeFree(trx, table, before.siteId, patch.code, id);
        const row = await trx
          .updateTable(table)
          .set({ ...(patch as Partial<CameraInput & FireAlarmInput>), updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: ACTION[table].saved,
          entityType: ACTION[table].entity,
          entityId: id,
          payload: { changes: changes(before, patch), ...operatorNote(actor) },
          scopeOrgIds: [before.agencyOrgId],
        });
        return row;
      });
  }

  function remove(table: Kind) {
    return (actor: Actor, id: string) =>
      inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await managed(actor, table, id, trx);
        await trx.deleteFrom(table).where("id", "=", id).execute();
        audit.record({
          action: ACTION[table].deleted,
          entityType: ACTION[table].entity,
          entityId: id,
          payload: { siteId: row.siteId, code: row.code, ...operatorNote(actor) },
          scopeOrgIds: [row.agencyOrgId],
        });
        return { ok: true as const };
      });
  }

  return {
    addCamera: add<CameraInput>("camera"),
    updateCamera: update<CameraInput>("camera"),
    removeCamera: remove("camera"),
    addFireAlarm: add<FireAlarmInput>("fireAlarm"),
    updateFireAlarm: update<FireAlarmInput>("fireAlarm"),
    removeFireAlarm: remove("fireAlarm"),
  };
}
