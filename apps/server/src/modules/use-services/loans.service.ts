// D-10.6: loans. The client consents in writing; the agency records the loan
// with its due date and the agreed place and time of delivery; the archives are
// handed over only to the person named on the request, after the ID check; a
// loan not back by its due date alerts (list, home count, periodic check).
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  conflict,
  DomainError,
  loanDaysOverdue,
  loanRecordRefusal,
  maskIdNumber,
  notFound,
  receiverRefusal,
  shanghaiDate,
  useServicesPolicy,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { type LoadedRequest, loadRequest, userId } from "./request-access.ts";

const notLoan = () =>
  new DomainError({
    code: "NOT_LOAN_REQUEST",
    status: 409,
    clause: "D-10.6",
    message: { zh: "该申请不是出借", en: "This request is not a loan" },
  });

const scope = (r: LoadedRequest) => [r.clientOrgId, r.agencyOrgId];

export interface LoanInput {
  dueOn: string;
  deliveryPlace: string;
  deliveryAt: string;
}

export interface HandoverInput {
  receiverName: string;
  receiverIdKind: "id_card" | "work_card" | "passport" | "other";
  receiverIdNumber: string;
}

export function loansService({ dbh: { db } }: Deps) {
  const loanRequest = async (actor: Actor, requestId: string) => {
    const r = await loadRequest(db, actor, requestId);
    if (r.mode !== "loan") throw notLoan();
    return r;
  };
  const loadLoan = async (actor: Actor, loanId: string) => {
    const loan = await db.selectFrom("loan").selectAll().where("id", "=", loanId).executeTakeFirst();
    if (!loan) throw notFound("loan", loanId);
    const r = await loadRequest(db, actor, loan.requestId).catch(() => {
      throw notFound("loan", loanId);
    });
    authorize(useServicesPolicy.serve(actor, r.parties), "serve this loan");
    return { loan, r };
  };

  return {
    /** D-10.6: the client's written consent to lend, given by its responsible staff. */
    async consent(
      actor: Actor,
      requestId: string,
      input: { statement: string; attachmentId?: string | undefined },
    ) {
      const r = await loanRequest(actor, requestId);
      authorize(useServicesPolicy.consentLoan(actor, r.parties), "consent to this loan");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("loanConsent")
          .values({
            requestId,
            givenBy: userId(actor),
            statement: input.statement,
            attachmentId: input.attachmentId ?? null,
          })
          .onConflict((oc) => oc.column("requestId").doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row)
          throw conflict("LOAN_CONSENT_EXISTS", {
            zh: "委托方已同意出借",
            en: "The client has already consented",
          });
        audit.record({
          action: "loan.consented",
          entityType: "use_request",
          entityId: requestId,
          payload: { statement: input.statement, attachmentId: input.attachmentId ?? null },
          scopeOrgIds: scope(r),
        });
        return row;
      });
    },

    /** D-10.6: the loan record: due date, agreed delivery place and time. */
    async record(actor: Actor, requestId: string, input: LoanInput) {
      const r = await loanRequest(actor, requestId);
      authorize(useServicesPolicy.serve(actor, r.parties), "record this loan");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const consent = await trx
          .selectFrom("loanConsent")
          .select("requestId")
          .where("requestId", "=", requestId)
          .executeTakeFirst();
        const deliveryAt = new Date(input.deliveryAt);
        const veto = loanRecordRefusal({
          consentGiven: !!consent,
          dueOn: input.dueOn,
          deliveryAt,
          at: new Date(),
        });
        if (veto) throw veto;
        const row = await trx
          .insertInto("loan")
          .values({
            requestId,
            agencyOrgId: r.agencyOrgId,
            dueOn: input.dueOn,
            deliveryPlace: input.deliveryPlace,
            deliveryAt,
            recordedBy: userId(actor),
          })
          .onConflict((oc) => oc.column("requestId").doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row)
          throw conflict("LOAN_EXISTS", {
            zh: "该申请已办理出借登记",
            en: "This request already has a loan record",
          });
        audit.record({
          action: "loan.recorded",
          entityType: "use_request",
          entityId: requestId,
          payload: { loanId: row.id, ...input },
          scopeOrgIds: scope(r),
        });
        return row;
      });
    },

    /** D-10.6: hand over at delivery, only to the named person after the ID check. */
    async handover(actor: Actor, loanId: string, input: HandoverInput) {
      const { loan, r } = await loadLoan(actor, loanId);
      if (loan.handedOverAt) throw conflict("LOAN_HANDED_OVER", { zh: "已交付", en: "Already handed over" });
      if (!["retrieved", "in_service"].includes(r.status))
        throw conflict("BOXES_NOT_OUT", {
          zh: "档案尚未出库调取",
          en: "The archives have not been retrieved yet",
        });
      const veto = receiverRefusal(
        { name: r.userName, idNumber: r.userIdNumber },
        { name: input.receiverName, idNumber: input.receiverIdNumber },
      );
      if (veto) throw veto;
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const at = new Date();
        await trx
          .updateTable("loan")
          .set({ ...input, handedOverBy: userId(actor), handedOverAt: at })
          .where("id", "=", loanId)
          .execute();
        audit.record({
          action: "loan.handed_over",
          entityType: "use_request",
          entityId: loan.requestId,
          payload: {
            loanId,
            receiverName: input.receiverName,
            receiverIdKind: input.receiverIdKind,
            receiverIdNumber: maskIdNumber(input.receiverIdNumber),
            place: loan.deliveryPlace,
          },
          scopeOrgIds: scope(r),
        });
        return { handedOverAt: at };
      });
    },

    /** The loan comes back to the agency; the item-by-item check follows (D-11.1). */
    async receivedBack(actor: Actor, loanId: string, input: { returnedByName: string }) {
      const { loan, r } = await loadLoan(actor, loanId);
      if (!loan.handedOverAt)
        throw conflict("LOAN_NOT_HANDED_OVER", { zh: "尚未交付", en: "Not handed over yet" });
      if (loan.returnedAt) throw conflict("LOAN_BACK", { zh: "已归还", en: "Already back" });
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const at = new Date();
        await trx
          .updateTable("loan")
          .set({ returnedAt: at, returnedByName: input.returnedByName, receivedBackBy: userId(actor) })
          .where("id", "=", loanId)
          .execute();
        audit.record({
          action: "loan.received_back",
          entityType: "use_request",
          entityId: loan.requestId,
          payload: { loanId, returnedByName: input.returnedByName, daysOverdue: loanDaysOverdue(loan, at) },
          scopeOrgIds: scope(r),
        });
        return { returnedAt: at };
      });
    },

    /**
     * D-10.6: the periodic check (like environment alerts): each loan that has
     * become overdue is recorded once in the audit trail. Returns how many.
     */
    async checkOverdue(at = new Date()) {
      const today = shanghaiDate(at);
      return inTransaction(db, { userId: null, orgId: null }, async (trx, audit) => {
        const due = await trx
          .updateTable("loan")
          .set({ overdueAlertedAt: at })
          .where("returnedAt", "is", null)
          .where("handedOverAt", "is not", null)
          .where("overdueAlertedAt", "is", null)
          .where("dueOn", "<", today)
          .returning(["id", "requestId", "dueOn", "agencyOrgId"])
          .execute();
        for (const l of due) {
          const r = await trx
            .selectFrom("useRequest")
            .select(["clientOrgId", "requestNo"])
            .where("id", "=", l.requestId)
            .executeTakeFirstOrThrow();
          audit.record({
            action: "loan.overdue",
            entityType: "use_request",
            entityId: l.requestId,
            payload: { loanId: l.id, requestNo: r.requestNo, dueOn: l.dueOn, checkedOn: today },
            scopeOrgIds: [r.clientOrgId, l.agencyOrgId],
          });
        }
        return due.length;
      });
    },
  };
}
export type LoansService = ReturnType<typeof loansService>;
