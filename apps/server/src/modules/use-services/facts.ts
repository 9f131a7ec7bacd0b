// What the services of a use request have recorded so far — the facts the
// request workflow's guards read (USE_REQUEST_WORKFLOW in the domain): remote
// copies and proxy search (D-10.8), loans (D-10.6) and the return check and
// re-shelving (D-11.1, D-11.2). The reading-room facts (D-10.3) come from the
// use-requests module itself.
// CONTRACT between modules: use-requests builds UseRequestContext from this;
// use-services owns the implementation (until its tables exist, nothing is recorded).
import type { Database, Tx } from "@dangan/db";
import type { Kysely } from "kysely";

export interface UseServiceFacts {
  loanConsent: boolean;
  loanRecorded: boolean;
  receiverIdChecked: boolean;
  scanUnderCamera: boolean;
  /** Remote copy not yet delivered, or loan not yet back. */
  serviceOpen: boolean;
  itemsUnchecked: number;
  discrepancies: number;
  discrepancyReported: boolean;
  boxesNotReshelved: string[];
}

export async function useServiceFacts(
  trx: Tx | Kysely<Database>,
  request: { id: string; mode: string; itemCount: number },
): Promise<UseServiceFacts> {
  const id = request.id;
  const [consent, loan, scans, delivered, check, boxes] = await Promise.all([
    trx.selectFrom("loanConsent").select("requestId").where("requestId", "=", id).executeTakeFirst(),
    trx
      .selectFrom("loan")
      .select(["receiverIdNumber", "handedOverAt", "returnedAt"])
      .where("requestId", "=", id)
      .executeTakeFirst(),
    trx.selectFrom("scanJob").select("finishedAt").where("requestId", "=", id).execute(),
    trx
      .selectFrom("remoteCopyDelivery")
      .select("id")
      .where("requestId", "=", id)
      .where("withdrawnAt", "is", null)
      .executeTakeFirst(),
    trx
      .selectFrom("returnCheck as c")
      .select([
        "c.outcome",
        "c.reportedAt",
        (eb) =>
          eb
            .selectFrom("returnCheckLine as l")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("l.checkId", "=", "c.id")
            .as("checked"),
        (eb) =>
          eb
            .selectFrom("returnCheckLine as l")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("l.checkId", "=", "c.id")
            .where("l.outcome", "<>", "present")
            .as("bad"),
      ])
      .where("c.requestId", "=", id)
      .orderBy("c.checkedAt", "desc")
      .executeTakeFirst(),
    trx
      .selectFrom("box as b")
      .select("b.boxNo")
      .where("b.id", "in", (eb) =>
        eb
          .selectFrom("useRequestItem")
          .select("boxId")
          .where("requestId", "=", id)
          .where("boxId", "is not", null),
      )
      .where((eb) =>
        eb.or([
          eb("b.status", "=", "checked_out"),
          eb("b.locationId", "is distinct from", eb.ref("b.homeLocationId")),
        ]),
      )
      .orderBy("b.boxNo")
      .execute(),
  ]);
  const remote = request.mode === "remote_copy" || request.mode === "proxy_search";
  const serviceOpen = remote
    ? scans.length === 0 || scans.some((s) => !s.finishedAt) || !delivered
    : request.mode === "loan"
      ? !loan?.returnedAt
      : false;
  return {
    loanConsent: !!consent,
    loanRecorded: !!loan,
    receiverIdChecked: !!loan?.handedOverAt && !!loan.receiverIdNumber,
    // A scan job records its operator and a camera vetted at start (D-10.8).
    scanUnderCamera: scans.length > 0,
    serviceOpen,
    itemsUnchecked: Math.max(0, request.itemCount - Number(check?.checked ?? 0)),
    discrepancies: Number(check?.bad ?? 0),
    discrepancyReported: !!check?.reportedAt,
    boxesNotReshelved: boxes.map((b) => b.boxNo),
  };
}
