// SQL for the use-services lists: scan jobs, deliveries, loans (with overdue),
// return checks — each read through the request read scope (visibleRequests).
import type { Database } from "@dangan/db";
import { type Actor, maskIdNumber, shanghaiDate } from "@dangan/domain";
import type { Kysely, SelectQueryBuilder } from "kysely";
import { likePattern } from "../../lib/page.ts";
import { visibleRequests } from "./request-access.ts";

export interface ServiceFilter {
  q?: string | undefined;
  status?: string | undefined;
}

export function useServicesRepository(db: Kysely<Database>) {
  const base = (actor: Actor, f: ServiceFilter) => {
    let q = db
      .selectFrom("useRequest as r")
      .innerJoin("organisation as co", "co.id", "r.clientOrgId")
      .where(visibleRequests(actor));
    if (f.q) {
      const p = likePattern(f.q);
      q = q.where((eb) =>
        eb.or([eb("r.requestNo", "ilike", p), eb("r.userName", "ilike", p), eb("co.name", "ilike", p)]),
      );
    }
    return q;
  };
  // biome-ignore lint/suspicious/noExplicitAny: counts any of the joined list queries below
  const count = async (q: SelectQueryBuilder<any, any, any>) =>
    Number((await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const paged = <T>(rows: Promise<T[]>, total: Promise<number>) =>
    Promise.all([rows, total]).then(([items, total]) => ({ items, total }));

  return {
    scanJobs(actor: Actor, f: ServiceFilter, page: number, size: number) {
      let q = base(actor, f)
        .innerJoin("scanJob as j", "j.requestId", "r.id")
        .innerJoin("camera as cam", "cam.id", "j.cameraId")
        .innerJoin("appUser as op", "op.id", "j.operatorUserId");
      if (f.status === "open") q = q.where("j.finishedAt", "is", null);
      if (f.status === "finished") q = q.where("j.finishedAt", "is not", null);
      return paged(
        q
          .selectAll("j")
          .select([
            "r.requestNo",
            "r.mode",
            "r.userName",
            "co.name as clientName",
            "cam.code as cameraCode",
            "op.displayName as operatorName",
          ])
          .orderBy("j.startedAt", "desc")
          .limit(size)
          .offset((page - 1) * size)
          .execute(),
        count(q),
      );
    },

    deliveries(actor: Actor, f: ServiceFilter, page: number, size: number) {
      const q = base(actor, f).innerJoin("remoteCopyDelivery as d", "d.requestId", "r.id");
      return paged(
        q
          .selectAll("d")
          .select(["r.requestNo", "r.userName", "co.name as clientName"])
          .select((eb) =>
            eb
              .selectFrom("remoteCopyDownload as x")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("x.deliveryId", "=", "d.id")
              .where("x.outcome", "=", "served")
              .as("downloads"),
          )
          .orderBy("d.deliveredAt", "desc")
          .limit(size)
          .offset((page - 1) * size)
          .execute(),
        count(q),
      );
    },

    async loans(actor: Actor, f: ServiceFilter, page: number, size: number, at = new Date()) {
      let q = base(actor, f).innerJoin("loan as l", "l.requestId", "r.id");
      const today = shanghaiDate(at);
      if (f.status === "open") q = q.where("l.returnedAt", "is", null);
      if (f.status === "overdue")
        q = q
          .where("l.returnedAt", "is", null)
          .where("l.handedOverAt", "is not", null)
          .where("l.dueOn", "<", today);
      if (f.status === "returned") q = q.where("l.returnedAt", "is not", null);
      const r = await paged(
        q
          .selectAll("l")
          .select(["r.requestNo", "r.userName", "r.status as requestStatus", "co.name as clientName"])
          .orderBy("l.dueOn")
          .limit(size)
          .offset((page - 1) * size)
          .execute(),
        count(q),
      );
      return {
        ...r,
        items: r.items.map((l) => ({ ...l, receiverIdNumber: maskIdNumber(l.receiverIdNumber) })),
      };
    },

    returnChecks(actor: Actor, f: ServiceFilter, page: number, size: number) {
      let q = base(actor, f)
        .innerJoin("returnCheck as c", "c.requestId", "r.id")
        .leftJoin("appUser as u", "u.id", "c.checkedBy");
      if (f.status === "passed" || f.status === "discrepancy") q = q.where("c.outcome", "=", f.status);
      return paged(
        q
          .selectAll("c")
          .select([
            "r.requestNo",
            "r.mode",
            "r.userName",
            "r.status as requestStatus",
            "co.name as clientName",
            "u.displayName as checkedByName",
          ])
          .orderBy("c.checkedAt", "desc")
          .limit(size)
          .offset((page - 1) * size)
          .execute(),
        count(q),
      );
    },

    /** The home-page counts for the caller. */
    async summary(actor: Actor, at = new Date()) {
      const today = shanghaiDate(at);
      const b = base(actor, {});
      const [overdue, openScans, blocked] = await Promise.all([
        count(
          b
            .innerJoin("loan as l", "l.requestId", "r.id")
            .where("l.returnedAt", "is", null)
            .where("l.handedOverAt", "is not", null)
            .where("l.dueOn", "<", today),
        ),
        count(b.innerJoin("scanJob as j", "j.requestId", "r.id").where("j.finishedAt", "is", null)),
        count(
          b
            .innerJoin("returnCheck as c", "c.requestId", "r.id")
            .where("c.outcome", "=", "discrepancy")
            .where("c.reportedAt", "is", null),
        ),
      ]);
      return { overdueLoans: overdue, openScanJobs: openScans, unreportedDiscrepancies: blocked };
    },
  };
}
