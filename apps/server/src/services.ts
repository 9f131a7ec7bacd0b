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
import { markScreener } from "./modules/page-intelligence/mark-screener.ts";
import { screeningService } from "./modules/page-intelligence/screening.service.ts";
import { pageTextService } from "./modules/page-text/page-text.service.ts";
import { projectsService } from "./modules/projects/projects.service.ts";
import { statisticsService } from "./modules/statistics/statistics.service.ts";
import { retrievalServices } from "./modules/use-requests/retrieval.wiring.ts";
import { useServicesService } from "./modules/use-services/use-services.service.ts";
import { usersService } from "./modules/users/users.service.ts";
import { vaultAccessService } from "./modules/vault-access/vault-access.service.ts";

export function createServices(deps: Deps) {
  const projects = projectsService(deps);
  const access = entityAccessResolver(deps.dbh.db, projects);
  // Built once and shared: several modules open incidents, sign confirmations or
  // read the digitization modules' facts.
  const incidents = incidentsService(deps, projects);
  const confirmations = confirmationsService(deps, access);
  const facilities = facilitiesService(deps);
  const digitizationOriginals = digitizationOriginalsService(deps, projects, confirmations, incidents);
  const digitizationSite = digitizationSiteService(deps, projects, incidents, confirmations);
  // Z-7.3, D-10.8: one OCR worker pool screens QC pages and remote copies.
  const screener = markScreener(deps.config.screening);
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
    confirmations,
    audit: auditService(deps, access),
    incidents,
    filings: filingsService(deps, projects),
    registry: registryService(deps),
    market: marketService(deps),
    facilities,
    inventory: inventoryService(deps, incidents),
    movements: movementsService(deps),
    statistics: statisticsService(deps, projects),
    environment: environmentService(deps),
    vaultAccess: vaultAccessService(deps.dbh.db),
    useServices: useServicesService(deps, incidents, screener),
    oversight: oversightServices(deps, projects, facilities.compliance),
    ...intakeServices(deps, projects, access),
    ...catalogueServices(deps, projects, access),
    catalogueSearch: catalogueSearchService(deps),
    ...retrievalServices(deps, projects, access),
    digitizationOriginals,
    digitizationSite,
    // Z-7.4: QC's correction loop moves volumes through the originals' station handover.
    digitizationQc: digitizationQcService(deps, projects, digitizationOriginals, screener),
    screening: screeningService(deps, screener, () => digitizationOriginals.stops),
    // Z-7.4, D-10.1: full text of checked deliveries (OCR job, search, searchable PDF).
    pageText: pageTextService(deps, projects),
    // G-11, Z-8.2: the final acceptance reads the open points of the digitization modules.
    acceptance: acceptanceService(
      deps,
      projects,
      digitizationOpenPoints(deps.dbh.db, digitizationSite, digitizationOriginals),
    ),
    access,
  };
}

export type Services = ReturnType<typeof createServices>;
