// Grants, use requests, on-site reading and the item picker, wired once
// (services.ts spreads them in).
import type { Deps } from "../../context.ts";
import type { EntityAccessResolver } from "../attachments/entity-access.ts";
import { confirmationsService } from "../confirmations/confirmations.service.ts";
import { grantsService } from "../grants/grants.service.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { readingService } from "./reading.service.ts";
import { requestableItems } from "./requestable-items.ts";
import { useRequestsService } from "./use-requests.service.ts";

export function retrievalServices(deps: Deps, projects: ProjectsService, access: EntityAccessResolver) {
  const grants = grantsService(deps, projects, confirmationsService(deps, access));
  const useRequests = useRequestsService(deps, projects, grants);
  return {
    grants,
    useRequests,
    reading: readingService(deps.dbh.db, useRequests),
    requestableItems: requestableItems(deps.dbh.db, projects, grants),
  };
}
