// Wires digitization QC (Z-7.4): deliveries and their checks, the client's
// review, reports and previews (services.ts adds this under `digitizationQc`).
import type { Deps } from "../../context.ts";
import type { DigitizationOriginalsService } from "../digitization-originals/originals.wiring.ts";
import type { MarkScreener } from "../page-intelligence/mark-screener.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { qcRepository } from "./qc.repository.ts";
import { qcAccess } from "./qc-access.ts";
import { qcDeliveriesService } from "./qc-deliveries.service.ts";
import { qcReportsService } from "./qc-reports.service.ts";
import { qcReviewService } from "./qc-review.service.ts";

export function digitizationQcService(
  deps: Deps,
  projects: ProjectsService,
  originals: DigitizationOriginalsService,
  screener: MarkScreener,
) {
  const repo = qcRepository(deps.dbh.db);
  const access = qcAccess(projects, repo);
  // Z-7.3: a mark found by the screening stops its volume through the originals' stop.
  const deliveries = qcDeliveriesService(deps, repo, access, {
    screener,
    stopVolumeIn: originals.stopVolumeIn,
  });
  const review = qcReviewService(deps, repo, access, originals);
  return { deliveries, review, reports: qcReportsService(deps, repo, access, review) };
}
export type DigitizationQcService = ReturnType<typeof digitizationQcService>;
