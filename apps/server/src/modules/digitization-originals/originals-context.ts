// The project behind every originals call, read through the caller's scope
// (a stranger gets NOT_FOUND), and who the actor is in the records.
import type { Database } from "@dangan/db";
import { type Actor, authorize, type ProjectParties } from "@dangan/domain";
import type { Kysely } from "kysely";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";

export interface OriginalsProjectRow {
  id: string;
  code: string;
  name: string;
  status: string;
  serviceType: string;
  clientOrgId: string;
  agencyOrgId: string;
  clientName: string;
  agencyName: string;
  parties: ProjectParties;
}

export function originalsContext(projects: ProjectsService) {
  return async function project(
    actor: Actor,
    projectId: string,
    executor?: Kysely<Database>,
    may?: { allowed: (a: Actor, p: ProjectParties) => boolean; doing: string },
  ): Promise<OriginalsProjectRow> {
    const p = await projects.readable(actor, projectId, executor);
    const parties = partiesOf(p);
    if (may) authorize(may.allowed(actor, parties), may.doing);
    return { ...p, parties };
  };
}
export type OriginalsProject = ReturnType<typeof originalsContext>;

export { actorUserId as userIdOf } from "../../lib/audit-actor.ts";
export const scopeOf = (p: { clientOrgId: string; agencyOrgId: string }) => [p.clientOrgId, p.agencyOrgId];
