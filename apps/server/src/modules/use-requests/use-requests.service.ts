// Use requests (D-10.1–D-10.7): submission checked against the written grant,
// the agency's queue, acceptance or refusal, retrieval of the boxes from the
// vault (checkout movements, D-9.11) and the state machine's other steps.
import { type Database, inTransaction, type UseRequestStatus } from "@dangan/db";
import {
  type Actor,
  authorize,
  DUE_HOURS,
  forbidden,
  granteeMismatch,
  maskIdNumber,
  nextActions,
  notFound,
  policy,
  requesterKindFor,
  requestPermissions,
  retrievalPolicy,
  USE_REQUEST_WORKFLOW,
  type UseRequestAction,
  type UseRequestInput,
  useRequestRefusal,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import type { GrantsService } from "../grants/grants.service.ts";
import { recordMovement } from "../movements/record.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { useRequestContext } from "./use-request-context.ts";
import { applyUseRequestAction } from "./use-request-transition.ts";
import { type RequestFilter, type UseRequestRow, useRequestsRepository } from "./use-requests.repository.ts";

export function useRequestsService({ dbh: { db } }: Deps, projects: ProjectsService, grants: GrantsService) {
  const repo = useRequestsRepository(db);

  async function load(actor: Actor, id: string, ex: Kysely<Database> = db): Promise<UseRequestRow> {
    const r = await repo.find(id, ex);
    if (!r || !retrievalPolicy.readRequest(actor, r)) throw notFound("use request", id);
    return r;
  }
  const mask = (actor: Actor, r: UseRequestRow) => ({
    ...r,
    userIdNumber:
      actor.type === "user" && actor.orgId === r.agencyOrgId ? r.userIdNumber : maskIdNumber(r.userIdNumber),
  });

  return {
    repo,
    load,

    async list(
      actor: Actor,
      f: RequestFilter,
      page: number,
      pageSize: number,
      order: "due" | "recent" = "recent",
    ) {
      const r = await repo.page(actor, f, page, pageSize, order);
      return pageOf(
        r.items.map((x) => ({
          ...mask(actor, x),
          overdue:
            x.dueAt < new Date() && !["closed", "rejected", "cancelled", "returned"].includes(x.status),
        })),
        r.total,
        page,
        pageSize,
      );
    },

    async get(actor: Actor, id: string) {
      const r = await load(actor, id);
      const [items, steps, admission, sessions] = await Promise.all([
        repo.items(id),
        repo.steps(id),
        db
          .selectFrom("readingAdmission as a")
          .leftJoin("appUser as u", "u.id", "a.checkedBy")
          .selectAll("a")
          .select("u.displayName as checkedByName")
          .where("a.requestId", "=", id)
          .executeTakeFirst(),
        db
          .selectFrom("readingSession as s")
          .innerJoin("facilityRoom as fr", "fr.id", "s.roomId")
          .selectAll("s")
          .select(["fr.name as roomName"])
          .select((eb) => [
            eb
              .selectFrom("camera as c")
              .select((e) => e.fn.agg<string>("string_agg", ["c.code", e.val("、")]).as("codes"))
              .where((e) => e("c.id", "=", e.fn.any("s.cameraIds")))
              .as("cameraCodes"),
          ])
          .where("s.requestId", "=", id)
          .orderBy("s.startedAt")
          .execute(),
      ]);
      const permissions = requestPermissions(actor, r);
      const ctx = await db.transaction().execute((trx) => useRequestContext(trx, r));
      const next =
        permissions.serve || permissions.cancel ? nextActions(USE_REQUEST_WORKFLOW, r.status, ctx) : [];
      return {
        ...mask(actor, r),
        items,
        steps,
        admission: admission
          ? { ...admission, readerIdNumber: maskIdNumber(admission.readerIdNumber) }
          : null,
        sessions,
        permissions,
        nextActions: next.filter((a) => permissions.serve || a.action === "cancel"),
        accessRefusal: ctx.accessRefusal?.toJSON() ?? null,
      };
    },

    async submit(actor: Actor, input: UseRequestInput) {
      if (actor.type === "user" && actor.orgKind === "regulator") throw forbidden("submit use requests");
      const p = await projects.repo.find(input.projectId);
      const grant = input.grantId ? await grants.load(actor, input.grantId).catch(() => null) : null;
      const party = !!p && policy.readProject(actor, partiesOf(p));
      if (!p || !(party || grant?.projectId === p.id)) throw notFound("project", input.projectId);
      if (input.grantId && (!grant || grant.projectId !== p.id))
        throw notFound("written grant", input.grantId);
      const requester = requesterKindFor(actor, p, input.requesterKind);
      if (requester instanceof Error) throw requester;
      const mismatch = grant
        ? granteeMismatch({
            requester,
            actorOrgId: actor.type === "user" ? actor.orgId : null,
            agencyOrgId: p.agencyOrgId,
            grant,
            userName: input.userName,
            userIdNumber: input.userIdNumber ?? null,
          })
        : undefined;
      if (mismatch) throw mismatch;
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const items = await trx
          .selectFrom("catalogueItem as i")
          .leftJoin("boxItem as bi", "bi.itemId", "i.id")
          .select(["i.id as itemId", "bi.boxId"])
          .where("i.id", "in", input.itemIds)
          .where("i.projectId", "=", p.id)
          .execute();
        if (items.length !== new Set(input.itemIds).size) throw notFound("catalogue item");
        const view = input.grantId ? await grants.repo.view(input.grantId, trx) : null;
        const refusal = useRequestRefusal({
          requester,
          mode: input.mode,
          items,
          grant: view,
          at: new Date(),
        });
        if (refusal) throw refusal;
        const now = new Date();
        const submittedBy = actor.type === "user" ? actor.userId : await systemSubmitter(trx, p.agencyOrgId);
        const r = await trx
          .insertInto("useRequest")
          .values({
            requestNo: await repo.nextNo(trx),
            projectId: p.id,
            clientOrgId: p.clientOrgId,
            agencyOrgId: p.agencyOrgId,
            requesterKind: requester,
            userName: input.userName,
            userOrgName: input.userOrgName ?? null,
            userIdKind: input.userIdKind ?? null,
            userIdNumber: input.userIdNumber ?? null,
            grantId: input.grantId ?? null,
            mode: input.mode,
            purpose: input.purpose,
            priority: input.priority,
            dueAt: new Date(now.getTime() + DUE_HOURS[input.priority] * 3_600_000),
            submittedBy,
            submittedAt: now,
          })
          .returning(["id", "requestNo", "status", "dueAt"])
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("useRequestItem")
          .values(items.map((i) => ({ requestId: r.id, itemId: i.itemId, boxId: i.boxId })))
          .execute();
        await trx
          .insertInto("useRequestStep")
          .values({
            requestId: r.id,
            action: "submit",
            fromState: "new",
            toState: "submitted",
            byUserId: submittedBy,
            at: now,
            note: null,
          })
          .execute();
        audit.record({
          action: "use_request.submitted",
          entityType: "use_request",
          entityId: r.id,
          payload: {
            requestNo: r.requestNo,
            projectId: p.id,
            requester,
            mode: input.mode,
            grantId: input.grantId ?? null,
            items: items.length,
            priority: input.priority,
            user: input.userName,
          },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
        });
        return r;
      });
    },

    /** accept, reject, cancel, finish_service and the steps other modules do not own. */
    async act(
      actor: Actor,
      id: string,
      action: UseRequestAction,
      input: { reason?: string | undefined; note?: string | undefined },
    ) {
      const r = await load(actor, id);
      const perms = requestPermissions(actor, r);
      authorize(action === "cancel" ? perms.cancel : perms.serve, `${action} this use request`);
      return inTransaction(db, auditActor(actor), (trx, audit) =>
        applyUseRequestAction(trx, audit, actor, id, action, input),
      );
    },

    /** D-9.11: checks the request's boxes out of the vault, then marks it retrieved. */
    async retrieve(actor: Actor, id: string) {
      const r = await load(actor, id);
      authorize(retrievalPolicy.serveRequest(actor, r), "retrieve boxes for this use request");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const status = (
          await trx
            .selectFrom("useRequest")
            .select("status")
            .where("id", "=", id)
            .forUpdate()
            .executeTakeFirstOrThrow()
        ).status;
        const ok: UseRequestStatus[] = ["accepted"];
        const boxes = ok.includes(status)
          ? await trx
              .selectFrom("box as b")
              .select(["b.id", "b.locationId"])
              .distinct()
              .where("b.id", "in", (eb) =>
                eb
                  .selectFrom("useRequestItem")
                  .select("boxId")
                  .where("requestId", "=", id)
                  .where("boxId", "is not", null)
                  .$narrowType<{ boxId: string }>(),
              )
              .where("b.status", "=", "shelved")
              .execute()
          : [];
        for (const b of boxes)
          await recordMovement(trx, audit, {
            boxId: b.id,
            kind: "checkout",
            fromLocationId: b.locationId,
            toLocationId: null,
            byUserId: actor.type === "user" ? actor.userId : null,
            referenceType: "use_request",
            referenceId: id,
            note: `调阅 ${r.requestNo}`,
            status: "checked_out",
          });
        return {
          ...(await applyUseRequestAction(trx, audit, actor, id, "retrieve")),
          boxesCheckedOut: boxes.length,
        };
      });
    },
  };
}

/** The CLI and demo act as the system; a request still names a person, the agency's manager. */
async function systemSubmitter(trx: Kysely<Database>, agencyOrgId: string) {
  const u = await trx
    .selectFrom("appUser")
    .select("id")
    .where("orgId", "=", agencyOrgId)
    .orderBy("createdAt")
    .executeTakeFirstOrThrow();
  return u.id;
}
export type UseRequestsService = ReturnType<typeof useRequestsService>;
