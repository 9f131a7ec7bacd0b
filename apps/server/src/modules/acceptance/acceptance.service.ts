// Final acceptance of a project by its client (G-11, Z-8.2): the checklist as it
// stands, recording a verdict — passing only with nothing open — and, for a
// failed acceptance, the rectification order it raises (G-7) in the same
// transaction, so the agency's response and the client's decision follow the
// order's own workflow and the regulator sees both.
import { inTransaction } from "@dangan/db";
import {
  ACCEPTANCE_RECTIFICATION_DAYS,
  type AcceptanceRecordInput,
  type Actor,
  acceptanceItems,
  addDays,
  assertAcceptable,
  assertAcceptancePassable,
  assertDeadlineAhead,
  authorize,
  evaluateAcceptance,
  oversightPolicy,
  readScope,
} from "@dangan/domain";
import { sql } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { todayInShanghai } from "../facilities/facilities.common.ts";
import { partiesOf, visibleProjects } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { acceptanceOpenPoints, type DigitizationOpenPoints } from "./acceptance.facts.ts";

export interface AcceptanceFilter {
  verdict?: "passed" | "failed" | undefined;
  serviceType?: string | undefined;
  q?: string | undefined;
}

export function acceptanceService(
  { dbh: { db } }: Deps,
  projects: ProjectsService,
  digitization: DigitizationOpenPoints,
) {
  const userId = (a: Actor) => (a.type === "user" ? a.userId : null);

  async function checklist(actor: Actor, projectId: string) {
    const p = await projects.readable(actor, projectId);
    const open = await acceptanceOpenPoints(db, digitization, p);
    return { project: p, items: evaluateAcceptance(acceptanceItems(p.serviceType), open) };
  }

  return {
    /** The checklist now, with what the caller may do (G-11, Z-8.2). */
    async preview(actor: Actor, projectId: string) {
      const { project: p, items } = await checklist(actor, projectId);
      const history = await db
        .selectFrom("projectAcceptance as a")
        .leftJoin("appUser as u", "u.id", "a.decidedBy")
        .leftJoin("rectificationOrder as r", "r.acceptanceId", "a.id")
        .select([
          "a.id",
          "a.round",
          "a.verdict",
          "a.items",
          "a.note",
          "a.decidedAt",
          "u.displayName as decidedByName",
          "r.id as orderId",
          "r.status as orderStatus",
          "r.deadline as orderDeadline",
        ])
        .where("a.projectId", "=", projectId)
        .orderBy("a.round", "desc")
        .execute();
      return {
        projectId,
        projectStatus: p.status,
        serviceType: p.serviceType,
        items,
        history,
        canAccept: oversightPolicy.accept(actor, partiesOf(p)) && p.status === "active",
      };
    },

    /** Records the client's verdict; a failure becomes a rectification order to the agency. */
    async record(actor: Actor, projectId: string, input: AcceptanceRecordInput) {
      const p = await projects.readable(actor, projectId);
      authorize(oversightPolicy.accept(actor, partiesOf(p)), "record the final acceptance of this project");
      assertAcceptable(p.status);
      // Read before the transaction: the modules answer on their own connections
      // (the embedded database has one, which the transaction holds).
      const open = await acceptanceOpenPoints(db, digitization, p);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        // One acceptance at a time per project: the round number is taken under this lock.
        await sql`SELECT id FROM project WHERE id = ${projectId} FOR UPDATE`.execute(trx);
        const items = evaluateAcceptance(acceptanceItems(p.serviceType), open, input.confirmed);
        if (input.verdict === "passed") assertAcceptancePassable(items);
        const today = todayInShanghai();
        const deadline = input.deadline ?? addDays(today, ACCEPTANCE_RECTIFICATION_DAYS);
        if (input.verdict === "failed") assertDeadlineAhead(deadline, today);
        const last = await trx
          .selectFrom("projectAcceptance")
          .select((eb) => eb.fn.max("round").as("round"))
          .where("projectId", "=", projectId)
          .executeTakeFirst();
        const round = Number(last?.round ?? 0) + 1;
        const row = await trx
          .insertInto("projectAcceptance")
          .values({
            projectId,
            round,
            clientOrgId: p.clientOrgId,
            agencyOrgId: p.agencyOrgId,
            verdict: input.verdict,
            items: JSON.stringify(items),
            note: input.note ?? null,
            decidedBy: userId(actor),
          })
          .returning(["id", "round", "verdict", "decidedAt"])
          .executeTakeFirstOrThrow();
        const scopeOrgIds = [p.clientOrgId, p.agencyOrgId];
        audit.record({
          action: input.verdict === "passed" ? "acceptance.passed" : "acceptance.failed",
          entityType: "project_acceptance",
          entityId: row.id,
          payload: {
            projectId,
            round,
            open: items.filter((i) => !i.ok).map((i) => i.key),
            note: input.note ?? null,
          },
          scopeOrgIds,
        });
        if (input.verdict === "passed") return { ...row, orderId: null };
        const failed = items.filter((i) => !i.ok);
        const order = await trx
          .insertInto("rectificationOrder")
          .values({
            acceptanceId: row.id,
            findingId: null,
            inspectionId: null,
            projectId,
            clientOrgId: p.clientOrgId,
            agencyOrgId: p.agencyOrgId,
            issuerOrgId: p.clientOrgId,
            addressee: "agency",
            clauseId: failed[0]?.clause ?? "Z-8.2",
            severity: "major",
            requirement: input.requirement!,
            deadline,
            issuedBy: userId(actor),
          })
          .returning(["id", "deadline"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "rectification.issued",
          entityType: "rectification_order",
          entityId: order.id,
          payload: {
            acceptanceId: row.id,
            clause: failed[0]?.clause ?? "Z-8.2",
            addressee: "agency",
            deadline,
          },
          scopeOrgIds,
        });
        return { ...row, orderId: order.id };
      });
    },

    /** Acceptances the caller may read, across projects: what the regulator sees (G-11). */
    async list(actor: Actor, f: AcceptanceFilter, page: number, pageSize: number) {
      let q = db
        .selectFrom("projectAcceptance as x")
        .innerJoin("project as p", "p.id", "x.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .leftJoin("rectificationOrder as r", "r.acceptanceId", "x.id")
        .where(visibleProjects(readScope(actor)) as never);
      if (f.verdict) q = q.where("x.verdict", "=", f.verdict);
      if (f.serviceType) q = q.where("p.serviceType", "=", f.serviceType as "custody");
      if (f.q)
        q = q.where((eb) => eb.or([eb("p.name", "like", `%${f.q}%`), eb("p.code", "like", `%${f.q}%`)]));
      const [items, total] = await Promise.all([
        q
          .select([
            "x.id",
            "x.projectId",
            "p.code as projectCode",
            "p.name as projectName",
            "p.serviceType",
            "c.name as clientName",
            "a.name as agencyName",
            "x.round",
            "x.verdict",
            "x.decidedAt",
            "r.id as orderId",
            "r.status as orderStatus",
            "r.deadline as orderDeadline",
          ])
          .orderBy("x.decidedAt", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(items, Number(total.n), page, pageSize);
    },
  };
}
export type AcceptanceService = ReturnType<typeof acceptanceService>;
