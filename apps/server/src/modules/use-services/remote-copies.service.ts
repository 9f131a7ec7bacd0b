// D-3.12, D-10.8: remote copies. A scan job names its operator and the camera
// under which boxes are opened and scanned; the files are delivered into the
// blob store and reach the requesting side through a download that expires and
// is logged, refused attempts included.
import type { Readable } from "node:stream";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  conflict,
  DomainError,
  downloadExpiry,
  downloadRefusal,
  heldDeliveryRefusal,
  notFound,
  scanCameraRefusal,
  scanOperatorRefusal,
  useServicesPolicy,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { mediaTypeFor, safeFilename } from "../attachments/media-types.ts";
import type { MarkScreener } from "../page-intelligence/mark-screener.ts";
import { recordRemoteCopyScreen } from "../page-intelligence/remote-copy-screening.ts";
import { loadRequest, userId } from "./request-access.ts";

const REMOTE_MODES = ["remote_copy", "proxy_search"];
const SERVING = ["retrieved", "in_service"];

const notRemote = () =>
  new DomainError({
    code: "NOT_REMOTE_REQUEST",
    status: 409,
    clause: "D-3.12",
    message: { zh: "该申请不是远程调阅或代为查阅", en: "This request is not a remote copy or proxy search" },
  });

export function remoteCopiesService({ dbh: { db }, blobs, config }: Deps, screener: MarkScreener) {
  const servable = async (actor: Actor, requestId: string) => {
    const r = await loadRequest(db, actor, requestId);
    authorize(useServicesPolicy.serve(actor, r.parties), "serve this request");
    if (!REMOTE_MODES.includes(r.mode)) throw notRemote();
    if (!SERVING.includes(r.status))
      throw conflict("REQUEST_NOT_IN_SERVICE", {
        zh: "须在档案调出后、服务结束前登记",
        en: "Record this after the boxes are retrieved and before the service ends",
      });
    return r;
  };

  return {
    /** D-10.8: the operator and the camera under which the boxes are opened and scanned. */
    async startScan(
      actor: Actor,
      requestId: string,
      input: { operatorUserId: string; cameraId: string; note?: string | undefined },
    ) {
      const r = await servable(actor, requestId);
      const [camera, operator] = await Promise.all([
        db
          .selectFrom("camera")
          .select(["agencyOrgId", "covers", "recordingAllDay", "code"])
          .where("id", "=", input.cameraId)
          .executeTakeFirst(),
        db
          .selectFrom("appUser")
          .select(["orgId", "active"])
          .where("id", "=", input.operatorUserId)
          .executeTakeFirst(),
      ]);
      const veto = scanCameraRefusal(camera, r.agencyOrgId) ?? scanOperatorRefusal(operator, r.agencyOrgId);
      if (veto) throw veto;
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const job = await trx
          .insertInto("scanJob")
          .values({
            requestId,
            agencyOrgId: r.agencyOrgId,
            operatorUserId: input.operatorUserId,
            cameraId: input.cameraId,
            note: input.note ?? null,
            recordedBy: userId(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "scan_job.started",
          entityType: "use_request",
          entityId: requestId,
          payload: {
            scanJobId: job.id,
            operatorUserId: input.operatorUserId,
            cameraId: input.cameraId,
            cameraCode: camera!.code,
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        return job;
      });
    },

    async finishScan(actor: Actor, jobId: string, input: { pages?: number | undefined }) {
      const job = await db.selectFrom("scanJob").selectAll().where("id", "=", jobId).executeTakeFirst();
      if (!job) throw notFound("scan job", jobId);
      const r = await loadRequest(db, actor, job.requestId).catch(() => {
        throw notFound("scan job", jobId);
      });
      authorize(useServicesPolicy.serve(actor, r.parties), "serve this request");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const done = await trx
          .updateTable("scanJob")
          .set({ finishedAt: new Date(), pages: input.pages ?? null })
          .where("id", "=", jobId)
          .where("finishedAt", "is", null)
          .returningAll()
          .executeTakeFirst();
        if (!done)
          throw conflict("SCAN_JOB_FINISHED", { zh: "该扫描任务已结束", en: "This scan job is finished" });
        audit.record({
          action: "scan_job.finished",
          entityType: "use_request",
          entityId: job.requestId,
          payload: { scanJobId: jobId, pages: input.pages ?? null },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        return done;
      });
    },

    /** Checked before the upload is read, so a refused caller never streams a file in. */
    async authorizeDelivery(actor: Actor, requestId: string) {
      await servable(actor, requestId);
    },

    /** D-3.12: a scanned file for the requester, from a scan job under camera (D-10.8). */
    async deliver(
      actor: Actor,
      requestId: string,
      input: { scanJobId: string; expiresInDays?: number | undefined },
      file: { filename: string; stream: Readable },
    ) {
      const r = await servable(actor, requestId);
      const job = await db
        .selectFrom("scanJob")
        .select(["id", "finishedAt"])
        .where("id", "=", input.scanJobId)
        .where("requestId", "=", requestId)
        .executeTakeFirst();
      if (!job)
        throw new DomainError({
          code: "SCAN_JOB_REQUIRED",
          status: 422,
          clause: "D-10.8",
          message: {
            zh: "交付的文件须来自本申请在视频监控下的扫描任务",
            en: "A delivered file must come from a scan job of this request run under camera",
          },
        });
      const at = new Date();
      const expiresAt = downloadExpiry(at, input.expiresInDays);
      const filename = safeFilename(file.filename);
      const blob = await blobs.put(file.stream, config.maxUploadBytes);
      // D-10.8: every page is screened for classification marks before anyone can download it.
      const screen = screener.enabled
        ? await screener.screenUpload(blobs.pathOf(blob.sm3), filename)
        : { pages: [] };
      const hits = "pages" in screen ? screen.pages.filter((p) => p.hits.length) : [];
      const screening = "unscreenable" in screen ? "unscreenable" : hits.length ? "held" : "passed";
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("remoteCopyDelivery")
          .values({
            requestId,
            scanJobId: job.id,
            filename,
            mediaType: mediaTypeFor(filename, blob.head),
            sizeBytes: blob.size,
            sm3: blob.sm3,
            sha256: blob.sha256,
            expiresAt,
            deliveredBy: userId(actor),
            deliveredAt: at,
            screening,
            screenedPages: "pages" in screen ? screen.pages.length : 0,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordRemoteCopyScreen(trx, audit, {
          delivery: row,
          clientOrgId: r.clientOrgId,
          agencyOrgId: r.agencyOrgId,
          screen,
        });
        audit.record({
          action: "remote_copy.delivered",
          entityType: "use_request",
          entityId: requestId,
          payload: {
            deliveryId: row.id,
            filename,
            sm3: blob.sm3,
            sha256: blob.sha256,
            size: blob.size,
            expiresAt: expiresAt.toISOString(),
            screening,
          },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId, r.submitterOrgId],
        });
        return row;
      });
    },

    async withdraw(actor: Actor, deliveryId: string) {
      const d = await db
        .selectFrom("remoteCopyDelivery")
        .selectAll()
        .where("id", "=", deliveryId)
        .executeTakeFirst();
      if (!d) throw notFound("delivery", deliveryId);
      const r = await loadRequest(db, actor, d.requestId).catch(() => {
        throw notFound("delivery", deliveryId);
      });
      authorize(useServicesPolicy.serve(actor, r.parties), "withdraw this delivery");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx
          .updateTable("remoteCopyDelivery")
          .set({ withdrawnAt: new Date() })
          .where("id", "=", deliveryId)
          .execute();
        audit.record({
          action: "remote_copy.withdrawn",
          entityType: "use_request",
          entityId: d.requestId,
          payload: { deliveryId },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId],
        });
        return { withdrawn: true };
      });
    },

    /**
     * D-3.12, D-10.4: the requesting side downloads until the link expires. Every
     * attempt is logged; a refused one is logged in its own transaction first.
     */
    async download(actor: Actor, deliveryId: string, ip: string | null, at = new Date()) {
      const d = await db
        .selectFrom("remoteCopyDelivery")
        .selectAll()
        .where("id", "=", deliveryId)
        .executeTakeFirst();
      if (!d) throw notFound("delivery", deliveryId);
      const r = await loadRequest(db, actor, d.requestId).catch(() => {
        throw notFound("delivery", deliveryId);
      });
      authorize(useServicesPolicy.download(actor, r.parties), "download this delivery");
      const held = heldDeliveryRefusal(d.screening);
      const veto = held ?? downloadRefusal(d, at);
      const outcome = held ? "held" : veto ? (d.withdrawnAt ? "withdrawn" : "expired") : "served";
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx
          .insertInto("remoteCopyDownload")
          .values({
            deliveryId,
            userId: userId(actor),
            orgId: actor.type === "user" ? actor.orgId : null,
            at,
            outcome,
            ip,
          })
          .execute();
        audit.record({
          action: veto ? "remote_copy.download_refused" : "remote_copy.downloaded",
          entityType: "use_request",
          entityId: d.requestId,
          payload: { deliveryId, outcome, sm3: d.sm3, ip },
          scopeOrgIds: [r.clientOrgId, r.agencyOrgId, r.submitterOrgId],
        });
      });
      if (veto) throw veto;
      return { delivery: d, stream: blobs.read(d.sm3) };
    },
  };
}
export type RemoteCopiesService = ReturnType<typeof remoteCopiesService>;
