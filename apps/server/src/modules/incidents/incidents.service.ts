// Incidents (G-7): loss, damage, leaks, anomalies. Opened by a person or by the
// system inside the transaction that found the problem (D-8.8, D-9.8, D-11.1),
// visible to the project's parties and its supervisors, closed with a resolution.
import { type Database, inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  type AuditEventDraft,
  authorize,
  DomainError,
  notFound,
  policy,
  readScope,
} from "@dangan/domain";
import type { Insertable } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { partiesOf, visibleProjects } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";

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
}

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

  return {
    openIn,

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
      let q = db
        .selectFrom("incident as i")
        .innerJoin("project as p", "p.id", "i.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .where(visibleProjects(readScope(actor)));
      if (f.projectId) q = q.where("i.projectId", "=", f.projectId);
      if (f.status) q = q.where("i.status", "=", f.status);
      if (f.kind) q = q.where("i.kind", "=", f.kind as "loss");
      const [items, count] = await Promise.all([
        q
          .selectAll("i")
          .select([
            "p.code as projectCode",
            "p.name as projectName",
            "c.name as clientName",
            "a.name as agencyName",
          ])
          .orderBy("i.openedAt", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    /** Investigation and closure: by the project's client, or a supervising regulator. */
    async update(
      actor: Actor,
      id: string,
      patch: { status: "investigating" | "closed"; resolution?: string | undefined },
    ) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const i = await trx
          .selectFrom("incident")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!i?.projectId) throw notFound("incident", id);
        const p = await projects.readable(actor, i.projectId, trx).catch(() => {
          throw notFound("incident", id);
        });
        const rel = partiesOf(p);
        authorize(
          policy.manageProject(actor, rel) || (actor.type === "user" && actor.orgKind === "regulator"),
          "handle this incident",
        );
        if (i.status === "closed") {
          throw new DomainError({
            code: "INCIDENT_CLOSED",
            status: 409,
            clause: "G-7",
            message: { zh: "事故已结案", en: "The incident is closed" },
          });
        }
        if (patch.status === "closed" && !patch.resolution?.trim()) {
          throw new DomainError({
            code: "RESOLUTION_REQUIRED",
            status: 422,
            clause: "G-7",
            message: { zh: "结案须说明处理结果", en: "Closing an incident needs its resolution" },
          });
        }
        const closing = patch.status === "closed";
        await trx
          .updateTable("incident")
          .set({
            status: patch.status,
            resolution: patch.resolution ?? i.resolution,
            ...(closing
              ? { closedAt: new Date(), closedBy: actor.type === "user" ? actor.userId : null }
              : {}),
          })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: closing ? "incident.closed" : "incident.updated",
          entityType: "incident",
          entityId: id,
          payload: {
            projectId: i.projectId,
            from: i.status,
            to: patch.status,
            resolution: patch.resolution ?? null,
            ...operatorNote(actor),
          },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
        });
        return { status: patch.status };
      });
    },
  };
}
export type IncidentsService = ReturnType<typeof incidentsService>;
