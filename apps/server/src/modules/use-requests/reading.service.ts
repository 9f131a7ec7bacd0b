// On-site reading (D-10.3, D-10.6, D-10.9): the agency records the client's
// letter of introduction and the reader's checked ID (both kept as attachments
// of the request), then opens a reading session in a reading room under named
// cameras; the first session starts the service, its end is recorded.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  type AdmissionInput,
  authorize,
  conflict,
  DomainError,
  maskIdNumber,
  notFound,
  type ReadingSessionInput,
  readingRoomRefusal,
  retrievalPolicy,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import { auditActor } from "../../lib/audit-actor.ts";
import { applyUseRequestAction } from "./use-request-transition.ts";
import type { UseRequestsService } from "./use-requests.service.ts";

const notReading = () =>
  new DomainError({
    code: "NOT_ON_SITE_READING",
    status: 409,
    clause: "D-10.3",
    message: { zh: "该申请不是现场查阅", en: "This request is not for on-site reading" },
  });

export function readingService(db: Kysely<Database>, requests: UseRequestsService) {
  const served = async (actor: Actor, id: string) => {
    const r = await requests.load(actor, id);
    authorize(retrievalPolicy.serveRequest(actor, r), "serve this use request");
    if (r.mode !== "reading") throw notReading();
    return r;
  };

  return {
    /** Reading rooms of the agency and the cameras covering reading rooms at their sites. */
    async rooms(actor: Actor, id: string) {
      const r = await served(actor, id);
      const rooms = await db
        .selectFrom("facilityRoom as fr")
        .innerJoin("site as s", "s.id", "fr.siteId")
        .select(["fr.id", "fr.name", "fr.siteId", "s.name as siteName"])
        .where("fr.agencyOrgId", "=", r.agencyOrgId)
        .where("fr.roomFunction", "=", "public_service")
        .orderBy("fr.name")
        .execute();
      const cameras = await db
        .selectFrom("camera")
        .select(["id", "code", "siteId", "covers", "recordingAllDay"])
        .where("agencyOrgId", "=", r.agencyOrgId)
        .orderBy("code")
        .execute();
      return {
        rooms: rooms.map((room) => ({ ...room, cameras: cameras.filter((c) => c.siteId === room.siteId) })),
      };
    },

    /** D-10.3, D-10.9: letter and ID, both attachments of this request. */
    async admit(actor: Actor, id: string, input: AdmissionInput) {
      const r = await served(actor, id);
      if (!["accepted", "retrieved", "in_service"].includes(r.status))
        throw conflict("ADMISSION_NOT_NOW", {
          zh: "当前状态不能登记介绍信和证件",
          en: "The letter and ID cannot be recorded in this state",
        });
      const atts = await db
        .selectFrom("attachment")
        .select("id")
        .where("entityType", "=", "use_request")
        .where("entityId", "=", id)
        .where("id", "in", [input.letterAttachmentId, input.readerIdAttachmentId])
        .execute();
      if (atts.length !== new Set([input.letterAttachmentId, input.readerIdAttachmentId]).size)
        throw notFound("attachment of this request");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = {
          ...input,
          checkedBy: actor.type === "user" ? actor.userId : null,
          checkedAt: new Date(),
        };
        await trx
          .insertInto("readingAdmission")
          .values({ requestId: id, ...row })
          .onConflict((oc) => oc.column("requestId").doUpdateSet(row))
          .execute();
        audit.record({
          action: "use_request.admission_recorded",
          entityType: "use_request",
          entityId: id,
          payload: {
            requestNo: r.requestNo,
            letterAttachmentId: input.letterAttachmentId,
            readerIdAttachmentId: input.readerIdAttachmentId,
            readerIdKind: input.readerIdKind,
            readerIdNumber: maskIdNumber(input.readerIdNumber),
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        return { requestId: id, recorded: true };
      });
    },

    /** D-10.6: the session's room must be a covered reading room; the first session starts service. */
    async start(actor: Actor, id: string, input: ReadingSessionInput) {
      const r = await served(actor, id);
      const [room, cameras] = await Promise.all([
        db
          .selectFrom("facilityRoom")
          .select(["id", "siteId", "roomFunction", "agencyOrgId"])
          .where("id", "=", input.roomId)
          .executeTakeFirst(),
        db
          .selectFrom("camera")
          .select(["id", "siteId", "covers", "recordingAllDay", "agencyOrgId"])
          .where("id", "in", input.cameraIds)
          .execute(),
      ]);
      if (
        cameras.length !== new Set(input.cameraIds).size ||
        cameras.some((c) => c.agencyOrgId !== r.agencyOrgId)
      )
        throw notFound("camera");
      const refusal = readingRoomRefusal({ room: room ?? null, cameras }, r.agencyOrgId);
      if (refusal) throw refusal;
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const state = (
          await trx.selectFrom("useRequest").select("status").where("id", "=", id).executeTakeFirstOrThrow()
        ).status;
        if (state === "retrieved")
          await applyUseRequestAction(trx, audit, actor, id, "start_service", { readingRoomCovered: true });
        else if (state !== "in_service")
          throw conflict("READING_NOT_NOW", {
            zh: "档案尚未调出或服务已结束",
            en: "The boxes are not out, or the service has ended",
          });
        const open = await trx
          .selectFrom("readingSession")
          .select("id")
          .where("requestId", "=", id)
          .where("endedAt", "is", null)
          .executeTakeFirst();
        if (open)
          throw conflict("SESSION_OPEN", { zh: "已有进行中的阅览", en: "A reading session is already open" });
        const s = await trx
          .insertInto("readingSession")
          .values({
            requestId: id,
            roomId: input.roomId,
            cameraIds: input.cameraIds,
            startedBy: actor.type === "user" ? actor.userId : null,
            note: input.note ?? null,
          })
          .returning(["id", "startedAt"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "reading_session.started",
          entityType: "use_request",
          entityId: id,
          payload: {
            requestNo: r.requestNo,
            sessionId: s.id,
            roomId: input.roomId,
            cameraIds: input.cameraIds,
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        return s;
      });
    },

    async end(actor: Actor, sessionId: string) {
      const s = await db
        .selectFrom("readingSession")
        .select(["requestId"])
        .where("id", "=", sessionId)
        .executeTakeFirst();
      if (!s) throw notFound("reading session", sessionId);
      const r = await served(actor, s.requestId).catch((e: unknown) => {
        throw e instanceof DomainError && e.status === 403 ? e : notFound("reading session", sessionId);
      });
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .updateTable("readingSession")
          .set({ endedAt: new Date(), endedBy: actor.type === "user" ? actor.userId : null })
          .where("id", "=", sessionId)
          .where("endedAt", "is", null)
          .returning(["id", "startedAt", "endedAt"])
          .executeTakeFirst();
        if (!row)
          throw conflict("SESSION_ENDED", { zh: "该阅览已结束", en: "This reading session has ended" });
        audit.record({
          action: "reading_session.ended",
          entityType: "use_request",
          entityId: r.id,
          payload: {
            requestNo: r.requestNo,
            sessionId,
            startedAt: row.startedAt.toISOString(),
            endedAt: row.endedAt!.toISOString(),
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        return row;
      });
    },
  };
}
