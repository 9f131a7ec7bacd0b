// Incidents (G-7): loss, damage, leaks, anomalies. Opened by a person or by the
// system inside the transaction that found the problem (D-8.8, D-9.8, D-11.1),
// visible to the project's parties and its supervisors, closed with a resolution.
import { type Database, inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  type AuditEventDraft,
  authorize,
  needsAccountability,
  notFound,
  policy,
  readScope,
} from "@dangan/domain";
import type { Insertable } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import { partiesOf, visibleProjects } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { closers, type IncidentPatch, updateIncident } from "./incident-update.ts";

export type NewIncident = Omit<
  Insertable<Database["incident"]>,
  "id" | "clientOrgId" | "agencyOrgId" | "status"
> & {
  projectId: string;
};

export interface IncidentFilter {
  projectId?: string | undefined;
  status?: "open" | "investigating" | "closed" | undefined;
  kind?: string | undefined;
  severity?: "minor" | "major" | "critical" | undefined;
  source?: "manual" | "system" | undefined;
  agencyOrgId?: string | undefined;
  q?: string | undefined;
}

const projectNames = [
  "p.code as projectCode",
  "p.name as projectName",
  "c.name as clientName",
  "a.name as agencyName",
  "c.district as clientDistrict",
  "a.district as agencyDistrict",
] as const;

export function incidentsService({ dbh: { db } }: Deps, projects: ProjectsService) {
  /** Opens an incident inside the caller's transaction; returns its id. */
  async function openIn(
    trx: Tx,
    audit: { record(d: AuditEventDraft): void },
    input: NewIncident,
  ): Promise<string> {
    const p = await trx
      .selectFrom("project")
      .select(["clientOrgId", "agencyOrgId"])
      .where("id", "=", input.projectId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("incident")
      .values({ ...input, clientOrgId: p.clientOrgId, agencyOrgId: p.agencyOrgId })
      .returning("id")
      .executeTakeFirstOrThrow();
    audit.record({
      action: "incident.opened",
      entityType: "incident",
      entityId: row.id,
      payload: { ...input },
      scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
    });
    return row.id;
  }

  const listQuery = (actor: Actor, f: IncidentFilter) => {
    let q = db
      .selectFrom("incident as i")
      .innerJoin("project as p", "p.id", "i.projectId")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .where(visibleProjects(readScope(actor)));
    if (f.projectId) q = q.where("i.projectId", "=", f.projectId);
    if (f.status) q = q.where("i.status", "=", f.status);
    if (f.kind) q = q.where("i.kind", "=", f.kind as "loss");
    if (f.severity) q = q.where("i.severity", "=", f.severity);
    if (f.source) q = q.where("i.source", "=", f.source);
    if (f.agencyOrgId) q = q.where("i.agencyOrgId", "=", f.agencyOrgId);
    if (f.q) {
      const pat = likePattern(f.q);
      q = q.where((eb) => eb.or([eb("i.title", "ilike", pat), eb("p.name", "ilike", pat)]));
    }
    return q;
  };

  return {
    openIn,

    /** Every matching row for the Excel export, in the read scope. */
    exportRows: (actor: Actor, f: IncidentFilter) =>
      listQuery(actor, f)
        .selectAll("i")
        .select(projectNames)
        .orderBy("i.openedAt", "desc")
        .limit(10_000)
        .execute(),

    async open(actor: Actor, input: Omit<NewIncident, "source" | "openedBy">) {
      const p = await projects.readable(actor, input.projectId);
      authorize(policy.attachToProject(actor, partiesOf(p)), "report an incident on this project");
      return inTransaction(db, auditActor(actor), (trx, audit) =>
        openIn(trx, audit, {
          ...input,
          source: "manual",
          openedBy: actor.type === "user" ? actor.userId : null,
        }),
      );
    },

    async list(actor: Actor, f: IncidentFilter, page: number, pageSize: number) {
      const q = listQuery(actor, f);
      const [items, count] = await Promise.all([
        q
          .selectAll("i")
          .select(projectNames)
          .orderBy("i.openedAt", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    /** One incident with its accountability record and what the caller may do (G-7). */
    async get(actor: Actor, id: string) {
      const i = await listQuery(actor, {})
        .selectAll("i")
        .select(projectNames)
        .where("i.id", "=", id)
        .executeTakeFirst();
      if (!i?.projectId) throw notFound("incident", id);
      const by = closers(actor, i);
      return {
        ...i,
        accountable: needsAccountability(i),
        permissions: {
          update: i.status !== "closed" && (by.supervisingRegulator || by.projectClient),
          close:
            i.status !== "closed" &&
            (by.supervisingRegulator || (by.projectClient && !needsAccountability(i))),
        },
      };
    },

    update: (actor: Actor, id: string, patch: IncidentPatch) =>
      updateIncident(db, projects, actor, id, patch),
  };
}
export type IncidentsService = ReturnType<typeof incidentsService>;
