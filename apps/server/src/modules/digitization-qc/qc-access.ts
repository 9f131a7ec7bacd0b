// The project, batch or delivery behind every QC call, read through the
// caller's scope: what a stranger may not read is NOT_FOUND.
import type { Database } from "@dangan/db";
import {
  type Actor,
  authorize,
  NATIONAL_QC_TERMS,
  notFound,
  type ProjectParties,
  type QcTerms,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import type { QcRepository } from "./qc.repository.ts";

export type Allowed = (actor: Actor, p: ProjectParties) => boolean;

export function qcAccess(projects: ProjectsService, repo: QcRepository) {
  async function project(actor: Actor, projectId: string, executor?: Kysely<Database>) {
    const p = await projects.readable(actor, projectId, executor);
    return { ...p, parties: partiesOf(p) };
  }
  return {
    project,
    async batch(actor: Actor, batchId: string, may?: { allowed: Allowed; doing: string }) {
      const b = await repo.batch(batchId);
      if (!b) throw notFound("batch", batchId);
      const p = await project(actor, b.projectId).catch(() => {
        throw notFound("batch", batchId);
      });
      if (may) authorize(may.allowed(actor, p.parties), may.doing);
      return { b, p };
    },
    async delivery(
      actor: Actor,
      id: string,
      may?: { allowed: Allowed; doing: string },
      executor?: Kysely<Database>,
    ) {
      const d = await repo.find(id, executor);
      if (!d) throw notFound("delivery", id);
      const p = await project(actor, d.projectId, executor).catch(() => {
        throw notFound("delivery", id);
      });
      if (may) authorize(may.allowed(actor, p.parties), may.doing);
      return { d, p };
    },
    async terms(projectId: string, executor?: Kysely<Database>): Promise<QcTerms> {
      const row = await repo.terms(projectId, executor);
      return row ? { ...NATIONAL_QC_TERMS, ...(row.terms as Partial<QcTerms>) } : NATIONAL_QC_TERMS;
    },
  };
}
export type QcAccess = ReturnType<typeof qcAccess>;

export { actorUserId as userIdOf } from "../../lib/audit-actor.ts";
export const scopeOf = (p: { clientOrgId: string; agencyOrgId: string }) => [p.clientOrgId, p.agencyOrgId];
