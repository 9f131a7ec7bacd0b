// G-7 accountability: investigation, measures, parties and people responsible,
// and closure — by the supervising regulator for an archive-security incident,
// by the client for a handover anomaly it reconciled (D-8.8). Audited.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  assertIncidentClosable,
  assertIncidentCloser,
  authorize,
  DomainError,
  hasRole,
  needsAccountability,
  notFound,
  supervises,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import type { ProjectsService } from "../projects/projects.service.ts";

export interface IncidentPatch {
  status?: "investigating" | "closed" | undefined;
  severity?: "minor" | "major" | "critical" | undefined;
  investigation?: string | undefined;
  measures?: string | undefined;
  responsibleParties?: string[] | undefined;
  responsiblePeople?: string | undefined;
  resolution?: string | undefined;
}

/** Who the caller is to this incident's project. */
export function closers(
  actor: Actor,
  p: { clientOrgId: string | null; clientDistrict?: string; agencyDistrict?: string },
) {
  if (actor.type === "system") return { supervisingRegulator: true, projectClient: true };
  const regulator =
    actor.orgKind === "regulator" &&
    (supervises(actor, p.clientDistrict ?? "") || supervises(actor, p.agencyDistrict ?? ""));
  const client =
    actor.orgId === p.clientOrgId &&
    hasRole(actor, "client_admin", "client_archive_officer", "client_leader");
  return { supervisingRegulator: regulator, projectClient: client };
}

export async function updateIncident(
  db: Kysely<Database>,
  projects: ProjectsService,
  actor: Actor,
  id: string,
  patch: IncidentPatch,
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
    const by = closers(actor, p);
    authorize(by.supervisingRegulator || by.projectClient, "handle this incident");
    if (i.status === "closed") {
      throw new DomainError({
        code: "INCIDENT_CLOSED",
        status: 409,
        clause: "G-7",
        message: { zh: "事故已结案", en: "The incident is closed" },
      });
    }
    const next = {
      severity: patch.severity ?? i.severity,
      investigation: patch.investigation ?? i.investigation,
      measures: patch.measures ?? i.measures,
      responsibleParties: patch.responsibleParties ?? i.responsibleParties,
      responsiblePeople: patch.responsiblePeople ?? i.responsiblePeople,
      resolution: patch.resolution ?? i.resolution,
    };
    const closing = patch.status === "closed";
    if (closing) {
      assertIncidentCloser(i, by);
      assertIncidentClosable(next, needsAccountability(i));
    }
    const status =
      patch.status ??
      (i.status === "open" && (patch.investigation || patch.measures) ? "investigating" : i.status);
    await trx
      .updateTable("incident")
      .set({
        ...next,
        status,
        ...(closing ? { closedAt: new Date(), closedBy: actor.type === "user" ? actor.userId : null } : {}),
      })
      .where("id", "=", id)
      .execute();
    audit.record({
      action: closing ? "incident.closed" : "incident.updated",
      entityType: "incident",
      entityId: id,
      payload: { projectId: i.projectId, from: i.status, to: status, ...patch, ...operatorNote(actor) },
      scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
    });
    return { status };
  });
}
