// Wires every service once; routes, the CLI and demo data share these.

import type { Database } from "@dangan/db";
import type { Clause } from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "./context.ts";
import { acceptanceService } from "./modules/acceptance/acceptance.service.ts";
import { digitizationOpenPoints } from "./modules/acceptance/digitization-open-points.ts";
import { registryService } from "./modules/agency-registry/registry.service.ts";
import { attachmentsService } from "./modules/attachments/attachments.service.ts";
import { entityAccessResolver } from "./modules/attachments/entity-access.ts";
import { auditService } from "./modules/audit/audit.service.ts";
import { authService } from "./modules/auth/auth.service.ts";
import { catalogueSearchService } from "./modules/catalogue-search/catalogue-search.service.ts";
import { catalogueServices } from "./modules/catalogues/catalogues.module.ts";
import { confirmationsService } from "./modules/confirmations/confirmations.service.ts";
import { contractsService } from "./modules/contracts/contracts.service.ts";
import { digitizationOriginalsService } from "./modules/digitization-originals/originals.wiring.ts";
import { digitizationQcService } from "./modules/digitization-qc/qc.wiring.ts";
import { digitizationSiteService } from "./modules/digitization-site/digitization-site.service.ts";
import { environmentService } from "./modules/environment/environment.service.ts";
import { facilitiesService } from "./modules/facilities/facilities.service.ts";
import { filingsService } from "./modules/filings/filings.service.ts";
import { incidentsService } from "./modules/incidents/incidents.service.ts";
import { intakeServices } from "./modules/intake/intake.wiring.ts";
import { inventoryService } from "./modules/inventory/inventory.service.ts";
import { ledgerService } from "./modules/ledger/ledger.service.ts";
import { marketService } from "./modules/market/market.service.ts";
import { movementsService } from "./modules/movements/movements.service.ts";
import { organisationsService } from "./modules/organisations/organisations.service.ts";
import { oversightServices } from "./modules/oversight/oversight.wiring.ts";
import { projectsService } from "./modules/projects/projects.service.ts";
import { statisticsService } from "./modules/statistics/statistics.service.ts";
import { retrievalServices } from "./modules/use-requests/retrieval.wiring.ts";
import { useServicesService } from "./modules/use-services/use-services.service.ts";
import { usersService } from "./modules/users/users.service.ts";
import { vaultAccessService } from "./modules/vault-access/vault-access.service.ts";

export function createServices(deps: Deps) {
  const projects = projectsService(deps);
  const access = entityAccessResolver(deps.dbh.db, projects);
  return {
    db: deps.dbh.db as Kysely<Database>,
    clauses: deps.clauses as Clause[],
    auth: authService(deps),
    users: usersService(deps),
    organisations: organisationsService(deps),
    projects,
    contracts: contractsService(deps, projects),
    ledger: ledgerService(deps, projects),
    attachments: attachmentsService(deps, access),
    confirmations: confirmationsService(deps, access),
    audit: auditService(deps, access),
    incidents: incidentsService(deps, projects),
    filings: filingsService(deps, projects),
    registry: registryService(deps),
    market: marketService(deps),
    facilities: facilitiesService(deps),
    inventory: inventoryService(deps, incidentsService(deps, projects)),
    movements: movementsService(deps),
    statistics: statisticsService(deps, projects),
    environment: environmentService(deps),
    vaultAccess: vaultAccessService(deps.dbh.db),
    useServices: useServicesService(deps, incidentsService(deps, projects)),
    oversight: oversightServices(deps, projects, facilitiesService(deps).compliance),
    ...intakeServices(deps, projects, access),
    ...catalogueServices(deps, projects, access),
    catalogueSearch: catalogueSearchService(deps),
    ...retrievalServices(deps, projects, access),
    digitizationOriginals: digitizationOriginalsService(
      deps,
      projects,
      confirmationsService(deps, access),
      incidentsService(deps, projects),
    ),
    digitizationSite: digitizationSiteService(
      deps,
      projects,
      incidentsService(deps, projects),
      confirmationsService(deps, access),
    ),
    // Z-7.4: QC's correction loop moves volumes through the originals' station handover.
    digitizationQc: digitizationQcService(
      deps,
      projects,
      digitizationOriginalsService(
        deps,
        projects,
        confirmationsService(deps, access),
        incidentsService(deps, projects),
      ),
    ),
    // G-11, Z-8.2: the final acceptance reads the open points of the digitization modules.
    acceptance: acceptanceService(
      deps,
      projects,
      digitizationOpenPoints(
        deps.dbh.db,
        digitizationSiteService(
          deps,
          projects,
          incidentsService(deps, projects),
          confirmationsService(deps, access),
        ),
        digitizationOriginalsService(
          deps,
          projects,
          confirmationsService(deps, access),
          incidentsService(deps, projects),
        ),
      ),
    ),
    access,
  };
}

export type Services = ReturnType<typeof createServices>;
