// D-11.1: the return check, item by item against what went out, confirmed by
// the returner and the agency together. A discrepancy opens an incident and
// stops the return until the written report to the client is issued.
// D-11.2: returned boxes go back to their recorded home location only.
import { Readable } from "node:stream";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  conflict,
  DomainError,
  evaluateReturnCheck,
  notFound,
  type ReturnLine,
  reshelveRefusal,
  useServicesPolicy,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import { recordMovement } from "../movements/record.ts";
import { applyUseRequestAction } from "../use-requests/use-request-transition.ts";
import { loadRequest, requestItems, userId } from "./request-access.ts";
import { returnReportPdf } from "./return-report-pdf.ts";

/** States in which what went out is coming back (USE_REQUEST_WORKFLOW). */
const CHECKABLE = ["returning"];
const RESHELVABLE = ["returned"];

export interface ReturnCheckInput {
  returnerName: string;
  returnerDeclared: number;
  lines: ReturnLine[];
}

export function returnsService({ dbh: { db }, blobs }: Deps, incidents: IncidentsService) {
  const served = async (actor: Actor, requestId: string, lock = false, trx = db) => {
    const r = await loadRequest(trx, actor, requestId, lock);
    authorize(useServicesPolicy.serve(actor, r.parties), "check this return");
    return r;
  };

  const reportFacts = async (checkId: string) => {
    const c = await db
      .selectFrom("returnCheck as c")
      .innerJoin("useRequest as r", "r.id", "c.requestId")
      .innerJoin("project as p", "p.id", "r.projectId")
      .innerJoin("organisation as co", "co.id", "r.clientOrgId")
      .innerJoin("organisation as ao", "ao.id", "r.agencyOrgId")
      .leftJoin("appUser as u", "u.id", "c.checkedBy")
      .selectAll("c")
      .select([
        "r.requestNo",
        "r.mode",
        "r.userName",
        "p.name as projectName",
        "co.name as clientName",
        "ao.name as agencyName",
        "u.displayName as checkedByName",
      ])
      .where("c.id", "=", checkId)
      .executeTakeFirstOrThrow();
    const lines = await db
      .selectFrom("returnCheckLine as l")
      .innerJoin("catalogueItem as i", "i.id", "l.itemId")
      .leftJoin("box as b", "b.id", "l.boxId")
      .select(["i.referenceCode", "i.title", "b.boxNo", "l.outcome", "l.note"])
      .where("l.checkId", "=", checkId)
      .orderBy("i.referenceCode")
      .execute();
    return { c, lines };
  };

  return {
    async record(actor: Actor, requestId: string, input: ReturnCheckInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await served(actor, requestId, true, trx);
        if (!CHECKABLE.includes(r.status))
          throw conflict("REQUEST_NOT_RETURNING", {
            zh: "只有服务结束、正在归还的申请可以核对",
            en: "Only a request whose service has ended and is coming back can be checked",
          });
        const items = await requestItems(trx, requestId);
        const e = evaluateReturnCheck(
          items.map((i) => i.itemId),
          input.lines,
          input.returnerDeclared,
        );
        const boxOf = new Map(items.map((i) => [i.itemId, i.boxId]));
        const check = await trx
          .insertInto("returnCheck")
          .values({
            requestId,
            returnerName: input.returnerName,
            returnerDeclared: input.returnerDeclared,
            checkedBy: userId(actor),
            outcome: e.discrepancies ? "discrepancy" : "passed",
            incidentId: null,
          })
          .returning(["id", "checkedAt"])
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("returnCheckLine")
          .values(
            input.lines.map((l) => ({
              checkId: check.id,
              itemId: l.itemId,
              boxId: boxOf.get(l.itemId) ?? null,
              outcome: l.outcome,
              note: l.note ?? null,
            })),
          )
          .execute();
        let incidentId: string | null = null;
        if (e.discrepancies) {
          incidentId = await incidents.openIn(trx, audit, {
            projectId: r.projectId,
            kind: "discrepancy",
            severity: e.missing.length ? "critical" : "major",
            source: "system",
            sourceType: "return_check",
            sourceId: check.id,
            clauseId: "D-11.1",
            title: `调阅归还核对差异：${r.requestNo} 缺失 ${e.missing.length} 件、损毁 ${e.damaged.length} 件`,
            description: `归还人 ${input.returnerName} 与机构共同核对，发现缺失或损毁，须查明原因并向委托方出具书面报告`,
            openedBy: userId(actor),
          });
          await trx.updateTable("returnCheck").set({ incidentId }).where("id", "=", check.id).execute();
        }
        audit.record({
          action: "return_check.recorded",
          entityType: "use_request",
          entityId: requestId,
          payload: {
            checkId: check.id,
            returnerName: input.returnerName,
            declared: input.returnerDeclared,
            present: e.present,
            missing: e.missing,
            damaged: e.damaged,
            incidentId,
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        // The request moves with the check: a discrepancy stops the return (D-11.1).
        const moved = await applyUseRequestAction(
          trx,
          audit,
          actor,
          requestId,
          e.discrepancies ? "fail_return_check" : "pass_return_check",
        );
        return {
          id: check.id,
          outcome: e.discrepancies ? "discrepancy" : "passed",
          ...e,
          incidentId,
          requestStatus: moved.status,
        };
      });
    },

    /** D-11.1: the written report to the client: cause found and handling; the PDF's SM3 is kept. */
    async report(actor: Actor, checkId: string, input: { cause: string; handling: string }) {
      const found = await db
        .selectFrom("returnCheck")
        .select(["requestId", "outcome", "reportedAt"])
        .where("id", "=", checkId)
        .executeTakeFirst();
      if (!found) throw notFound("return check", checkId);
      const r = await served(actor, found.requestId).catch((e: DomainError) => {
        throw e.code === "FORBIDDEN" ? e : notFound("return check", checkId);
      });
      if (found.outcome !== "discrepancy")
        throw new DomainError({
          code: "NO_DISCREPANCY",
          status: 409,
          clause: "D-11.1",
          message: { zh: "核对未发现差异，无须报告", en: "The check found no discrepancy to report" },
        });
      if (found.reportedAt)
        throw conflict("ALREADY_REPORTED", {
          zh: "书面报告已出具",
          en: "The written report was already issued",
        });
      const at = new Date();
      const { c, lines } = await reportFacts(checkId);
      const pdf = await returnReportPdf({
        ...c,
        lines,
        cause: input.cause,
        handling: input.handling,
        incidentId: c.incidentId!,
        reportedAt: at,
      });
      const blob = await blobs.put(Readable.from(pdf), pdf.length + 1);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx
          .updateTable("returnCheck")
          .set({
            reportCause: input.cause,
            reportHandling: input.handling,
            reportSm3: blob.sm3,
            reportedBy: userId(actor),
            reportedAt: at,
          })
          .where("id", "=", checkId)
          .execute();
        await trx
          .updateTable("incident")
          .set({ status: "investigating" })
          .where("id", "=", c.incidentId!)
          .where("status", "=", "open")
          .execute();
        audit.record({
          action: "return_check.reported",
          entityType: "use_request",
          entityId: found.requestId,
          payload: {
            checkId,
            sm3: blob.sm3,
            sha256: blob.sha256,
            incidentId: c.incidentId,
            cause: input.cause,
            lines: lines.length,
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        // With the report issued the return may proceed (settle_discrepancy).
        const moved =
          r.status === "return_blocked"
            ? await applyUseRequestAction(trx, audit, actor, found.requestId, "settle_discrepancy")
            : null;
        return { reportedAt: at, sm3: blob.sm3, requestStatus: moved?.status ?? r.status };
      });
    },

    /** The issued report as printed, for the client and the agency. */
    async reportPdf(actor: Actor, checkId: string) {
      const found = await db
        .selectFrom("returnCheck")
        .select(["requestId", "reportSm3"])
        .where("id", "=", checkId)
        .executeTakeFirst();
      if (!found) throw notFound("return check", checkId);
      const r = await loadRequest(db, actor, found.requestId).catch(() => {
        throw notFound("return check", checkId);
      });
      authorize(
        actor.type === "system" || actor.orgId === r.clientOrgId || actor.orgId === r.agencyOrgId,
        "read this report",
      );
      if (!found.reportSm3)
        throw conflict("NOT_REPORTED", {
          zh: "书面报告尚未出具",
          en: "The written report has not been issued",
        });
      return { requestNo: r.requestNo, stream: blobs.read(found.reportSm3) };
    },

    /** D-11.2: a returned box goes back to its recorded home location; the move is registered. */
    async reshelve(actor: Actor, requestId: string, input: { boxId: string; locationId: string }) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await served(actor, requestId, true, trx);
        const last = await trx
          .selectFrom("returnCheck")
          .select(["outcome", "reportedAt"])
          .where("requestId", "=", requestId)
          .orderBy("checkedAt", "desc")
          .executeTakeFirst();
        if (!last || (last.outcome === "discrepancy" && !last.reportedAt))
          throw new DomainError({
            code: last ? "DISCREPANCY_NOT_REPORTED" : "RETURN_NOT_CHECKED",
            status: 422,
            clause: "D-11.1",
            message: last
              ? {
                  zh: "归还核对发现差异，须先向委托方出具书面报告",
                  en: "The return check found a discrepancy; report to the client in writing first",
                }
              : { zh: "归还入库上架前须逐件核对", en: "Check the return item by item before re-shelving" },
          });
        if (!RESHELVABLE.includes(r.status))
          throw conflict("REQUEST_NOT_RETURNING", {
            zh: "该申请的档案尚未归还",
            en: "The archives of this request are not back",
          });
        const inRequest = await trx
          .selectFrom("useRequestItem")
          .select("boxId")
          .where("requestId", "=", requestId)
          .where("boxId", "=", input.boxId)
          .executeTakeFirst();
        if (!inRequest) throw notFound("box", input.boxId);
        const box = await trx
          .selectFrom("box")
          .select(["boxNo", "homeLocationId", "status", "locationId"])
          .where("id", "=", input.boxId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const veto = reshelveRefusal(box, input.locationId);
        if (veto) throw veto;
        const moved = await recordMovement(trx, audit, {
          boxId: input.boxId,
          kind: "return",
          fromLocationId: box.locationId,
          toLocationId: input.locationId,
          byUserId: userId(actor),
          referenceType: "use_request",
          referenceId: requestId,
          note: "调阅归还，按原索引位置归位 D-11.2",
          status: "shelved",
        });
        audit.record({
          action: "box.reshelved",
          entityType: "use_request",
          entityId: requestId,
          payload: {
            boxId: input.boxId,
            boxNo: box.boxNo,
            locationId: input.locationId,
            movementId: moved.movementId,
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        return { movementId: moved.movementId, at: moved.at };
      });
    },
  };
}
export type ReturnsService = ReturnType<typeof returnsService>;
