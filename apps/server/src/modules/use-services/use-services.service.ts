// The services of a use request (D-10.6, D-10.8, D-11): remote copies, loans,
// returns, the lists agency and client pages read, and the overdue-loan check.
import { type Actor, maskIdNumber, useServicesPermissions } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { pageOf } from "../../lib/page.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import type { MarkScreener } from "../page-intelligence/mark-screener.ts";
import { useServiceFacts } from "./facts.ts";
import { loansService } from "./loans.service.ts";
import { remoteCopiesService } from "./remote-copies.service.ts";
import { loadRequest, requestItems } from "./request-access.ts";
import { returnsService } from "./returns.service.ts";
import { type ServiceFilter, useServicesRepository } from "./use-services.repository.ts";

type Lister = "scanJobs" | "deliveries" | "loans" | "returnChecks";

export function useServicesService(deps: Deps, incidents: IncidentsService, screener: MarkScreener) {
  const db = deps.dbh.db;
  const repo = useServicesRepository(db);
  const list = (what: Lister) => async (actor: Actor, f: ServiceFilter, page: number, pageSize: number) => {
    const r = await repo[what](actor, f, page, pageSize);
    return pageOf(r.items as unknown[], r.total, page, pageSize);
  };
  return {
    remote: remoteCopiesService(deps, screener),
    loans: loansService(deps),
    returns: returnsService(deps, incidents),
    scanJobs: list("scanJobs"),
    deliveries: list("deliveries"),
    loanList: list("loans"),
    returnChecks: list("returnChecks"),
    summary: (actor: Actor) => repo.summary(actor),

    /** Everything recorded for one request's service, with what the caller may do. */
    async ofRequest(actor: Actor, requestId: string) {
      const r = await loadRequest(db, actor, requestId);
      const [items, scanJobs, deliveries, consent, loan, checks, boxes] = await Promise.all([
        requestItems(db, requestId),
        db
          .selectFrom("scanJob as j")
          .innerJoin("camera as c", "c.id", "j.cameraId")
          .innerJoin("appUser as u", "u.id", "j.operatorUserId")
          .selectAll("j")
          .select(["c.code as cameraCode", "u.displayName as operatorName"])
          .where("j.requestId", "=", requestId)
          .orderBy("j.startedAt")
          .execute(),
        db
          .selectFrom("remoteCopyDelivery")
          .selectAll()
          .where("requestId", "=", requestId)
          .orderBy("deliveredAt")
          .execute(),
        db.selectFrom("loanConsent").selectAll().where("requestId", "=", requestId).executeTakeFirst(),
        db.selectFrom("loan").selectAll().where("requestId", "=", requestId).executeTakeFirst(),
        db
          .selectFrom("returnCheck")
          .selectAll()
          .where("requestId", "=", requestId)
          .orderBy("checkedAt")
          .execute(),
        db
          .selectFrom("box as b")
          .leftJoin("location as h", "h.id", "b.homeLocationId")
          .leftJoin("location as l", "l.id", "b.locationId")
          .select([
            "b.id",
            "b.boxNo",
            "b.status",
            "b.homeLocationId",
            "b.locationId",
            "h.code as homeCode",
            "l.code as locationCode",
          ])
          .where(
            "b.id",
            "in",
            db
              .selectFrom("useRequestItem")
              .select("boxId")
              .where("requestId", "=", requestId)
              .where("boxId", "is not", null),
          )
          .orderBy("b.boxNo")
          .execute(),
      ]);
      const facts = await useServiceFacts(db, { id: requestId, mode: r.mode, itemCount: items.length });
      return {
        request: { id: r.id, requestNo: r.requestNo, mode: r.mode, status: r.status, userName: r.userName },
        items,
        scanJobs,
        deliveries,
        consent: consent ?? null,
        loan: loan ? { ...loan, receiverIdNumber: maskIdNumber(loan.receiverIdNumber) } : null,
        returnChecks: checks,
        boxes,
        facts,
        permissions: useServicesPermissions(actor, r.parties),
      };
    },
  };
}
export type UseServicesService = ReturnType<typeof useServicesService>;
