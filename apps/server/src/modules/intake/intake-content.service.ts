// D-8.10: item titles are catalogue metadata both parties see; the content of
// an item (its scans and photos) is opened by agency staff only under a grant
// the client records for the batch, and every opening is in the audit trail.
// Content files are attachments of type "item_content", which the generic
// attachment routes do not serve: only `view` below opens them.
import type { Readable } from "node:stream";
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  contentViewRefusal,
  DomainError,
  intakePolicy,
  notFound,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { mediaTypeFor, safeFilename } from "../attachments/media-types.ts";
import { type BatchRow, batchParties } from "./intake.repository.ts";
import type { IntakeService } from "./intake.service.ts";
import { scopeOf, userIdOf } from "./intake-support.ts";

export const ITEM_CONTENT = "item_content";

const sideOf = (actor: Actor, b: BatchRow) =>
  actor.type === "system" || actor.orgId === b.clientOrgId
    ? "client"
    : actor.orgId === b.agencyOrgId
      ? "agency"
      : "other";

const activeGrant = (db: Kysely<Database>, batchId: string) =>
  db
    .selectFrom("intakeContentGrant")
    .select(["id", "grantedAt"])
    .where("batchId", "=", batchId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();

async function itemOfBatch(db: Kysely<Database>, batchId: string, itemId: string) {
  const item = await db
    .selectFrom("intakeBatchCatalogue as bc")
    .innerJoin("catalogueItem as i", "i.catalogueId", "bc.catalogueId")
    .select(["i.id", "i.referenceCode", "i.title"])
    .where("bc.batchId", "=", batchId)
    .where("i.id", "=", itemId)
    .executeTakeFirst();
  if (!item) throw notFound("catalogue_item", itemId);
  return item;
}

export function intakeContentService({ dbh: { db }, config, blobs }: Deps, intake: IntakeService) {
  async function setGrant(actor: Actor, batchId: string, grant: boolean, note?: string) {
    return inTransaction(db, auditActor(actor), async (trx, audit) => {
      const b = await intake.readable(actor, batchId, trx, true);
      authorize(intakePolicy.decideForClient(actor, batchParties(b)), "decide on content access");
      const active = await activeGrant(trx, b.id);
      if (grant === !!active)
        throw new DomainError({
          code: grant ? "CONTENT_ACCESS_ALREADY_GRANTED" : "CONTENT_ACCESS_NOT_GRANTED",
          status: 409,
          clause: "D-8.10",
          message: grant
            ? { zh: "已授权查看本批次档案内容", en: "Content access is already granted for this batch" }
            : { zh: "本批次没有有效的内容查看授权", en: "This batch has no content access grant to revoke" },
        });
      const by = userIdOf(actor);
      if (grant && by)
        await trx
          .insertInto("intakeContentGrant")
          .values({ batchId: b.id, grantedBy: by, note: note ?? null })
          .execute();
      if (!grant)
        await trx
          .updateTable("intakeContentGrant")
          .set({ revokedAt: new Date(), revokedBy: by })
          .where("id", "=", active!.id)
          .execute();
      audit.record({
        action: grant ? "intake.content_access_granted" : "intake.content_access_revoked",
        entityType: "intake_batch",
        entityId: b.id,
        payload: { projectId: b.projectId, ...(note ? { note } : {}) },
        scopeOrgIds: scopeOf(b),
      });
      return { granted: grant };
    });
  }

  async function authorizeAdd(actor: Actor, batchId: string, itemId: string) {
    const b = await intake.readable(actor, batchId);
    authorize(intakePolicy.decideForClient(actor, batchParties(b)), "add content to the client's items");
    return { b, item: await itemOfBatch(db, b.id, itemId) };
  }

  return {
    grant: (actor: Actor, batchId: string, note?: string) => setGrant(actor, batchId, true, note),
    revoke: (actor: Actor, batchId: string) => setGrant(actor, batchId, false),

    /** Names and sizes of an item's content files: metadata, readable by the batch's readers. */
    async list(actor: Actor, batchId: string, itemId: string) {
      const b = await intake.readable(actor, batchId);
      await itemOfBatch(db, b.id, itemId);
      return db
        .selectFrom("attachment")
        .select(["id", "filename", "mediaType", "sizeBytes", "createdAt"])
        .where("entityType", "=", ITEM_CONTENT)
        .where("entityId", "=", itemId)
        .orderBy("createdAt")
        .execute();
    },

    /** Checked before the upload is read, so a refused caller never streams a file in. */
    authorizeAdd,

    /** The client adds scans or photos of its own item. */
    async add(actor: Actor, batchId: string, itemId: string, file: { filename: string; stream: Readable }) {
      const { b, item } = await authorizeAdd(actor, batchId, itemId);
      const filename = safeFilename(file.filename);
      const blob = await blobs.put(file.stream, config.maxUploadBytes);
      const mediaType = mediaTypeFor(filename, blob.head);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("attachment")
          .values({
            entityType: ITEM_CONTENT,
            entityId: item.id,
            sm3: blob.sm3,
            sha256: blob.sha256,
            sizeBytes: blob.size,
            mediaType,
            filename,
            label: null,
            orgId: actor.type === "user" ? actor.orgId : null,
            uploadedBy: userIdOf(actor),
          })
          .returning(["id", "filename", "mediaType", "sizeBytes", "createdAt"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "intake.content_added",
          entityType: "intake_batch",
          entityId: b.id,
          payload: {
            itemId: item.id,
            referenceCode: item.referenceCode,
            attachmentId: row.id,
            sm3: blob.sm3,
            filename,
          },
          scopeOrgIds: scopeOf(b),
        });
        return row;
      });
    },

    /** D-8.10: opens a content file; agency staff need the client's grant; every opening is logged. */
    async view(actor: Actor, attachmentId: string) {
      const att = await db
        .selectFrom("attachment as t")
        .innerJoin("catalogueItem as i", "i.id", "t.entityId")
        .innerJoin("intakeBatchCatalogue as bc", "bc.catalogueId", "i.catalogueId")
        .select([
          "t.id",
          "t.sm3",
          "t.filename",
          "t.mediaType",
          "t.sizeBytes",
          "i.id as itemId",
          "i.referenceCode",
          "bc.batchId",
        ])
        .where("t.id", "=", attachmentId)
        .where("t.entityType", "=", ITEM_CONTENT)
        .executeTakeFirst();
      if (!att) throw notFound("content", attachmentId);
      const b = await intake.readable(actor, att.batchId).catch(() => {
        throw notFound("content", attachmentId);
      });
      const side = sideOf(actor, b);
      const refusal = contentViewRefusal(side, !!(await activeGrant(db, b.id)));
      if (refusal) throw refusal;
      await inTransaction(db, auditActor(actor), async (_trx, audit) => {
        audit.record({
          action: "intake.content_viewed",
          entityType: "intake_batch",
          entityId: b.id,
          payload: {
            itemId: att.itemId,
            referenceCode: att.referenceCode,
            attachmentId,
            filename: att.filename,
            side,
          },
          scopeOrgIds: scopeOf(b),
        });
      });
      return { row: att, stream: blobs.read(att.sm3) };
    },
  };
}
export type IntakeContentService = ReturnType<typeof intakeContentService>;
