// G-11: the project ledger. Problems stay open until a rectification closes them.

import { inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  DomainError,
  type LedgerEntryCreate,
  notFound,
  policy,
  readScope,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { partiesOf, visibleProjects } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";

export interface LedgerFilter {
  kind?: string | undefined;
  status?: "open" | "closed" | undefined;
}

export function ledgerService({ dbh: { db } }: Deps, projects: ProjectsService) {
  return {
    /** Problems across every project the actor may read, oldest first (G-11). */
    async problems(actor: Actor, status: "open" | "closed" | undefined, page: number, pageSize: number) {
      let q = db
        .selectFrom("ledgerEntry as l")
        .innerJoin("project as p", "p.id", "l.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .where(visibleProjects(readScope(actor)))
        .where("l.kind", "=", "problem");
      if (status) q = q.where("l.status", "=", status);
      const [items, count] = await Promise.all([
        q
          .selectAll("l")
          .select([
            "p.code as projectCode",
            "p.name as projectName",
            "c.name as clientName",
            "a.name as agencyName",
          ])
          .orderBy("l.occurredOn")
          .orderBy("l.createdAt")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(count.n), page, pageSize);
    },

    async list(actor: Actor, projectId: string, f: LedgerFilter) {
      await projects.readable(actor, projectId);
      let q = db
        .selectFrom("ledgerEntry as l")
        .leftJoin("appUser as u", "u.id", "l.authorUserId")
        .selectAll("l")
        .select("u.displayName as authorName")
        .where("l.projectId", "=", projectId);
      if (f.kind) q = q.where("l.kind", "=", f.kind as "note");
      if (f.status) q = q.where("l.status", "=", f.status);
      return q.orderBy("l.occurredOn", "desc").orderBy("l.createdAt", "desc").execute();
    },

    async add(actor: Actor, projectId: string, input: LedgerEntryCreate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const p = await projects.readable(actor, projectId, trx);
        authorize(policy.manageProject(actor, partiesOf(p)), "write this project's ledger");
        if (input.resolvesEntryId) {
          const problem = await trx
            .selectFrom("ledgerEntry")
            .select(["id", "kind", "status"])
            .where("id", "=", input.resolvesEntryId)
            .where("projectId", "=", projectId)
            .forUpdate()
            .executeTakeFirst();
          if (problem?.kind !== "problem") throw notFound("ledger problem", input.resolvesEntryId);
          if (problem.status === "closed") {
            throw new DomainError({
              code: "PROBLEM_ALREADY_CLOSED",
              status: 409,
              clause: "G-11",
              message: { zh: "该问题已整改关闭", en: "This problem is already closed" },
            });
          }
          await trx
            .updateTable("ledgerEntry")
            .set({ status: "closed" })
            .where("id", "=", problem.id)
            .execute();
          audit.record({
            action: "ledger.entry_closed",
            entityType: "ledger_entry",
            entityId: problem.id,
            payload: { projectId },
            scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
          });
        }
        const entry = await trx
          .insertInto("ledgerEntry")
          .values({
            ...input,
            projectId,
            status: input.kind === "problem" ? "open" : null,
            authorUserId: actor.type === "user" ? actor.userId : null,
            orgId: actor.type === "user" ? actor.orgId : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "ledger.entry_added",
          entityType: "ledger_entry",
          entityId: entry.id,
          payload: { projectId, ...input, ...operatorNote(actor) },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
        });
        return entry;
      });
    },
  };
}
export type LedgerService = ReturnType<typeof ledgerService>;
