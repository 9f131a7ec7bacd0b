// Filings of national-scope deposits (G-7): listed in the read scope, checked
// by the receiving regulator, answered by the client. Every move is audited.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  applyTransition,
  authorize,
  type FilingAction,
  filingWorkflow,
  hasRole,
  nextActions,
  notFound,
  policy,
  readScope,
  supervises,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { fileDepositIn } from "./filing-create.ts";
import { type FilingFilter, filingsRepository } from "./filings.repository.ts";

const orgOf = (actor: Actor) => (actor.type === "user" ? actor.orgId : null);

const EXCHANGE_KIND = { verify: "verified", return: "returned", resubmit: "resubmitted" } as const;
const AUDIT_ACTION = {
  verify: "filing.verified",
  return: "filing.returned",
  resubmit: "filing.resubmitted",
} as const;

interface Parties {
  clientOrgId: string;
  regulatorOrgId: string;
  clientDistrict: string;
}

/** Who may move a filing: the receiving (or a supervising) regulator; the client's managers. */
function roles(actor: Actor, f: Parties) {
  const regulator =
    actor.type === "system" ||
    (actor.orgKind === "regulator" &&
      (actor.orgId === f.regulatorOrgId || supervises(actor, f.clientDistrict)));
  const client =
    actor.type === "system" ||
    (actor.orgId === f.clientOrgId &&
      hasRole(actor, "client_admin", "client_archive_officer", "client_leader"));
  return { actorIsRegulator: regulator, actorIsClient: client };
}

export function filingsService({ dbh: { db } }: Deps, projects: ProjectsService) {
  const repo = filingsRepository(db);

  return {
    async list(actor: Actor, f: FilingFilter, page: number, pageSize: number) {
      const { items, total } = await repo.page(readScope(actor), orgOf(actor), f, page, pageSize);
      return pageOf(items, total, page, pageSize);
    },

    exportRows: (actor: Actor, f: FilingFilter) => repo.all(readScope(actor), orgOf(actor), f),

    /** G-7: deposits that should have been filed and were not. */
    unfiled: async (actor: Actor) => ({ items: await repo.unfiled(readScope(actor)) }),

    async get(actor: Actor, id: string) {
      const f = await repo.one(readScope(actor), orgOf(actor), id);
      if (!f) throw notFound("filing", id);
      const who = roles(actor, f);
      const ctx = { text: "x", ...who };
      return {
        ...f,
        exchanges: await repo.exchanges(id),
        nextActions: nextActions(filingWorkflow, f.status, ctx).filter((a) => !a.blockedBy),
      };
    },

    /** A client files a deposit that was not filed automatically (e.g. flagged national-scope later). */
    async file(actor: Actor, projectId: string) {
      const p = await projects.readable(actor, projectId);
      authorize(policy.manageProject(actor, partiesOf(p)), "file this deposit");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const id = await fileDepositIn(trx, audit, projectId, "manual");
        if (!id) throw notFound("national-scope deposit", projectId);
        return { id };
      });
    },

    async transition(actor: Actor, id: string, action: FilingAction, text: string | undefined) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const f = await repo.one(readScope(actor), orgOf(actor), id, trx);
        if (!f) throw notFound("filing", id);
        await trx.selectFrom("filing").select("id").where("id", "=", id).forUpdate().execute();
        const to = applyTransition(filingWorkflow, f.status, action, { text, ...roles(actor, f) });
        const now = new Date();
        const round = action === "resubmit" ? f.round + 1 : f.round;
        await trx
          .updateTable("filing")
          .set({
            status: to,
            round,
            updatedAt: now,
            ...(action === "return" ? { questions: text ?? null, returnedAt: now } : {}),
            ...(action === "resubmit" ? { answer: text ?? null, submittedAt: now } : {}),
            ...(action === "verify"
              ? { verifiedAt: now, verifiedBy: actor.type === "user" ? actor.userId : null }
              : {}),
          })
          .where("id", "=", id)
          .execute();
        await trx
          .insertInto("filingExchange")
          .values({
            filingId: id,
            round,
            kind: EXCHANGE_KIND[action],
            text: text?.trim() || null,
            orgId: orgOf(actor),
            userId: actor.type === "user" ? actor.userId : null,
          })
          .execute();
        audit.record({
          action: AUDIT_ACTION[action],
          entityType: "filing",
          entityId: id,
          payload: { filingNo: f.filingNo, from: f.status, to, text: text ?? null, ...operatorNote(actor) },
          scopeOrgIds: [f.clientOrgId, f.agencyOrgId, f.regulatorOrgId],
        });
        return { status: to };
      });
    },
  };
}
export type FilingsService = ReturnType<typeof filingsService>;
