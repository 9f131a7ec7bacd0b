// D-9.4, D-9.5: excursions become alerts. A vault has at most one open alert
// per kind (a partial unique index); a repeated excursion updates it (count,
// last and worst value) until a keeper or manager acknowledges it.
import type { AuditRecorder, Tx } from "@dangan/db";
import { type Excursion, type ExcursionKind, worseValue } from "@dangan/domain";
import { sql } from "kysely";

export interface AlertDraft {
  vaultId: string;
  agencyOrgId: string;
  kind: ExcursionKind;
  clauseId: string;
  zone: string;
  sensorId: string;
  firstAt: Date;
  lastAt: Date;
  occurrences: number;
  limitValue: number;
  lastValue: number;
  worstValue: number;
}

interface Source {
  vaultId: string;
  agencyOrgId: string;
  zone: string;
  sensorId: string;
  at: Date;
}

/** Folds one excursion into the batch's drafts, one per vault and kind. */
export function mergeExcursion(drafts: Map<string, AlertDraft>, r: Source, e: Excursion) {
  const k = `${r.vaultId}|${e.kind}`;
  const d = drafts.get(k);
  if (!d) {
    drafts.set(k, {
      vaultId: r.vaultId,
      agencyOrgId: r.agencyOrgId,
      kind: e.kind,
      clauseId: e.clause,
      zone: r.zone,
      sensorId: r.sensorId,
      firstAt: r.at,
      lastAt: r.at,
      occurrences: 1,
      limitValue: e.limit,
      lastValue: e.value,
      worstValue: e.value,
    });
    return;
  }
  d.occurrences++;
  d.worstValue = worseValue(e.kind, d.worstValue, e.value);
  if (r.at < d.firstAt) d.firstAt = r.at;
  if (r.at >= d.lastAt)
    Object.assign(d, { lastAt: r.at, lastValue: e.value, sensorId: r.sensorId, zone: r.zone });
}

/** Opens or updates the alerts; returns the ids of those opened (audited). */
export async function raiseAlerts(trx: Tx, audit: AuditRecorder, drafts: AlertDraft[]): Promise<string[]> {
  const opened: string[] = [];
  // One statement per (vault, kind), in a fixed order so concurrent batches never deadlock.
  drafts.sort((a, b) => a.vaultId.localeCompare(b.vaultId) || a.kind.localeCompare(b.kind));
  for (const d of drafts) {
    const row = await trx
      .insertInto("environmentAlert")
      .values(d)
      .onConflict((oc) =>
        oc.columns(["vaultId", "kind"]).where(sql<boolean>`status = 'open'`).doUpdateSet({
          occurrences: sql`environment_alert.occurrences + excluded.occurrences`,
          firstAt: sql`least(environment_alert.first_at, excluded.first_at)`,
          lastAt: sql`greatest(environment_alert.last_at, excluded.last_at)`,
          lastValue: sql`case when excluded.last_at >= environment_alert.last_at then excluded.last_value else environment_alert.last_value end`,
          sensorId: sql`case when excluded.last_at >= environment_alert.last_at then excluded.sensor_id else environment_alert.sensor_id end`,
          worstValue: sql`case when environment_alert.kind in ('temperature_low', 'humidity_low') then least(environment_alert.worst_value, excluded.worst_value) else greatest(environment_alert.worst_value, excluded.worst_value) end`,
          limitValue: sql`excluded.limit_value`,
        }),
      )
      .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
      .executeTakeFirstOrThrow();
    if (!row.inserted) continue;
    opened.push(row.id);
    audit.record({
      action: "environment.alert_opened",
      entityType: "environment_alert",
      entityId: row.id,
      payload: {
        vaultId: d.vaultId,
        kind: d.kind,
        clause: d.clauseId,
        zone: d.zone,
        sensorId: d.sensorId,
        at: d.firstAt.toISOString(),
        value: d.worstValue,
        limit: d.limitValue,
      },
      scopeOrgIds: [d.agencyOrgId],
    });
  }
  return opened;
}
