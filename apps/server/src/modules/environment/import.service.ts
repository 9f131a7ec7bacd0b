// CSV readings (D-9.4, D-9.5) uploaded by a keeper or manager of the vault:
// validated by row and column, then stored all together — or not at all, also
// when a row repeats a reading the sensor already has.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  type CarrierZone,
  DomainError,
  duplicateHeldProblem,
  environmentPolicy,
  type ReadingImportProblem,
  readReadingCsv,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor } from "../../lib/audit-actor.ts";
import type { LimitsService } from "./limits.service.ts";
import { prefetchLimits, type ReadingRow, storeReadings } from "./readings.store.ts";
import { dominantZone } from "./sensor-directory.ts";
import { loadVault } from "./vault-scope.ts";

const PROBLEM_CAP = 1000;

export const importRefused = (problems: ReadingImportProblem[]) =>
  new DomainError({
    code: "IMPORT_INVALID",
    status: 422,
    message: {
      zh: `文件有${problems.length}处问题，未导入任何读数`,
      en: `The file has ${problems.length} problem(s); no reading was imported`,
    },
    details: { total: problems.length, problems: problems.slice(0, PROBLEM_CAP) },
  });

export function importService(db: Kysely<Database>, limits: LimitsService) {
  /** NOT_FOUND or FORBIDDEN before the upload is even read. */
  async function importable(actor: Actor, vaultId: string) {
    const vault = await loadVault(db, actor, vaultId);
    authorize(environmentPolicy.importReadings(actor, vault.relation), "import readings into this vault");
    return vault;
  }

  return {
    importable,

    async importCsv(actor: Actor, vaultId: string, text: string, filename: string) {
      const vault = await importable(actor, vaultId);
      const sensors = await db
        .selectFrom("environmentSensor")
        .select(["id", "code", "zone"])
        .where("vaultId", "=", vaultId)
        .execute();
      const byCode = new Map(sensors.map((s) => [s.code, s]));
      const { readings, problems } = readReadingCsv(text, new Set(byCode.keys()));
      if (problems.length) throw importRefused(problems);
      const fallback = await dominantZone(db, vaultId);
      const rowOf = new Map<string, number>();
      const rows: ReadingRow[] = readings.map((r) => {
        const s = byCode.get(r.sensorCode)!;
        rowOf.set(`${s.id}|${r.at.getTime()}`, r.row);
        return {
          sensorId: s.id,
          vaultId,
          agencyOrgId: vault.agencyOrgId,
          zone: (s.zone as CarrierZone | null) ?? fallback,
          at: r.at,
          temperatureC: r.temperatureC,
          humidityPct: r.humidityPct,
          lux: r.lux,
          source: "csv",
        };
      });
      const limitsOf = await prefetchLimits(rows, limits.effectiveFor);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const stored = await storeReadings(trx, audit, rows, limitsOf);
        if (stored.replayed.length)
          throw importRefused(
            stored.replayed
              .map((r) =>
                duplicateHeldProblem(rowOf.get(`${r.sensorId}|${r.at.getTime()}`) ?? 0, r.at.toISOString()),
              )
              .sort((a, b) => a.row - b.row),
          );
        const times = readings.map((r) => r.at.getTime());
        const span = times.reduce((m, t) => [Math.min(m[0]!, t), Math.max(m[1]!, t)], [Infinity, -Infinity]);
        audit.record({
          action: "environment.readings_imported",
          entityType: "vault",
          entityId: vaultId,
          payload: {
            filename,
            readings: stored.accepted,
            sensors: [...new Set(readings.map((r) => r.sensorCode))],
            from: new Date(span[0]!).toISOString(),
            to: new Date(span[1]!).toISOString(),
            alertsOpened: stored.opened.length,
          },
          scopeOrgIds: [vault.agencyOrgId],
        });
        return { imported: stored.accepted, alertsOpened: stored.opened.length };
      });
    },
  };
}
