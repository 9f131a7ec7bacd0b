// A digitization project as the site services see it: loaded only when the
// caller may read it (else NOT_FOUND), with the caller's site permissions.
import type { Database, Tx } from "@dangan/db";
import {
  type Actor,
  authorize,
  type DigitizationSitePermissions,
  digitizationSitePermissions,
  notFound,
  siteProjectRefusal,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { type ProjectRow, partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { projectOf, type SiteEntity } from "./site.repository.ts";

export interface SiteProject {
  project: ProjectRow;
  can: DigitizationSitePermissions;
  scopeOrgIds: string[];
}

export type Need = keyof DigitizationSitePermissions | "read";

export { actorUserId as userId } from "../../lib/audit-actor.ts";

export function siteAccess(projects: ProjectsService) {
  /** The project if readable and a digitization project; `need` is checked (403) after reading. */
  async function load(
    actor: Actor,
    projectId: string,
    need: Need = "read",
    executor?: Kysely<Database> | Tx,
  ): Promise<SiteProject> {
    const project = await projects.readable(actor, projectId, executor as Kysely<Database> | undefined);
    if (project.serviceType !== "digitization") throw notFound("digitization project", projectId);
    const can = digitizationSitePermissions(actor, partiesOf(project));
    if (need !== "read") {
      authorize(can[need], "do this on the digitization site");
      const veto = siteProjectRefusal(project);
      if (veto) throw veto;
    }
    return { project, can, scopeOrgIds: [project.clientOrgId, project.agencyOrgId] };
  }

  /** A site record's project (device, person, port, …); a record the caller may not read is NOT_FOUND. */
  async function loadRecord(
    actor: Actor,
    entity: SiteEntity,
    id: string,
    executor: Kysely<Database> | Tx,
    need: Need = "read",
  ): Promise<SiteProject> {
    const projectId = await projectOf(executor, entity, id);
    if (!projectId) throw notFound(entity, id);
    try {
      return await load(actor, projectId, need, executor);
    } catch (e) {
      if ((e as { code?: string }).code === "NOT_FOUND") throw notFound(entity, id);
      throw e;
    }
  }

  return { load, loadRecord };
}
export type SiteAccess = ReturnType<typeof siteAccess>;
