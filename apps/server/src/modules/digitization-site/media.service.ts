// Z-7.5 designated storage devices and operators, copy events; Z-7.6 the media
// register; Z-7.7 the handover of results and backup media with a manifest,
// verified by the client, and the agency's signed confirmation of no copy.
import { type AuditRecorder, inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  type ActualFile,
  type CopyAction,
  compareManifest,
  conflict,
  copyRefusal,
  DomainError,
  type ManifestEntry,
  type MediaKind,
  type MediaPurpose,
  manifestDigest,
  mediaStatusRefusal,
  NO_COPY_DOCUMENT_KIND,
  noCopyStatement,
  notFound,
  parseManifest,
  sm3Hex,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import { type SiteAccess, userId } from "./site-access.ts";

export interface MediaInput {
  label: string;
  kind: MediaKind;
  capacityGb: number;
  purpose: MediaPurpose;
  custodianPersonId?: string | undefined;
}

export interface CopyInput {
  deviceId: string;
  personId: string;
  mediaId?: string | undefined;
  action: CopyAction;
  description: string;
  fileCount?: number | undefined;
}

export interface HandoverInput {
  mediaIds: string[];
  receivedByName: string;
  note?: string | undefined;
  files?: ManifestEntry[] | undefined;
  manifest?: string | undefined;
}

const isUnique = (e: unknown) => (e as { code?: string }).code === "23505";

const manifestRequired = () =>
  new DomainError({
    code: "MANIFEST_REQUIRED",
    status: 422,
    clause: "Z-7.7",
    message: { zh: "移交须附成果文件清单", en: "A handover needs the manifest of the files handed over" },
  });

export function mediaService({ dbh: { db } }: Deps, site: SiteAccess, confirmations: ConfirmationsService) {
  async function recordVerification(
    trx: Tx,
    actor: Actor,
    handoverId: string,
    actual: ActualFile[],
    source: "upload" | "cli",
    audit: AuditRecorder,
    scopeOrgIds: string[],
  ) {
    const recorded = await trx
      .selectFrom("digitizationManifestFile")
      .select(["path", "sizeBytes", "sm3"])
      .where("handoverId", "=", handoverId)
      .execute();
    const result = compareManifest(
      recorded.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes) })),
      actual,
    );
    const row = await trx
      .insertInto("digitizationManifestVerification")
      .values({ handoverId, source, ...result, verifiedBy: userId(actor) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("digitizationMediaHandover")
      .set({ verifiedOutcome: result.outcome, verifiedBy: userId(actor), verifiedAt: row.verifiedAt })
      .where("id", "=", handoverId)
      .execute();
    audit.record({
      action: "digitization_manifest.verified",
      entityType: "digitization_media_handover",
      entityId: handoverId,
      payload: {
        verificationId: row.id,
        source,
        outcome: result.outcome,
        missing: result.missing.slice(0, 100),
        extra: result.extra.slice(0, 100),
        mismatched: result.mismatched.slice(0, 100),
      },
      scopeOrgIds,
    });
    return row;
  }

  return {
    async registerMedia(actor: Actor, projectId: string, input: MediaInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "register", trx);
        if (input.custodianPersonId) {
          const p = await trx
            .selectFrom("digitizationPerson")
            .select("id")
            .where("id", "=", input.custodianPersonId)
            .where("projectId", "=", projectId)
            .executeTakeFirst();
          if (!p) throw notFound("person", input.custodianPersonId);
        }
        const row = await trx
          .insertInto("digitizationMedia")
          .values({
            projectId,
            ...input,
            custodianPersonId: input.custodianPersonId ?? null,
            registeredBy: userId(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((e) => {
            throw isUnique(e)
              ? conflict("DUPLICATE", { zh: "介质编号已登记", en: "A medium with this label is registered" })
              : e;
          });
        audit.record({
          action: "digitization_media.registered",
          entityType: "digitization_media",
          entityId: row.id,
          payload: { projectId, ...input },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-7.5: designate (or stop designating) a storage device for results. */
    async designateDevice(actor: Actor, deviceId: string, designated: boolean) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "device", deviceId, trx, "register");
        const row = await trx
          .updateTable("digitizationDevice")
          .set({ designatedStorage: designated })
          .where("id", "=", deviceId)
          .returning(["id", "name", "serial", "designatedStorage"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_device.designated",
          entityType: "digitization_device",
          entityId: deviceId,
          payload: { designated },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-7.5: designate (or stop designating) a person for storing and copying results. */
    async designatePerson(actor: Actor, personId: string, designated: boolean) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "person", personId, trx, "register");
        const p = await trx
          .selectFrom("digitizationPerson")
          .select(["status", "name"])
          .where("id", "=", personId)
          .executeTakeFirstOrThrow();
        if (designated && p.status !== "active")
          throw conflict("PERSON_REVOKED", {
            zh: "登记已注销的人员不能指定",
            en: "A revoked person cannot be designated",
          });
        const row = await trx
          .updateTable("digitizationPerson")
          .set({ designatedOperator: designated })
          .where("id", "=", personId)
          .returning(["id", "name", "designatedOperator"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_person.designated",
          entityType: "digitization_person",
          entityId: personId,
          payload: { designated, name: p.name },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-7.5: a copy of results, only from a designated device by a designated person; logged. */
    async recordCopy(actor: Actor, projectId: string, input: CopyInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "record", trx);
        const [device, person, media] = await Promise.all([
          trx
            .selectFrom("digitizationDevice")
            .selectAll()
            .where("id", "=", input.deviceId)
            .where("projectId", "=", projectId)
            .executeTakeFirst(),
          trx
            .selectFrom("digitizationPerson")
            .selectAll()
            .where("id", "=", input.personId)
            .where("projectId", "=", projectId)
            .executeTakeFirst(),
          input.mediaId
            ? trx
                .selectFrom("digitizationMedia")
                .selectAll()
                .where("id", "=", input.mediaId)
                .where("projectId", "=", projectId)
                .executeTakeFirst()
            : Promise.resolve(null),
        ]);
        if (!device) throw notFound("device", input.deviceId);
        if (!person) throw notFound("person", input.personId);
        if (media === undefined) throw notFound("medium", input.mediaId);
        const veto = copyRefusal(device, person);
        if (veto) throw veto;
        if (media) {
          const gone = mediaStatusRefusal(media.label, media.status);
          if (gone) throw gone;
        }
        const row = await trx
          .insertInto("digitizationCopyEvent")
          .values({
            projectId,
            deviceId: device.id,
            personId: person.id,
            mediaId: media?.id ?? null,
            action: input.action,
            description: input.description,
            fileCount: input.fileCount ?? null,
            recordedBy: userId(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_copy.recorded",
          entityType: "digitization_device",
          entityId: device.id,
          payload: {
            copyId: row.id,
            person: person.name,
            media: media?.label ?? null,
            action: input.action,
            description: input.description,
            fileCount: input.fileCount ?? null,
          },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-7.7: media handed to the client with the manifest of the files on them. */
    async handOver(actor: Actor, projectId: string, input: HandoverInput) {
      const files = input.files?.length
        ? parseManifest(JSON.stringify(input.files))
        : input.manifest
          ? parseManifest(input.manifest)
          : [];
      if (!files.length) throw manifestRequired();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "register", trx);
        const media = await trx
          .selectFrom("digitizationMedia")
          .selectAll()
          .where("projectId", "=", projectId)
          .where("id", "in", input.mediaIds)
          .forUpdate()
          .execute();
        const unknown = input.mediaIds.find((id) => !media.some((m) => m.id === id));
        if (unknown) throw notFound("medium", unknown);
        for (const m of media) {
          const veto = mediaStatusRefusal(m.label, m.status);
          if (veto) throw veto;
        }
        const digest = manifestDigest(files);
        const h = await trx
          .insertInto("digitizationMediaHandover")
          .values({
            projectId,
            handedBy: userId(actor),
            receivedByName: input.receivedByName,
            note: input.note ?? null,
            manifestDigest: digest,
            fileCount: files.length,
            totalBytes: files.reduce((n, f) => n + f.sizeBytes, 0),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("digitizationManifestFile")
          .values(files.map((f) => ({ handoverId: h.id, ...f })))
          .execute();
        await trx
          .updateTable("digitizationMedia")
          .set({ status: "handed_to_client", handoverId: h.id })
          .where("id", "in", input.mediaIds)
          .execute();
        audit.record({
          action: "digitization_media_handover.recorded",
          entityType: "digitization_media_handover",
          entityId: h.id,
          payload: {
            projectId,
            media: media.map((m) => m.label),
            receivedByName: input.receivedByName,
            manifestDigest: digest,
            fileCount: files.length,
          },
          scopeOrgIds: s.scopeOrgIds,
        });
        return h;
      });
    },

    async handover(actor: Actor, handoverId: string) {
      const s = await site.loadRecord(actor, "handover", handoverId, db);
      const [h, files, verifications, media, confirmationsList] = await Promise.all([
        db
          .selectFrom("digitizationMediaHandover")
          .selectAll()
          .where("id", "=", handoverId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("digitizationManifestFile")
          .selectAll()
          .where("handoverId", "=", handoverId)
          .orderBy("path")
          .limit(10_000)
          .execute(),
        db
          .selectFrom("digitizationManifestVerification")
          .selectAll()
          .where("handoverId", "=", handoverId)
          .orderBy("verifiedAt", "desc")
          .execute(),
        db
          .selectFrom("digitizationMedia")
          .selectAll()
          .where("handoverId", "=", handoverId)
          .orderBy("label")
          .execute(),
        db
          .selectFrom("confirmation as c")
          .innerJoin("organisation as o", "o.id", "c.orgId")
          .select([
            "c.id",
            "c.documentKind",
            "c.documentDigest",
            "c.signerName",
            "c.signedAt",
            "o.name as orgName",
          ])
          .where("c.entityType", "=", "digitization_media_handover")
          .where("c.entityId", "=", handoverId)
          .execute(),
      ]);
      return { ...h, files, verifications, media, confirmations: confirmationsList, permissions: s.can };
    },

    /** The recorded manifest, as the CSV the CLI and the client's tools read. */
    async manifestCsv(actor: Actor, handoverId: string) {
      await site.loadRecord(actor, "handover", handoverId, db);
      const files = await db
        .selectFrom("digitizationManifestFile")
        .selectAll()
        .where("handoverId", "=", handoverId)
        .orderBy("path")
        .execute();
      const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      return `${[
        "path,size,sm3,sha256",
        ...files.map((f) => `${q(f.path)},${f.sizeBytes},${f.sm3},${f.sha256}`),
      ].join("\n")}\n`;
    },

    /** Z-7.7: the client checks what it received: an uploaded manifest (csv/json) against the recorded one. */
    async verifyUpload(actor: Actor, handoverId: string, manifest: string) {
      const actual = parseManifest(manifest);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "handover", handoverId, trx, "clientDecide");
        return recordVerification(trx, actor, handoverId, actual, "upload", audit, s.scopeOrgIds);
      });
    },

    /** Z-7.7: the CLI's check of a folder (SM3 of every file) against the recorded manifest. */
    async verifyFiles(actor: Actor, handoverId: string, actual: ActualFile[]) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "handover", handoverId, trx, "clientDecide");
        return recordVerification(trx, actor, handoverId, actual, "cli", audit, s.scopeOrgIds);
      });
    },

    /** Z-7.7: the agency's manager signs that the agency keeps no copy of the results. */
    async confirmNoCopy(actor: Actor, handoverId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "handover", handoverId, trx, "confirmNoCopy");
        if (actor.type !== "user") throw new Error("confirmations are given by people");
        const h = await trx
          .selectFrom("digitizationMediaHandover")
          .selectAll()
          .where("id", "=", handoverId)
          .executeTakeFirstOrThrow();
        const statement = noCopyStatement({
          projectCode: s.project.code,
          handoverId,
          manifestDigest: h.manifestDigest,
        });
        const documentDigest = sm3Hex(statement);
        const prior = await trx
          .selectFrom("confirmation")
          .select("id")
          .where("entityType", "=", "digitization_media_handover")
          .where("entityId", "=", handoverId)
          .where("documentDigest", "=", documentDigest)
          .where("orgId", "=", actor.orgId)
          .executeTakeFirst();
        if (prior)
          throw conflict("ALREADY_CONFIRMED", {
            zh: "本单位已确认不留存成果",
            en: "Your organisation has already confirmed that it keeps no copy",
          });
        const c = await confirmations.signIn(trx, actor, {
          entityType: "digitization_media_handover",
          entityId: handoverId,
          documentKind: NO_COPY_DOCUMENT_KIND,
          documentDigest,
        });
        audit.record({
          action: "digitization_no_copy.confirmed",
          entityType: "digitization_media_handover",
          entityId: handoverId,
          payload: { confirmationId: c.id, documentDigest, manifestDigest: h.manifestDigest },
          scopeOrgIds: s.scopeOrgIds,
        });
        return { ...c, statement };
      });
    },
  };
}
export type MediaService = ReturnType<typeof mediaService>;
