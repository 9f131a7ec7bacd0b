// The facilities module: sites and rooms, vaults and keys, cameras and fire
// alarms, protective equipment, staff, locations and their labels, and the
// compliance check. One object so that routes, the CLI, demo data and other
// modules (inspections, placement) share the same rules.
import type { Actor } from "@dangan/domain";
import { CARRIER_ZONE_LABELS, type CarrierZone, DomainError } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { complianceService } from "./compliance.service.ts";
import { equipmentService } from "./equipment.service.ts";
import { facilitiesAccess } from "./facilities.access.ts";
import { locationLabelsPdf } from "./labels-pdf.ts";
import { locationsService } from "./locations.service.ts";
import { checkPlacement } from "./placement.ts";
import { securityService } from "./security.service.ts";
import { sitesService } from "./sites.service.ts";
import { staffService } from "./staff.service.ts";
import { vaultsService } from "./vaults.service.ts";

/** One PDF holds at most this many labels; print a large vault row by row. */
export const MAX_LABELS = 5000;

export interface LabelFilter {
  row?: number | undefined;
  zone?: string | undefined;
  q?: string | undefined;
}

export function facilitiesService({ dbh: { db } }: Deps) {
  const access = facilitiesAccess(db);
  const compliance = complianceService(db, access);
  const locations = locationsService(db, access);

  return {
    access,
    sites: sitesService(db, access),
    vaults: vaultsService(db, access),
    security: securityService(db, access),
    equipment: equipmentService(db, access),
    staff: staffService(db, access),
    locations,
    /** D-9.1, for modules that shelve boxes: see placement.ts. */
    checkPlacement,
    /** Findings for one vault (issue 6 pre-fills inspection checklists from these). */
    compliance: compliance.compliance,
    agencyCompliance: compliance.agencySummary,
    areaCompliance: compliance.areaSummary,

    /** Printable labels of a vault's locations (Code 128 of each location code). */
    async labels(actor: Actor, vaultId: string, f: LabelFilter) {
      const page = await locations.list(actor, vaultId, f, 1, MAX_LABELS + 1);
      if (page.total > MAX_LABELS)
        throw new DomainError({
          code: "TOO_MANY_LABELS",
          status: 422,
          message: {
            zh: `一次最多打印 ${MAX_LABELS} 个标签（本次 ${page.total} 个），请按排筛选`,
            en: `At most ${MAX_LABELS} labels per PDF (${page.total} selected); filter by row`,
          },
        });
      const v = await db
        .selectFrom("vault as v")
        .innerJoin("organisation as a", "a.id", "v.agencyOrgId")
        .select(["v.code", "v.name", "a.name as agencyName"])
        .where("v.id", "=", vaultId)
        .executeTakeFirstOrThrow();
      const pdf = await locationLabelsPdf(
        {
          agencyName: v.agencyName,
          vaultCode: v.code,
          vaultName: v.name,
          zoneName: (z) => CARRIER_ZONE_LABELS[z as CarrierZone]?.zh ?? z,
        },
        page.items,
      );
      return { pdf, vaultCode: v.code, count: page.items.length };
    },
  };
}
export type FacilitiesService = ReturnType<typeof facilitiesService>;
