// The one way a use request changes state: build the context in the caller's
// transaction, apply USE_REQUEST_WORKFLOW (its guards carry the clauses), write
// the step the use register reads (D-10.4) and the audit event. The use-services
// module calls this for the return check and re-shelving.
import type { Tx, UseRequestStatus } from "@dangan/db";
import {
  type Actor,
  type AuditEventDraft,
  applyTransition,
  notFound,
  USE_REQUEST_ACTION_CLAUSE,
  USE_REQUEST_WORKFLOW,
  type UseRequestAction,
} from "@dangan/domain";
import { useRequestContext } from "./use-request-context.ts";

const TERMINAL: UseRequestStatus[] = ["closed", "rejected", "cancelled"];

export async function applyUseRequestAction(
  trx: Tx,
  audit: { record(d: AuditEventDraft): void },
  actor: Actor,
  requestId: string,
  action: UseRequestAction,
  opts: { reason?: string | undefined; note?: string | undefined; readingRoomCovered?: boolean } = {},
) {
  const r = await trx
    .selectFrom("useRequest")
    .selectAll()
    .where("id", "=", requestId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) throw notFound("use request", requestId);
  const ctx = await useRequestContext(trx, r, {
    ...(opts.readingRoomCovered !== undefined ? { readingRoomCovered: opts.readingRoomCovered } : {}),
    ...(action === "reject" ? { reason: opts.reason ?? "" } : {}),
  });
  const to = applyTransition(USE_REQUEST_WORKFLOW, r.status, action, ctx);
  const now = new Date();
  const note = opts.reason ?? opts.note ?? null;
  await trx
    .updateTable("useRequest")
    .set({
      status: to,
      updatedAt: now,
      ...(action === "reject" || action === "cancel" ? { statusReason: note } : {}),
      ...(TERMINAL.includes(to) ? { closedAt: now } : {}),
    })
    .where("id", "=", requestId)
    .execute();
  await trx
    .insertInto("useRequestStep")
    .values({
      requestId,
      action,
      fromState: r.status,
      toState: to,
      byUserId: actor.type === "user" ? actor.userId : null,
      at: now,
      note,
    })
    .execute();
  audit.record({
    action: "use_request.transitioned",
    entityType: "use_request",
    entityId: requestId,
    payload: {
      requestNo: r.requestNo,
      action,
      from: r.status,
      to,
      clause: USE_REQUEST_ACTION_CLAUSE[action],
      ...(note ? { note } : {}),
    },
    scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
  });
  return { id: requestId, status: to, from: r.status };
}
