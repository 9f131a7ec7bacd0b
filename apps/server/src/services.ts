// Wires every service once; routes, the CLI and demo data share these.

import type { Database } from "@dangan/db";
import type { Clause } from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "./context.ts";
import { attachmentsService } from "./modules/attachments/attachments.service.ts";
import { entityAccessResolver } from "./modules/attachments/entity-access.ts";
import { auditService } from "./modules/audit/audit.service.ts";
import { authService } from "./modules/auth/auth.service.ts";
import { confirmationsService } from "./modules/confirmations/confirmations.service.ts";
import { contractsService } from "./modules/contracts/contracts.service.ts";
import { incidentsService } from "./modules/incidents/incidents.service.ts";
import { ledgerService } from "./modules/ledger/ledger.service.ts";
import { organisationsService } from "./modules/organisations/organisations.service.ts";
import { projectsService } from "./modules/projects/projects.service.ts";
import { usersService } from "./modules/users/users.service.ts";

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
    access,
  };
}

export type Services = ReturnType<typeof createServices>;
