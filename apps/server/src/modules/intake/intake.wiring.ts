// The intake and box services, wired once (services.ts spreads them in).
import type { Deps } from "../../context.ts";
import type { EntityAccessResolver } from "../attachments/entity-access.ts";
import { boxesService } from "../boxes/boxes.service.ts";
import { confirmationsService } from "../confirmations/confirmations.service.ts";
import { incidentsService } from "../incidents/incidents.service.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { intakeService } from "./intake.service.ts";
import { intakeBoxesService } from "./intake-boxes.service.ts";
import { intakeConditionsService } from "./intake-conditions.service.ts";
import { intakeConsentService } from "./intake-consent.service.ts";
import { intakeContentService } from "./intake-content.service.ts";
import { intakeLabels } from "./intake-labels.ts";
import { intakeLocations } from "./intake-locations.ts";

export function intakeServices(deps: Deps, projects: ProjectsService, access: EntityAccessResolver) {
  const confirmations = confirmationsService(deps, access);
  const intake = intakeService(deps, confirmations);
  return {
    intake,
    intakeBoxes: intakeBoxesService(deps, intake, incidentsService(deps, projects)),
    intakeConditions: intakeConditionsService(deps, intake),
    intakeConsent: intakeConsentService(deps, intake, confirmations),
    intakeContent: intakeContentService(deps, intake),
    intakeLabels: intakeLabels(deps.dbh.db, intake),
    intakeLocations: intakeLocations(deps.dbh.db, intake),
    boxes: boxesService(deps),
  };
}
