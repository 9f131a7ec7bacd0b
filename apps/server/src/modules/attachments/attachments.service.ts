// Attachments on any record: stored by SM3 digest, typed by content, audited.
import type { Readable } from "node:stream";
import { inTransaction } from "@dangan/db";
import { type Actor, authorize, notFound } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import type { EntityAccessResolver, EntityType } from "./entity-access.ts";
import { mediaTypeFor, safeFilename } from "./media-types.ts";

export function attachmentsService({ dbh: { db }, config, blobs }: Deps, access: EntityAccessResolver) {
  async function authorizeAttach(actor: Actor, entityType: EntityType, entityId: string) {
    const a = await access(actor, entityType, entityId);
    authorize(a.attach, "attach files to this record");
    return a;
  }

  return {
    async list(actor: Actor, entityType: EntityType, entityId: string) {
      await access(actor, entityType, entityId);
      return db
        .selectFrom("attachment as t")
        .leftJoin("appUser as u", "u.id", "t.uploadedBy")
        .selectAll("t")
        .select("u.displayName as uploaderName")
        .where("t.entityType", "=", entityType)
        .where("t.entityId", "=", entityId)
        .orderBy("t.createdAt", "desc")
        .execute();
    },

    /** Checked before the upload is read, so a refused caller never streams a file in. */
    authorizeAttach,

    async add(
      actor: Actor,
      entityType: EntityType,
      entityId: string,
      file: { filename: string; stream: Readable },
      label?: string,
    ) {
      const a = await authorizeAttach(actor, entityType, entityId);
      const filename = safeFilename(file.filename);
      const blob = await blobs.put(file.stream, config.maxUploadBytes);
      const mediaType = mediaTypeFor(filename, blob.head);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("attachment")
          .values({
            entityType,
            entityId,
            sm3: blob.sm3,
            sha256: blob.sha256,
            sizeBytes: blob.size,
            mediaType,
            filename,
            label: label ?? null,
            orgId: actor.type === "user" ? actor.orgId : null,
            uploadedBy: actor.type === "user" ? actor.userId : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "attachment.added",
          entityType,
          entityId,
          payload: {
            attachmentId: row.id,
            filename,
            sm3: blob.sm3,
            sha256: blob.sha256,
            size: blob.size,
            mediaType,
            ...operatorNote(actor),
          },
          scopeOrgIds: a.orgIds,
        });
        return row;
      });
    },

    /** The attachment row and its content stream, after checking access to its record. */
    async open(actor: Actor, id: string) {
      const row = await db.selectFrom("attachment").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw notFound("attachment", id);
      await access(actor, row.entityType as EntityType, row.entityId).catch(() => {
        throw notFound("attachment", id);
      });
      return { row, stream: blobs.read(row.sm3) };
    },
  };
}
export type AttachmentsService = ReturnType<typeof attachmentsService>;
