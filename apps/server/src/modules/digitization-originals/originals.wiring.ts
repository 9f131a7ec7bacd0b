// Wires the originals services (Z-6.1–Z-8.1). `recordStationHandover` and
// `stopVolume` are exported for the quality-control helper's correction loop and
// automatic screening; `originalsReturnComplete` for the final acceptance.
import type { Deps } from "../../context.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { chainService } from "./chain.service.ts";
import { handoversService } from "./handovers.service.ts";
import { originalsRepository } from "./originals.repository.ts";
import { originalsContext } from "./originals-context.ts";
import { stopsService } from "./stops.service.ts";
import { volumesService } from "./volumes.service.ts";

export function digitizationOriginalsService(
  deps: Deps,
  projects: ProjectsService,
  confirmations: ConfirmationsService,
  incidents: IncidentsService,
) {
  const project = originalsContext(projects);
  const repo = originalsRepository(deps.dbh.db);
  const chain = chainService(deps, project, repo);
  const stops = stopsService(deps, project, repo, incidents);
  const handovers = handoversService(deps, project, repo, confirmations);
  return {
    volumes: volumesService(deps, project, repo),
    chain,
    stops,
    handovers,
    /** Z-7.2: THE one way a volume moves between workstations. */
    recordStationHandover: chain.recordStationHandover,
    recordStationHandoverIn: chain.recordStationHandoverIn,
    /** Z-7.3: stops a volume at once (people, or the QC/OCR screening as the system). */
    stopVolume: stops.stopVolume,
    stopVolumeIn: stops.stopVolumeIn,
    /** Z-8.1: open points of the return of originals (for the final acceptance). */
    originalsReturnComplete: handovers.originalsReturnComplete,
  };
}
export type DigitizationOriginalsService = ReturnType<typeof digitizationOriginalsService>;
