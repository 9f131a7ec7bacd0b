// Wires the oversight services (G-7): inspections, rectification orders,
// notices and the yearly spot-check plan share one repository.
import type { Deps } from "../../context.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import type { Compliance } from "./facts.ts";
import type { InspectionsService } from "./inspections.service.ts";
import { inspectionsService } from "./inspections.service.ts";
import { noticesService } from "./notices.service.ts";
import { oversightRepository } from "./oversight.repository.ts";
import { rectificationsService } from "./rectifications.service.ts";
import { samplingService } from "./sampling.service.ts";

export function oversightServices(deps: Deps, projects: ProjectsService, compliance: Compliance) {
  const repo = oversightRepository(deps.dbh.db);
  const inspections: InspectionsService = inspectionsService(deps, projects, repo, compliance);
  return {
    inspections,
    rectifications: rectificationsService(deps, repo, inspections),
    notices: noticesService(deps, repo, inspections),
    sampling: samplingService(deps, inspections),
  };
}
export type OversightServices = ReturnType<typeof oversightServices>;
