// Market view (G-5, Z-5.2): contract fees normalised per unit, their spread by
// service type and district with outliers flagged, and candidate agencies side
// by side. Fees are read in the caller's project scope; the comparison of
// agencies carries registry facts and aggregates only, no client's contract.
import type { Database } from "@dangan/db";
import {
  type Actor,
  DEFAULT_OUTLIER_RULE,
  flagPrices,
  median,
  normaliseFee,
  type OutlierRule,
  priceBand,
  readScope,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { visibleProjects } from "../projects/projects.repository.ts";

export interface FeeFilter {
  serviceType?: string | undefined;
  district?: string | undefined;
}

async function contractFees(
  db: Kysely<Database>,
  where: ReturnType<typeof visibleProjects> | null,
  f: FeeFilter,
) {
  let q = db
    .selectFrom("contract as k")
    .innerJoin("project as p", "p.id", "k.projectId")
    .innerJoin("organisation as c", "c.id", "p.clientOrgId")
    .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
    .where("k.price", "is not", null)
    .where("p.status", "!=", "cancelled");
  if (where) q = q.where(where);
  if (f.serviceType) q = q.where("p.serviceType", "=", f.serviceType as "custody");
  if (f.district) q = q.where("a.district", "=", f.district);
  const rows = await q
    .select([
      "k.id as contractId",
      "p.id as projectId",
      "p.code as projectCode",
      "p.name as projectName",
      "p.serviceType",
      "p.agencyOrgId",
      "a.name as agencyName",
      "a.district as agencyDistrict",
      "c.name as clientName",
      "k.price",
      "k.pricingUnit",
      "k.quantity",
      "k.quantityUnit",
      "k.termStart",
      "k.termEnd",
      "k.status as contractStatus",
    ])
    .limit(20_000)
    .execute();
  return rows.flatMap((r) => {
    const fee = normaliseFee(r);
    return fee ? [{ ...r, unit: fee.unit, unitPrice: fee.value }] : [];
  });
}

/** Flags each fee against the others of its service type and unit (G-5). */
function flagged<T extends { serviceType: string; unit: string; unitPrice: number }>(
  rows: T[],
  rule: OutlierRule,
) {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = `${r.serviceType}/${r.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: (T & { flag: ReturnType<typeof flagPrices>[number] })[] = [];
  const bands = [];
  for (const [key, g] of groups) {
    const prices = g.map((r) => r.unitPrice);
    const flags = flagPrices(prices, rule);
    g.forEach((r, i) => {
      out.push({ ...r, flag: flags[i] ?? null });
    });
    const [serviceType, unit] = key.split("/") as [string, string];
    bands.push({ serviceType, unit, ...priceBand(prices, rule) });
  }
  return { rows: out, bands };
}

export function marketService({ dbh: { db } }: Deps) {
  return {
    /** G-5: normalised fees in my scope, their bands, per-district medians, outliers flagged. */
    async fees(actor: Actor, f: FeeFilter, rule: OutlierRule = DEFAULT_OUTLIER_RULE) {
      const rows = await contractFees(db, visibleProjects(readScope(actor)), f);
      const { rows: items, bands } = flagged(rows, rule);
      const byDistrict = new Map<string, number[]>();
      for (const r of items) {
        const key = `${r.serviceType}/${r.unit}/${r.agencyDistrict}`;
        byDistrict.set(key, [...(byDistrict.get(key) ?? []), r.unitPrice]);
      }
      return {
        rule,
        items: items.sort((a, b) => a.serviceType.localeCompare(b.serviceType) || a.unitPrice - b.unitPrice),
        bands,
        districts: [...byDistrict].map(([key, prices]) => {
          const [serviceType, unit, district] = key.split("/") as [string, string, string];
          return { serviceType, unit, district, n: prices.length, median: median(prices) };
        }),
      };
    },

    /**
     * Z-5.2: candidate agencies side by side — qualifications, staff, inspection
     * findings, incidents, acceptance results and median prices (market-wide aggregates).
     */
    async compare(_actor: Actor, agencyIds: string[]) {
      const agencies = await db
        .selectFrom("organisation as a")
        .select([
          "a.id",
          "a.name",
          "a.district",
          "a.serviceTypes",
          "a.licenceNumber",
          "a.registrationStatus",
          "a.foreignBacked",
          (eb) =>
            eb
              .selectFrom("staffMember as s")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("s.agencyOrgId", "=", "a.id")
              .where("s.active", "=", true)
              .as("staffCount"),
          (eb) =>
            eb
              .selectFrom("staffMember as s")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("s.agencyOrgId", "=", "a.id")
              .where("s.active", "=", true)
              .where("s.titleLevel", "in", ["intermediate", "senior"])
              .as("titledStaffCount"),
          (eb) =>
            eb
              .selectFrom("incident as i")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("i.agencyOrgId", "=", "a.id")
              .as("incidentCount"),
          (eb) =>
            eb
              .selectFrom("incident as i")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("i.agencyOrgId", "=", "a.id")
              .where("i.severity", "=", "critical")
              .as("criticalIncidentCount"),
          (eb) =>
            eb
              .selectFrom("inspectionFinding as f")
              .innerJoin("inspection as n", "n.id", "f.inspectionId")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("n.agencyOrgId", "=", "a.id")
              .where("n.kind", "!=", "self_check")
              .as("findingCount"),
          (eb) =>
            eb
              .selectFrom("project as p")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("p.agencyOrgId", "=", "a.id")
              .where("p.status", "=", "completed")
              .as("completedProjects"),
          (eb) =>
            eb
              .selectFrom("project as p")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("p.agencyOrgId", "=", "a.id")
              .as("projectCount"),
          // Z-5.2: equipment — protective equipment of its vaults, its own devices on digitization sites.
          (eb) =>
            eb
              .selectFrom("protectiveEquipment as q")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("q.agencyOrgId", "=", "a.id")
              .where("q.status", "!=", "retired")
              .as("equipmentCount"),
          (eb) =>
            eb
              .selectFrom("digitizationDevice as d")
              .innerJoin("project as p", "p.id", "d.projectId")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("p.agencyOrgId", "=", "a.id")
              .where("d.owner", "=", "agency")
              .as("deviceCount"),
          // G-11, Z-8.2: final acceptance rounds of the agency's projects, passed and failed.
          (eb) =>
            eb
              .selectFrom("projectAcceptance as x")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("x.agencyOrgId", "=", "a.id")
              .where("x.verdict", "=", "passed")
              .as("acceptancesPassed"),
          (eb) =>
            eb
              .selectFrom("projectAcceptance as x")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("x.agencyOrgId", "=", "a.id")
              .where("x.verdict", "=", "failed")
              .as("acceptancesFailed"),
        ])
        .where("a.kind", "=", "agency")
        .where("a.id", "in", agencyIds)
        .execute();
      const fees = await contractFees(db, null, {});
      return {
        items: agencies.map((a) => {
          const mine = fees.filter((r) => r.agencyOrgId === a.id);
          const units = [...new Set(mine.map((r) => `${r.serviceType}/${r.unit}`))];
          return {
            ...a,
            staffCount: Number(a.staffCount),
            titledStaffCount: Number(a.titledStaffCount),
            incidentCount: Number(a.incidentCount),
            criticalIncidentCount: Number(a.criticalIncidentCount),
            findingCount: Number(a.findingCount),
            completedProjects: Number(a.completedProjects),
            projectCount: Number(a.projectCount),
            equipmentCount: Number(a.equipmentCount),
            deviceCount: Number(a.deviceCount),
            acceptancesPassed: Number(a.acceptancesPassed),
            acceptancesFailed: Number(a.acceptancesFailed),
            prices: units.map((key) => {
              const [serviceType, unit] = key.split("/") as [string, string];
              const prices = mine.filter((r) => `${r.serviceType}/${r.unit}` === key).map((r) => r.unitPrice);
              return { serviceType, unit, median: median(prices), contracts: prices.length };
            }),
          };
        }),
      };
    },
  };
}
export type MarketService = ReturnType<typeof marketService>;
