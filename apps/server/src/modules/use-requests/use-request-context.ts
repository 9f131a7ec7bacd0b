// What USE_REQUEST_WORKFLOW's guards look at, read inside the caller's
// transaction: the grant check at this moment (D-10.2/10.5/10.7), boxes not yet
// checked out for the request (D-9.11), the reading-room facts (D-10.3, D-10.6)
// and the other services' facts through the use-services contract.
import type { Tx } from "@dangan/db";
import { type UseRequestContext, useRequestRefusal } from "@dangan/domain";
import { grantsRepository } from "../grants/grants.repository.ts";
import { useServiceFacts } from "../use-services/facts.ts";

export interface RequestCore {
  id: string;
  mode: UseRequestContext["mode"];
  requesterKind: UseRequestContext["requester"];
  grantId: string | null;
}

export async function useRequestContext(
  trx: Tx,
  r: RequestCore,
  opts: { readingRoomCovered?: boolean; reason?: string | undefined } = {},
): Promise<UseRequestContext> {
  const [items, notOut, admission, sessions] = await Promise.all([
    trx.selectFrom("useRequestItem").select(["itemId", "boxId"]).where("requestId", "=", r.id).execute(),
    trx
      .selectFrom("useRequestItem as ri")
      .innerJoin("box as b", "b.id", "ri.boxId")
      .select("b.boxNo")
      .distinct()
      .where("ri.requestId", "=", r.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("boxMovement as m")
              .select("m.id")
              .whereRef("m.boxId", "=", "b.id")
              .where("m.kind", "=", "checkout")
              .where("m.referenceType", "=", "use_request")
              .where("m.referenceId", "=", r.id),
          ),
        ),
      )
      .orderBy("b.boxNo")
      .execute(),
    trx.selectFrom("readingAdmission").select("requestId").where("requestId", "=", r.id).executeTakeFirst(),
    trx.selectFrom("readingSession").select(["endedAt"]).where("requestId", "=", r.id).execute(),
  ]);
  const grant = r.grantId ? await grantsRepository(trx).view(r.grantId, trx) : null;
  const facts = await useServiceFacts(trx, { id: r.id, mode: r.mode, itemCount: items.length });
  const reading = r.mode === "reading";
  return {
    mode: r.mode,
    requester: r.requesterKind,
    accessRefusal: useRequestRefusal({
      requester: r.requesterKind,
      mode: r.mode,
      items,
      grant,
      at: new Date(),
    }),
    boxesNotRetrieved: notOut.map((b) => b.boxNo),
    letterRecorded: !!admission,
    readerIdChecked: !!admission,
    readingRoomCovered: opts.readingRoomCovered ?? sessions.length > 0,
    loanConsent: facts.loanConsent,
    loanRecorded: facts.loanRecorded,
    receiverIdChecked: facts.receiverIdChecked,
    scanUnderCamera: facts.scanUnderCamera,
    serviceOpen: reading ? sessions.some((s) => s.endedAt === null) : facts.serviceOpen,
    itemsUnchecked: facts.itemsUnchecked,
    discrepancies: facts.discrepancies,
    discrepancyReported: facts.discrepancyReported,
    boxesNotReshelved: facts.boxesNotReshelved,
    ...(opts.reason !== undefined ? { input: { reason: opts.reason } } : {}),
  };
}
