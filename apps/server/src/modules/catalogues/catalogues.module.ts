// Wires the handover catalogue services (services.ts spreads these in).
import type { Deps } from "../../context.ts";
import type { EntityAccessResolver } from "../attachments/entity-access.ts";
import { confirmationsService } from "../confirmations/confirmations.service.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { catalogueImportsService } from "./catalogue-imports.service.ts";
import { cataloguesRepository } from "./catalogues.repository.ts";
import { cataloguesService } from "./catalogues.service.ts";

export function catalogueServices(deps: Deps, projects: ProjectsService, access: EntityAccessResolver) {
  const repo = cataloguesRepository(deps.dbh.db);
  return {
    catalogues: cataloguesService(deps, projects, confirmationsService(deps, access), repo),
    catalogueImports: catalogueImportsService(deps, projects, repo),
  };
}
