// G-7, G-11: rectification orders with deadlines. The regulator issues one
// from a finding; the addressed party (agency or client) responds with evidence;
// the regulator accepts or rejects. Orders past their deadline and not accepted
// are overdue; the escalation sweep marks them once and records it.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  addDays,
  applyTransition,
  assertDeadlineAhead,
  authorize,
  DEFAULT_RECTIFICATION_DAYS,
  isRectificationOverdue,
  nextActions,
  notFound,
  oversightPolicy,
  type RectificationIssue,
  readScope,
  rectificationWorkflow,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { todayInShanghai } from "../facilities/facilities.common.ts";
import type { InspectionsService } from "./inspections.service.ts";
import { type OversightRepository, visibleParties } from "./oversight.repository.ts";

export interface OrderFilter {
  status?: "open" | "responded" | "rejected" | "accepted" | undefined;
  overdue?: boolean | undefined;
  projectId?: string | undefined;
  q?: string | undefined;
}

const userId = (actor: Actor) => (actor.type === "user" ? actor.userId : null);
type OrderRow = NonNullable<Awaited<ReturnType<OversightRepository["order"]>>>;
const partiesOfOrder = (o: OrderRow) => ({
  clientOrgId: o.clientOrgId,
  agencyOrgId: o.agencyOrgId,
  clientDistrict: o.clientDistrict,
  agencyDistrict: o.agencyDistrict,
  addressee: o.addressee,
});

export function rectificationsService(
  { dbh: { db } }: Deps,
  repo: OversightRepository,
  inspections: InspectionsService,
) {
  async function readable(actor: Actor, id: string, executor = db) {
    const o = await repo.order(id, executor);
    if (!o || !oversightPolicy.read(actor, partiesOfOrder(o))) throw notFound("rectification order", id);
    return o;
  }

  const evidenceCount = async (id: string, executor = db) =>
    Number(
      (
        await executor
          .selectFrom("attachment")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("entityType", "=", "rectification_order")
          .where("entityId", "=", id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function locked(actor: Actor, id: string, trx: typeof db) {
    await trx
      .selectFrom("rectificationOrder")
      .select("id")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    return readable(actor, id, trx);
  }

  const scope = (o: OrderRow) => [o.clientOrgId, o.agencyOrgId, o.issuerOrgId];

  return {
    readable,

    /** `asOf` lets the operator record an order issued earlier on paper (demo, migration). */
    async issue(actor: Actor, input: RectificationIssue, asOf?: string) {
      const today = actor.type === "system" && asOf ? asOf : todayInShanghai();
      const finding = await repo.finding(input.findingId);
      if (!finding) throw notFound("finding", input.findingId);
      const i = await inspections.readable(actor, finding.inspectionId);
      authorize(
        oversightPolicy.regulate(actor, i) && i.inspectorKind === "regulator",
        "issue a rectification order on this inspection",
      );
      const deadline = input.deadline ?? addDays(today, DEFAULT_RECTIFICATION_DAYS[finding.severity]);
      assertDeadlineAhead(deadline, today);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("rectificationOrder")
          .values({
            findingId: finding.id,
            inspectionId: i.id,
            projectId: i.projectId,
            clientOrgId: i.clientOrgId,
            agencyOrgId: i.agencyOrgId,
            issuerOrgId: i.inspectorOrgId,
            addressee: input.addressee,
            clauseId: finding.clauseId,
            severity: finding.severity,
            requirement: input.requirement,
            deadline,
            issuedBy: userId(actor),
            ...(today !== todayInShanghai() ? { issuedAt: `${today}T09:00:00+08:00` } : {}),
          })
          .returning(["id", "deadline"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "rectification.issued",
          entityType: "rectification_order",
          entityId: row.id,
          payload: {
            findingId: finding.id,
            inspectionId: i.id,
            clause: finding.clauseId,
            addressee: input.addressee,
            deadline,
          },
          scopeOrgIds: [i.clientOrgId, i.agencyOrgId, i.inspectorOrgId],
        });
        return row;
      });
    },

    async list(actor: Actor, f: OrderFilter, page: number, pageSize: number) {
      const today = todayInShanghai();
      let q = repo.orders().where(visibleParties(readScope(actor)));
      if (f.status) q = q.where("r.status", "=", f.status);
      if (f.projectId) q = q.where("r.projectId", "=", f.projectId);
      if (f.overdue) q = q.where("r.status", "!=", "accepted").where("r.deadline", "<", today);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) =>
          eb.or([eb("r.requirement", "like", like), eb("p.name", "like", like), eb("p.code", "like", like)]),
        );
      }
      const [items, count] = await Promise.all([
        q
          .selectAll("r")
          .select([
            "p.code as projectCode",
            "p.name as projectName",
            "c.name as clientName",
            "a.name as agencyName",
            "o.name as issuerName",
          ])
          .orderBy("r.deadline")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(
        items.map((o) => ({ ...o, overdue: isRectificationOverdue(o, today) })),
        Number(count.n),
        page,
        pageSize,
      );
    },

    /** For every home page: what is open and overdue for the caller (G-7). */
    async summary(actor: Actor) {
      const today = todayInShanghai();
      const base = repo
        .orders()
        .where(visibleParties(readScope(actor)))
        .where("r.status", "!=", "accepted");
      const [counts, overdue] = await Promise.all([
        base
          .select((eb) => [
            eb.fn.countAll<number>().as("open"),
            eb.fn.sum<number>(eb.case().when("r.deadline", "<", today).then(1).else(0).end()).as("overdue"),
          ])
          .executeTakeFirstOrThrow(),
        base
          .where("r.deadline", "<", today)
          .select([
            "r.id",
            "r.deadline",
            "r.clauseId",
            "r.severity",
            "r.status",
            "r.requirement",
            "p.name as projectName",
            "a.name as agencyName",
          ])
          .orderBy("r.deadline")
          .limit(5)
          .execute(),
      ]);
      return { open: Number(counts.open), overdue: Number(counts.overdue ?? 0), overdueItems: overdue };
    },

    async get(actor: Actor, id: string) {
      const o = await readable(actor, id);
      const [responses, evidence] = await Promise.all([
        db
          .selectFrom("rectificationResponse as s")
          .leftJoin("appUser as u", "u.id", "s.respondedBy")
          .leftJoin("appUser as d", "d.id", "s.decidedBy")
          .selectAll("s")
          .select(["u.displayName as responderName", "d.displayName as deciderName"])
          .where("s.orderId", "=", id)
          .orderBy("s.respondedAt")
          .execute(),
        evidenceCount(id),
      ]);
      const parties = partiesOfOrder(o);
      const regulate = oversightPolicy.decideOrder(actor, { ...parties, issuerOrgId: o.issuerOrgId });
      const respond = oversightPolicy.respond(actor, parties);
      const allowed = (action: string) => (action === "respond" ? respond : regulate);
      return {
        ...o,
        overdue: isRectificationOverdue(o, todayInShanghai()),
        responses,
        evidenceCount: evidence,
        nextActions: nextActions(rectificationWorkflow, o.status, {
          evidenceCount: evidence,
          response: "x",
          note: "x",
        }).filter((a) => allowed(a.action)),
        permissions: { respond, regulate, attach: respond || regulate },
      };
    },

    async respond(actor: Actor, id: string, response: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const o = await locked(actor, id, trx);
        authorize(oversightPolicy.respond(actor, partiesOfOrder(o)), "respond to this rectification order");
        const to = applyTransition(rectificationWorkflow, o.status, "respond", {
          response,
          evidenceCount: await evidenceCount(id, trx),
        });
        await trx
          .insertInto("rectificationResponse")
          .values({ orderId: id, response, respondedBy: userId(actor) })
          .execute();
        await trx.updateTable("rectificationOrder").set({ status: to }).where("id", "=", id).execute();
        audit.record({
          action: "rectification.responded",
          entityType: "rectification_order",
          entityId: id,
          payload: { from: o.status, to, response },
          scopeOrgIds: scope(o),
        });
        return { status: to };
      });
    },

    async decide(actor: Actor, id: string, decision: "accept" | "reject", note?: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const o = await locked(actor, id, trx);
        authorize(
          oversightPolicy.decideOrder(actor, { ...partiesOfOrder(o), issuerOrgId: o.issuerOrgId }),
          "decide on this rectification",
        );
        const to = applyTransition(rectificationWorkflow, o.status, decision, { evidenceCount: 0, note });
        const last = await trx
          .selectFrom("rectificationResponse")
          .select("id")
          .where("orderId", "=", id)
          .orderBy("respondedAt", "desc")
          .executeTakeFirstOrThrow();
        await trx
          .updateTable("rectificationResponse")
          .set({
            decision: to === "accepted" ? "accepted" : "rejected",
            decisionNote: note ?? null,
            decidedBy: userId(actor),
            decidedAt: new Date(),
          })
          .where("id", "=", last.id)
          .execute();
        await trx
          .updateTable("rectificationOrder")
          .set({ status: to, ...(to === "accepted" ? { closedAt: new Date() } : {}) })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: to === "accepted" ? "rectification.accepted" : "rectification.rejected",
          entityType: "rectification_order",
          entityId: id,
          payload: { from: o.status, to, note: note ?? null },
          scopeOrgIds: scope(o),
        });
        return { status: to };
      });
    },

    /** Marks orders past their deadline as escalated, once each (run daily by the operator). */
    async escalate(actor: Actor) {
      const today = todayInShanghai();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const due = await trx
          .updateTable("rectificationOrder")
          .set({ escalatedAt: new Date() })
          .where("status", "!=", "accepted")
          .where("deadline", "<", today)
          .where("escalatedAt", "is", null)
          .returning(["id", "deadline", "clientOrgId", "agencyOrgId", "issuerOrgId"])
          .execute();
        for (const o of due)
          audit.record({
            action: "rectification.escalated",
            entityType: "rectification_order",
            entityId: o.id,
            payload: { deadline: o.deadline, today },
            scopeOrgIds: [o.clientOrgId, o.agencyOrgId, o.issuerOrgId],
          });
        return { escalated: due.length };
      });
    },
  };
}
export type RectificationsService = ReturnType<typeof rectificationsService>;
