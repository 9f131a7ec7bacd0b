// Confirmations (D-8.2, Z-6.3): a responsible person confirms the exact content
// of a document on behalf of their organisation, signed with its Ed25519 key.

import { type Confirmation, inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  authorize,
  type ConfirmationStatement,
  DomainError,
  notFound,
  SM3_HEX,
  signStatement,
  statementText,
  verifyStatement,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { EntityAccessResolver, EntityType } from "../attachments/entity-access.ts";
import { decryptKey } from "./signing-keys.ts";

export interface ConfirmInput {
  entityType: EntityType;
  entityId: string;
  documentKind: string;
  /** Confirms this attachment's content… */
  attachmentId?: string | undefined;
  /** …or a digest the caller computed over a generated document. */
  documentDigest?: string | undefined;
}

const alreadyConfirmed = (at: Date) =>
  new DomainError({
    code: "ALREADY_CONFIRMED",
    status: 409,
    message: {
      zh: "本单位已确认过该文件的这一版本",
      en: "Your organisation has already confirmed this exact document",
    },
    details: { signedAt: at.toISOString() },
  });

const statementOf = (c: Confirmation): ConfirmationStatement => ({
  documentKind: c.documentKind,
  documentDigest: c.documentDigest,
  entityType: c.entityType,
  entityId: c.entityId,
  orgId: c.orgId,
  signerUserId: c.signerUserId,
  signerName: c.signerName,
  signedAt: c.signedAt.toISOString(),
});

export function confirmationsService({ dbh: { db }, config }: Deps, access: EntityAccessResolver) {
  /** Signs inside the caller's transaction; other modules call this directly. */
  async function signIn(
    trx: Tx,
    actor: Actor & { type: "user" },
    input: Required<Omit<ConfirmInput, "attachmentId">>,
  ) {
    const [key, user] = await Promise.all([
      trx.selectFrom("signingKey").selectAll().where("orgId", "=", actor.orgId).executeTakeFirstOrThrow(),
      trx
        .selectFrom("appUser")
        .select("displayName")
        .where("id", "=", actor.userId)
        .executeTakeFirstOrThrow(),
    ]);
    const statement: ConfirmationStatement = {
      documentKind: input.documentKind,
      documentDigest: input.documentDigest,
      entityType: input.entityType,
      entityId: input.entityId,
      orgId: actor.orgId,
      signerUserId: actor.userId,
      signerName: user.displayName,
      signedAt: new Date().toISOString(),
    };
    const signature = signStatement(statement, decryptKey(key.privateKeyEnc, config.secret));
    return trx
      .insertInto("confirmation")
      .values({
        ...statement,
        signedAt: new Date(statement.signedAt),
        signature,
        publicKeyPem: key.publicKeyPem,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  return {
    signIn,

    async confirm(actor: Actor, input: ConfirmInput) {
      if (actor.type !== "user") throw new Error("confirmations are given by people");
      const a = await access(actor, input.entityType, input.entityId);
      authorize(a.confirm, "confirm documents of this record");
      let digest = input.documentDigest;
      if (input.attachmentId) {
        const att = await db
          .selectFrom("attachment")
          .select(["sm3"])
          .where("id", "=", input.attachmentId)
          .where("entityType", "=", input.entityType)
          .where("entityId", "=", input.entityId)
          .executeTakeFirst();
        if (!att) throw notFound("attachment", input.attachmentId);
        digest = att.sm3;
      }
      if (!digest || !SM3_HEX.test(digest)) {
        throw new DomainError({
          code: "DOCUMENT_DIGEST_REQUIRED",
          status: 400,
          message: { zh: "须指定要确认的文件", en: "Name the attachment or the SM3 digest being confirmed" },
        });
      }
      const documentDigest = digest;
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const prior = await trx
          .selectFrom("confirmation")
          .select("signedAt")
          .where("entityType", "=", input.entityType)
          .where("entityId", "=", input.entityId)
          .where("documentDigest", "=", documentDigest)
          .where("orgId", "=", actor.orgId)
          .executeTakeFirst();
        if (prior) throw alreadyConfirmed(prior.signedAt);
        const row = await signIn(trx, actor, { ...input, documentDigest });
        audit.record({
          action: "confirmation.signed",
          entityType: input.entityType,
          entityId: input.entityId,
          payload: {
            confirmationId: row.id,
            documentKind: input.documentKind,
            documentDigest,
            orgId: actor.orgId,
          },
          scopeOrgIds: a.orgIds,
        });
        return { ...row, valid: true };
      });
    },

    async list(actor: Actor, entityType: EntityType, entityId: string) {
      await access(actor, entityType, entityId);
      const rows = await db
        .selectFrom("confirmation as c")
        .innerJoin("organisation as o", "o.id", "c.orgId")
        .selectAll("c")
        .select("o.name as orgName")
        .where("c.entityType", "=", entityType)
        .where("c.entityId", "=", entityId)
        .orderBy("c.signedAt")
        .execute();
      return rows.map((c) => ({ ...c, valid: verifyStatement(statementOf(c), c.signature, c.publicKeyPem) }));
    },

    /** Everything needed to verify the confirmation offline. */
    async exportBundle(actor: Actor, id: string) {
      const c = await db.selectFrom("confirmation").selectAll().where("id", "=", id).executeTakeFirst();
      if (!c) throw notFound("confirmation", id);
      await access(actor, c.entityType as EntityType, c.entityId).catch(() => {
        throw notFound("confirmation", id);
      });
      return {
        format: "dangan-confirmation/v1",
        statement: statementText(statementOf(c)),
        signatureBase64: c.signature,
        algorithm: "ed25519",
        publicKeyPem: c.publicKeyPem,
        howToVerify:
          "Save `statement` as statement.txt (UTF-8, no trailing newline), the decoded signature as sig.bin and the key as pub.pem; then: openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in statement.txt -sigfile sig.bin",
      };
    },
  };
}
export type ConfirmationsService = ReturnType<typeof confirmationsService>;
