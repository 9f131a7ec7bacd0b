// Projects (G-2, G-4): created by the client, checked against the guidance's
// prohibitions on every create and change (G-3, D-4.5, Z-4.2–Z-4.4).

import { type Database, inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  applyTransition,
  assertProjectAllowed,
  authorize,
  DomainError,
  nextActions,
  notFound,
  type ProjectAction,
  type ProjectCreate,
  type ProjectUpdate,
  policy,
  projectPermissions,
  projectWorkflow,
  readScope,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { pageOf } from "../../lib/page.ts";
import { fileDepositIn } from "../filings/filing-create.ts";
import { type ProjectFilter, type ProjectRow, partiesOf, projectsRepository } from "./projects.repository.ts";

export type ProjectsService = ReturnType<typeof projectsService>;

/** The agency row, share-locked so its standing cannot change under us (G-3). */
async function lockedAgency(trx: Tx, agencyId: string) {
  const agency = await trx
    .selectFrom("organisation")
    .selectAll()
    .where("id", "=", agencyId)
    .forShare()
    .executeTakeFirst();
  if (!agency) throw notFound("organisation", agencyId);
  return agency;
}

const clientMismatch = () =>
  new DomainError({
    code: "NOT_A_CLIENT",
    status: 422,
    clause: "G-4",
    message: { zh: "委托方必须是档案业务外包单位", en: "The client must be a client organisation" },
  });

export function projectsService({ dbh: { db } }: Deps) {
  const repo = projectsRepository(db);

  async function transitionContext(executor: Kysely<Database>, p: ProjectRow) {
    const [contract, agency, acceptance] = await Promise.all([
      executor.selectFrom("contract").select("status").where("projectId", "=", p.id).executeTakeFirst(),
      executor
        .selectFrom("organisation")
        .select("registrationStatus")
        .where("id", "=", p.agencyOrgId)
        .executeTakeFirstOrThrow(),
      executor
        .selectFrom("projectAcceptance")
        .select("verdict")
        .where("projectId", "=", p.id)
        .orderBy("round", "desc")
        .executeTakeFirst(),
    ]);
    return {
      contractSigned: contract?.status === "signed",
      agencyStatus: agency.registrationStatus,
      serviceType: p.serviceType,
      acceptancePassed: acceptance?.verdict === "passed",
    };
  }

  /** A project the actor may read, or NOT_FOUND (never reveals that it exists). */
  async function readable(actor: Actor, id: string, executor: Kysely<Database> = db): Promise<ProjectRow> {
    const p = await repo.find(id, executor);
    if (!p || !policy.readProject(actor, partiesOf(p))) throw notFound("project", id);
    return p;
  }

  return {
    repo,
    readable,

    async list(actor: Actor, f: ProjectFilter, page: number, pageSize: number) {
      const { items, total } = await repo.list(readScope(actor), f, pageSize, (page - 1) * pageSize);
      return pageOf(items, total, page, pageSize);
    },

    async get(actor: Actor, id: string) {
      const p = await readable(actor, id);
      const ctx = await transitionContext(db, p);
      const permissions = projectPermissions(actor, partiesOf(p));
      return {
        ...p,
        contractStatus: ctx.contractSigned ? "signed" : "draft",
        permissions,
        nextActions: permissions.transition ? nextActions(projectWorkflow, p.status, ctx) : [],
      };
    },

    async create(actor: Actor, input: ProjectCreate) {
      authorize(policy.createProjectFor(actor, input.clientOrgId), "register a project for this client");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const client = await trx
          .selectFrom("organisation")
          .select(["id", "kind"])
          .where("id", "=", input.clientOrgId)
          .executeTakeFirst();
        if (!client) throw notFound("organisation", input.clientOrgId);
        if (client.kind !== "client") throw clientMismatch();
        const agency = await lockedAgency(trx, input.agencyOrgId);
        assertProjectAllowed(input, agency);
        const code = await repo.nextCode(trx);
        const row = await trx
          .insertInto("project")
          .values({ ...input, code, createdBy: actor.type === "user" ? actor.userId : null })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.insertInto("contract").values({ projectId: row.id }).execute();
        audit.record({
          action: "project.created",
          entityType: "project",
          entityId: row.id,
          payload: { code, ...input, ...operatorNote(actor) },
          scopeOrgIds: [input.clientOrgId, input.agencyOrgId],
        });
        return (await repo.find(row.id, trx))!;
      });
    },

    async update(actor: Actor, id: string, patch: ProjectUpdate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const before = await readable(actor, id, trx);
        authorize(policy.manageProject(actor, partiesOf(before)), "change this project");
        if (patch.agencyOrgId && patch.agencyOrgId !== before.agencyOrgId && before.status !== "draft") {
          throw new DomainError({
            code: "AGENCY_CHANGE_AFTER_START",
            status: 409,
            clause: "G-10",
            message: {
              zh: "项目开始后不能更换受托机构",
              en: "The agency cannot change once the project has started",
            },
          });
        }
        const merged = { ...before, siteKind: before.siteKind, ...patch };
        assertProjectAllowed(merged, await lockedAgency(trx, merged.agencyOrgId));
        await trx
          .updateTable("project")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .execute();
        const after = (await repo.find(id, trx))!;
        audit.record({
          action: "project.updated",
          entityType: "project",
          entityId: id,
          payload: { changes: changes(before, patch), ...operatorNote(actor) },
          scopeOrgIds: [after.clientOrgId, after.agencyOrgId, before.agencyOrgId],
        });
        return after;
      });
    },

    async transition(actor: Actor, id: string, action: ProjectAction, note: string | undefined) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const p = await readable(actor, id, trx);
        authorize(policy.manageProject(actor, partiesOf(p)), "move this project");
        const to = applyTransition(projectWorkflow, p.status, action, await transitionContext(trx, p));
        await trx
          .updateTable("project")
          .set({
            status: to,
            updatedAt: new Date(),
            ...(action === "start" ? { startedAt: new Date() } : {}),
            ...(to === "completed" ? { completedAt: new Date() } : {}),
          })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: "project.transitioned",
          entityType: "project",
          entityId: id,
          payload: { action, from: p.status, to, ...(note ? { note } : {}), ...operatorNote(actor) },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
        });
        // G-7: a national-scope deposit is filed with the regulator as custody begins.
        if (action === "start") await fileDepositIn(trx, audit, id, "project_started");
        return { status: to };
      });
    },
  };
}
