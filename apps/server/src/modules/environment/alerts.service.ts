// Environment alerts (D-9.4, D-9.5): listed per vault or across everything the
// actor may see (the agency its own, supervisors their districts, a client the
// vaults holding its boxes), exported, and acknowledged with a note by a
// keeper or manager of the vault's agency.
import { type Database, inTransaction } from "@dangan/db";
import { type Actor, authorize, conflict, environmentPolicy, notFound } from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { loadVault, visibleVaults } from "./vault-scope.ts";

export interface AlertFilter {
  vaultId?: string | undefined;
  agencyOrgId?: string | undefined;
  status?: "open" | "acknowledged" | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function alertsService(db: Kysely<Database>) {
  const query = (actor: Actor, f: AlertFilter) => {
    let q = db
      .selectFrom("environmentAlert as al")
      .innerJoin("vault as v", "v.id", "al.vaultId")
      .innerJoin("site as s", "s.id", "v.siteId")
      .innerJoin("organisation as ag", "ag.id", "v.agencyOrgId")
      .leftJoin("environmentSensor as es", "es.id", "al.sensorId")
      .leftJoin("appUser as u", "u.id", "al.acknowledgedBy")
      .where(visibleVaults(actor, { clients: true }));
    if (f.vaultId) q = q.where("al.vaultId", "=", f.vaultId);
    if (f.agencyOrgId) q = q.where("al.agencyOrgId", "=", f.agencyOrgId);
    if (f.status) q = q.where("al.status", "=", f.status);
    if (f.kind) q = q.where("al.kind", "=", f.kind as "lux_high");
    if (f.from) q = q.where("al.lastAt", ">=", new Date(f.from));
    if (f.to) q = q.where("al.firstAt", "<=", new Date(f.to));
    return q;
  };

  const columns = (q: ReturnType<typeof query>) =>
    q
      .selectAll("al")
      .select([
        "v.code as vaultCode",
        "v.name as vaultName",
        "ag.name as agencyName",
        "es.code as sensorCode",
        "u.displayName as acknowledgedByName",
      ])
      .orderBy("al.status", "desc")
      .orderBy("al.lastAt", "desc");

  return {
    async list(actor: Actor, f: AlertFilter, page: number, pageSize: number) {
      const q = query(actor, f);
      const [items, count] = await Promise.all([
        columns(q)
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    rows: (actor: Actor, f: AlertFilter, limit: number) => columns(query(actor, f)).limit(limit).execute(),

    async acknowledge(actor: Actor, id: string, note: string) {
      const found = await db
        .selectFrom("environmentAlert")
        .select("vaultId")
        .where("id", "=", id)
        .executeTakeFirst();
      if (!found) throw notFound("alert", id);
      const vault = await loadVault(db, actor, found.vaultId).catch(() => {
        throw notFound("alert", id);
      });
      authorize(environmentPolicy.acknowledgeAlert(actor, vault.relation), "acknowledge this alert");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const a = await trx
          .selectFrom("environmentAlert")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (a.status !== "open")
          throw conflict("ALERT_ALREADY_ACKNOWLEDGED", {
            zh: "告警已确认",
            en: "The alert is already acknowledged",
          });
        const now = new Date();
        const userId = actor.type === "user" ? actor.userId : null;
        await trx
          .updateTable("environmentAlert")
          .set({
            status: "acknowledged",
            acknowledgedBy: userId,
            acknowledgedAt: now,
            acknowledgementNote: note,
          })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: "environment.alert_acknowledged",
          entityType: "environment_alert",
          entityId: id,
          payload: { vaultId: a.vaultId, kind: a.kind, occurrences: a.occurrences, note },
          scopeOrgIds: [a.agencyOrgId],
        });
        return { id, status: "acknowledged" as const, acknowledgedAt: now };
      });
    },
  };
}
export type AlertsService = ReturnType<typeof alertsService>;
