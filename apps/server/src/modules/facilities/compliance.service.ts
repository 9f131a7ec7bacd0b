// The compliance check of a vault against Annex 1 §5, §6 and §9: the vault's
// measurements, cameras and fire alarms, site checklist and rooms, emergency
// plan, equipment upkeep, custody of keys and the agency's staff. Every finding
// names its clause, the measured value and the requirement. Regulators read it;
// inspections (issue 6) pre-fill their checklists from `compliance()`.
import type { Database, Vault } from "@dangan/db";
import {
  type Actor,
  CCTV_RETENTION_DEFAULT,
  checkCameras,
  checkCapability,
  checkEmergencyPlan,
  checkEquipment,
  checkFireAlarms,
  checkKeyCustody,
  checkRooms,
  checkSite,
  checkSiteSafety,
  checkStaff,
  checkVault,
  EQUIPMENT_GROUPS,
  type Finding,
  readScope,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { agencyVisible, type FacilitiesAccess } from "./facilities.access.ts";
import { todayInShanghai } from "./facilities.common.ts";

export interface ComplianceOptions {
  /** D-5.10 sets no figure; CCTV_RETENTION_DEFAULT applies when absent. */
  minRetentionDays?: number | undefined;
}

const summarise = (findings: readonly Finding[]) => {
  const failed = findings.filter((f) => !f.ok);
  return {
    total: findings.length,
    passed: findings.length - failed.length,
    failed: failed.length,
    failedClauses: [...new Set(failed.map((f) => f.clause))],
  };
};

/** Which minimum retention applied, and whether it is the project default or the caller's. */
const settingsFor = (opts: ComplianceOptions) => ({
  minRetentionDays:
    opts.minRetentionDays === undefined
      ? {
          value: CCTV_RETENTION_DEFAULT.days,
          source: CCTV_RETENTION_DEFAULT.source,
          status: CCTV_RETENTION_DEFAULT.status,
        }
      : { value: opts.minRetentionDays, source: "set by the request", status: "REQUESTED" },
});

export function complianceService(db: Kysely<Database>, access: FacilitiesAccess) {
  const staffOf = (agencyOrgId: string) =>
    db
      .selectFrom("staffMember")
      .select(["archiveProfessional", "titleLevel"])
      .where("agencyOrgId", "=", agencyOrgId)
      .where("active", "=", true)
      .execute();

  /** The findings for one vault; no access check (callers do it). */
  async function evaluate(v: Vault, opts: ComplianceOptions, staff?: Awaited<ReturnType<typeof staffOf>>) {
    const today = todayInShanghai();
    const minRetentionDays = opts.minRetentionDays ?? CCTV_RETENTION_DEFAULT.days;
    const siteOrVault = <T extends "camera" | "fireAlarm" | "protectiveEquipment">(table: T) =>
      db
        .selectFrom(table as "camera")
        .where("siteId", "=", v.siteId)
        .where((eb) => eb.or([eb("vaultId", "is", null), eb("vaultId", "=", v.id)]));
    const [site, rooms, cameras, alarms, equipment, holders, keeper, people] = await Promise.all([
      db.selectFrom("site").selectAll().where("id", "=", v.siteId).executeTakeFirstOrThrow(),
      db
        .selectFrom("facilityRoom")
        .select(["roomFunction", "areaM2"])
        .where("siteId", "=", v.siteId)
        .execute(),
      siteOrVault("camera").select(["covers", "recordingAllDay", "retentionDays"]).execute(),
      siteOrVault("fireAlarm").select("covers").execute(),
      db
        .selectFrom("protectiveEquipment")
        .select(["kind", "status", "nextDueOn"])
        .where("siteId", "=", v.siteId)
        .where((eb) => eb.or([eb("vaultId", "is", null), eb("vaultId", "=", v.id)]))
        .execute(),
      db
        .selectFrom("vaultKeyHolder as h")
        .innerJoin("appUser as u", "u.id", "h.userId")
        .select("h.userId")
        .distinct()
        .where("h.vaultId", "=", v.id)
        .where("u.active", "=", true)
        .execute(),
      v.keeperUserId
        ? db.selectFrom("appUser").select("active").where("id", "=", v.keeperUserId).executeTakeFirst()
        : undefined,
      staff ?? staffOf(v.agencyOrgId),
    ]);
    const answers = site.checklist as Record<string, boolean>;
    const findings: Finding[] = [
      ...checkVault(v),
      ...checkCameras(
        cameras.map((c) => ({
          covers: c.covers,
          recording24h: c.recordingAllDay,
          retentionDays: c.retentionDays,
        })),
        minRetentionDays,
      ),
      ...checkFireAlarms(alarms),
      ...checkSite(answers),
      ...checkSiteSafety(answers),
      ...checkRooms(rooms),
      checkEmergencyPlan(site.emergencyPlanAttachmentId !== null),
      ...checkEquipment(equipment, today),
      ...checkKeyCustody(keeper?.active === true, holders.length),
      checkStaff(people),
      checkCapability({
        rooms: rooms.length,
        equipmentGroupsMissing: Object.entries(EQUIPMENT_GROUPS)
          .filter(
            ([, kinds]) =>
              !equipment.some(
                (e) => e.status === "in_service" && (kinds as readonly string[]).includes(e.kind),
              ),
          )
          .map(([g]) => g),
        activeStaff: people.length,
      }),
    ];
    return {
      today,
      settings: settingsFor(opts),
      siteName: site.name,
      findings,
      summary: summarise(findings),
    };
  }

  const api = {
    evaluate,

    /** Findings for a vault the actor may read (NOT_FOUND otherwise). */
    async compliance(actor: Actor, vaultId: string, opts: ComplianceOptions = {}) {
      const { row: v } = await access.vault(actor, vaultId);
      const agency = await db
        .selectFrom("organisation")
        .select("name")
        .where("id", "=", v.agencyOrgId)
        .executeTakeFirstOrThrow();
      const result = await evaluate(v, opts);
      return {
        vault: {
          id: v.id,
          code: v.code,
          name: v.name,
          siteId: v.siteId,
          agencyOrgId: v.agencyOrgId,
          agencyName: agency.name,
        },
        evaluatedAt: new Date().toISOString(),
        ...result,
      };
    },

    /** Every vault of the agency, summarised, with the agency-wide staff finding (D-6.1). */
    async agencySummary(actor: Actor, agencyOrgId: string, opts: ComplianceOptions = {}) {
      const { row: agency } = await access.agency(actor, agencyOrgId);
      const [vaults, staff] = await Promise.all([
        db.selectFrom("vault").selectAll().where("agencyOrgId", "=", agencyOrgId).orderBy("code").execute(),
        staffOf(agencyOrgId),
      ]);
      const rows = [];
      for (const v of vaults) {
        const r = await evaluate(v, opts, staff);
        rows.push({
          id: v.id,
          code: v.code,
          name: v.name,
          siteName: r.siteName,
          ...r.summary,
          failedItems: r.findings
            .filter((f) => !f.ok)
            .map((f) => ({ clause: f.clause, item: f.item, label: f.label })),
        });
      }
      return {
        agency: { id: agency.id, name: agency.name, district: agency.district },
        evaluatedAt: new Date().toISOString(),
        staff: checkStaff(staff),
        staffCount: staff.length,
        settings: settingsFor(opts),
        vaults: rows,
      };
    },

    /**
     * Every agency with vaults the actor may read, with its failed findings
     * (G-7: a regulator's view across agencies; a client's across its agencies).
     */
    async areaSummary(actor: Actor, opts: ComplianceOptions = {}) {
      const agencies = await db
        .selectFrom("vault as v")
        .innerJoin("organisation as o", "o.id", "v.agencyOrgId")
        .select(["o.id", "o.name"])
        .distinct()
        .where(agencyVisible(readScope(actor), "v.agency_org_id"))
        .orderBy("o.name")
        .execute();
      const out = [];
      for (const a of agencies) {
        const s = await api.agencySummary(actor, a.id, opts);
        const failed = s.vaults.flatMap((v) => v.failedItems.map((f) => ({ ...f, vaultCode: v.code })));
        if (!s.staff.ok)
          failed.push({ clause: s.staff.clause, item: s.staff.item, label: s.staff.label, vaultCode: "" });
        out.push({ ...s.agency, vaultCount: s.vaults.length, failedCount: failed.length, failed });
      }
      return { evaluatedAt: new Date().toISOString(), items: out };
    },
  };
  return api;
}
