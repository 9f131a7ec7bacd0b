// Corrections in QC (Z-7.4, Z-7.2): the client asks for a volume to be redone;
// the agency sends it back to a workstation through the originals' recorded
// station handover — the one way a volume moves.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertDigitizationActive,
  type CorrectionStation,
  conflict,
  DEFECT_TYPES,
  type DefectType,
  notFound,
  qcPolicy,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { DigitizationOriginalsService } from "../digitization-originals/originals.wiring.ts";
import type { QcRepository } from "./qc.repository.ts";
import { type QcAccess, scopeOf, userIdOf } from "./qc-access.ts";

export function qcCorrectionsService(
  deps: Deps,
  repo: QcRepository,
  access: QcAccess,
  originals: DigitizationOriginalsService,
) {
  const db = deps.dbh.db;
  const review = { allowed: qcPolicy.review, doing: "review digitization quality" };
  return {
    /** The client asks for a volume to be redone; the station follows from the defects unless named. */
    async requestCorrection(
      actor: Actor,
      deliveryId: string,
      input: {
        volumeId: string;
        stationKind?: CorrectionStation | undefined;
        defectIds?: string[] | undefined;
        reason: string;
      },
    ) {
      const { d, p } = await access.delivery(actor, deliveryId, review);
      assertDigitizationActive(p, "Z-7.4");
      const inBatch = (await repo.batchCatalogue(d.batchId)).find((c) => c.volumeId === input.volumeId);
      if (!inBatch) throw notFound("volume", input.volumeId);
      const s = await repo.sampleOf(deliveryId);
      const defects = s ? (await repo.defects(s.id)).filter((x) => input.defectIds?.includes(x.id)) : [];
      if (input.defectIds && defects.length !== input.defectIds.length) throw notFound("defect");
      const kind: CorrectionStation =
        input.stationKind ??
        (defects[0] ? DEFECT_TYPES[defects[0].defectType as DefectType].station : "scanning");
      const ws = await repo.workstationOfKind(p.id, kind);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const k = await trx
          .insertInto("digitizationQcCorrection")
          .values({
            projectId: p.id,
            deliveryId,
            batchId: d.batchId,
            volumeId: input.volumeId,
            stationKind: kind,
            workstationId: ws?.id ?? null,
            reason: input.reason,
            defectIds: JSON.stringify(input.defectIds ?? []) as never,
            requestedBy: userIdOf(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_qc.correction_requested",
          entityType: "digitization_batch",
          entityId: d.batchId,
          payload: {
            deliveryId,
            correctionId: k.id,
            referenceCode: inBatch.referenceCode,
            station: kind,
            workstation: ws?.code ?? null,
            reason: input.reason,
          },
          scopeOrgIds: scopeOf(p),
        });
        return k;
      });
    },

    /** The agency sends the volume back by a recorded station handover (the originals' one way to move it). */
    async sendCorrection(
      actor: Actor,
      correctionId: string,
      input: { giverPersonId: string; receiverPersonId: string; toWorkstationId?: string | undefined },
    ) {
      const k = await db
        .selectFrom("digitizationQcCorrection")
        .selectAll()
        .where("id", "=", correctionId)
        .executeTakeFirst();
      if (!k) throw notFound("qc_correction", correctionId);
      const { p } = await access
        .delivery(actor, k.deliveryId, {
          allowed: qcPolicy.ingest,
          doing: "send volumes back for correction",
        })
        .catch((e) => {
          throw e.code === "NOT_FOUND" ? notFound("qc_correction", correctionId) : e;
        });
      if (k.status === "sent")
        throw conflict("QC_CORRECTION_SENT", {
          zh: "该返工已送回工位",
          en: "This correction has been sent already",
        });
      const to = input.toWorkstationId ?? k.workstationId;
      if (!to)
        throw conflict("QC_NO_WORKSTATION", {
          zh: "项目没有该类工位，请指定接收工位",
          en: "The project has no workstation of that kind; name the receiving workstation",
        });
      const v = await db
        .selectFrom("digitizationVolume")
        .select(["currentWorkstationId", "referenceCode"])
        .where("id", "=", k.volumeId)
        .executeTakeFirstOrThrow();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const h = await originals.recordStationHandoverIn(trx, audit, actor, k.batchId, {
          fromWorkstationId: v.currentWorkstationId,
          toWorkstationId: to,
          volumeIds: [k.volumeId],
          content: `质检返工 ${v.referenceCode}`,
          giverPersonId: input.giverPersonId,
          receiverPersonId: input.receiverPersonId,
          reason: k.reason.slice(0, 500),
        });
        const r = await trx
          .updateTable("digitizationQcCorrection")
          .set({
            status: "sent",
            handoverId: h.id,
            workstationId: to,
            sentBy: userIdOf(actor),
            sentAt: new Date(),
          })
          .where("id", "=", correctionId)
          .where("status", "=", "requested")
          .returningAll()
          .executeTakeFirst();
        if (!r)
          throw conflict("QC_CORRECTION_SENT", {
            zh: "该返工已送回工位",
            en: "This correction has been sent already",
          });
        audit.record({
          action: "digitization_qc.correction_sent",
          entityType: "digitization_batch",
          entityId: k.batchId,
          payload: { correctionId, handoverId: h.id, referenceCode: v.referenceCode, to },
          scopeOrgIds: scopeOf(p),
        });
        return r;
      });
    },
  };
}
