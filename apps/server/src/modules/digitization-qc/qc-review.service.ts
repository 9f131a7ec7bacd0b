// The client's side of QC (Z-7.4): the contract's quality terms, the sampled
// review with defects, the batch verdict (never "accepted" while a volume is
// stopped, Z-7.3), and corrections that the agency carries out by sending the
// volume back to a workstation through the originals' station handover (Z-7.2).
import { randomBytes } from "node:crypto";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertDigitizationActive,
  assertQcTermsNotBelowNational,
  assertQcVerdictAllowed,
  authorize,
  conflict,
  DEFECT_TYPES,
  type DefectClass,
  type DefectType,
  drawQcSample,
  looserTerms,
  NATIONAL_QC_TERMS,
  notFound,
  QC_TERM_SOURCES,
  type QcSampleTally,
  type QcTerms,
  type QcTermsInput,
  type QcVerdict,
  qcPermissions,
  qcPolicy,
  qcVerdictReasons,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { DigitizationOriginalsService } from "../digitization-originals/originals.wiring.ts";
import type { QcRepository } from "./qc.repository.ts";
import { type QcAccess, scopeOf, userIdOf } from "./qc-access.ts";
import { qcCorrectionsService } from "./qc-corrections.service.ts";

const verdictGiven = () =>
  conflict("QC_VERDICT_GIVEN", {
    zh: "该批次已作出质检结论",
    en: "The verdict on this delivery has been given",
  });

export function qcReviewService(
  deps: Deps,
  repo: QcRepository,
  access: QcAccess,
  originals: DigitizationOriginalsService,
) {
  const db = deps.dbh.db;
  const review = { allowed: qcPolicy.review, doing: "review digitization quality" };

  async function tally(sampleId: string, batchId: string, terms: QcTerms) {
    const [s, items, defects, catalogue] = await Promise.all([
      repo.sample(sampleId),
      repo.sampleItems(sampleId),
      repo.defects(sampleId),
      repo.batchCatalogue(batchId),
    ]);
    const per = (cls: DefectClass) =>
      new Set(defects.filter((d) => d.defectClass === cls).map((d) => d.fileId)).size;
    const t: QcSampleTally = {
      size: s!.size,
      critical: per("critical"),
      major: per("major"),
      minor: per("minor"),
      stoppedVolumes: catalogue.filter((c) => c.status === "stopped").length,
    };
    const unreviewed = items.filter((i) => !i.reviewedAt).length;
    return {
      t,
      unreviewed,
      items,
      defects,
      reasons: qcVerdictReasons(t, terms, unreviewed),
      stopped: catalogue.filter((c) => c.status === "stopped").map((c) => c.referenceCode),
    };
  }

  async function sampleFor(actor: Actor, sampleId: string, may = review) {
    const s = await repo.sample(sampleId);
    if (!s) throw notFound("qc_sample", sampleId);
    const { d, p } = await access.delivery(actor, s.deliveryId, may).catch((e) => {
      throw e.code === "NOT_FOUND" ? notFound("qc_sample", sampleId) : e;
    });
    return { s, d, p };
  }

  return {
    async terms(actor: Actor, projectId: string) {
      const p = await access.project(actor, projectId);
      const row = await repo.terms(projectId);
      const terms = await access.terms(projectId);
      return {
        terms,
        national: NATIONAL_QC_TERMS,
        sources: QC_TERM_SOURCES,
        contractRef: row?.contractRef ?? null,
        setAt: row?.setAt ?? null,
        custom: !!row,
        looser: looserTerms(terms),
        permissions: qcPermissions(actor, p.parties),
      };
    },

    /** Z-7.4: the contract's terms, refused when any is looser than the national figure. */
    async setTerms(
      actor: Actor,
      projectId: string,
      input: QcTermsInput & { contractRef?: string | undefined },
    ) {
      const p = await access.project(actor, projectId);
      authorize(qcPolicy.setTerms(actor, p.parties), "set the quality terms of this project");
      const { contractRef, ...given } = input;
      const terms = assertQcTermsNotBelowNational(given);
      await inTransaction(db, auditActor(actor), async (trx, audit) => {
        await trx
          .insertInto("digitizationQcTerms")
          .values({
            projectId,
            terms: terms as unknown as Record<string, unknown>,
            contractRef: contractRef ?? null,
            setBy: userIdOf(actor),
          })
          .onConflict((oc) =>
            oc.column("projectId").doUpdateSet({
              terms: terms as unknown as Record<string, unknown>,
              contractRef: contractRef ?? null,
              setBy: userIdOf(actor),
              setAt: new Date(),
            }),
          )
          .execute();
        audit.record({
          action: "digitization_qc.terms_set",
          entityType: "project",
          entityId: projectId,
          payload: { terms, contractRef: contractRef ?? null },
          scopeOrgIds: scopeOf(p),
        });
      });
      return this.terms(actor, projectId);
    },

    /** The client draws the sample (so the agency cannot choose it); reproducible from the recorded seed. */
    async drawSample(
      actor: Actor,
      deliveryId: string,
      input: { seed?: string | undefined; ratePct?: number | undefined },
    ) {
      const { d, p } = await access.delivery(actor, deliveryId, review);
      assertDigitizationActive(p, "Z-7.4");
      if (d.status !== "checked")
        throw conflict("QC_NOT_CHECKED", {
          zh: "自动质检完成后才能抽样",
          en: "Draw the sample once the automatic check has finished",
        });
      const terms = d.terms as unknown as QcTerms;
      const rate = input.ratePct ?? terms.sampleRatePct;
      if (rate < terms.sampleRatePct) assertQcTermsNotBelowNational({ ...terms, sampleRatePct: rate });
      const files = await db
        .selectFrom("digitizationDeliveryFile")
        .select("id")
        .where("deliveryId", "=", deliveryId)
        .where("kind", "in", ["image", "pdf"])
        .execute();
      const seed = input.seed ?? randomBytes(8).toString("hex");
      const picked = drawQcSample(
        files.map((f) => f.id),
        rate,
        seed,
      );
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        if (await repo.sampleOf(deliveryId, trx))
          throw conflict("QC_SAMPLE_DRAWN", {
            zh: "该成果已抽样",
            en: "A sample of this delivery has been drawn",
          });
        const s = await trx
          .insertInto("digitizationQcSample")
          .values({
            deliveryId,
            ratePct: rate,
            seed,
            population: files.length,
            size: picked.length,
            limits: {
              criticalMax: terms.criticalMax,
              majorMaxPct: terms.majorMaxPct,
              minorMaxPct: terms.minorMaxPct,
            },
            drawnBy: userIdOf(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (picked.length)
          await trx
            .insertInto("digitizationQcSampleItem")
            .values(picked.map((fileId) => ({ sampleId: s.id, fileId })))
            .execute();
        audit.record({
          action: "digitization_qc.sample_drawn",
          entityType: "digitization_batch",
          entityId: d.batchId,
          payload: {
            deliveryId,
            sampleId: s.id,
            ratePct: rate,
            seed,
            population: files.length,
            size: picked.length,
          },
          scopeOrgIds: scopeOf(p),
        });
        return s;
      });
    },

    async sample(actor: Actor, deliveryId: string) {
      const { d, p } = await access.delivery(actor, deliveryId);
      const s = await repo.sampleOf(deliveryId);
      if (!s) return { sample: null, permissions: qcPermissions(actor, p.parties) };
      const x = await tally(s.id, d.batchId, d.terms as unknown as QcTerms);
      return {
        sample: s,
        items: x.items.map((i) => ({ ...i, defects: x.defects.filter((f) => f.fileId === i.fileId) })),
        tally: x.t,
        unreviewed: x.unreviewed,
        reasons: x.reasons,
        stoppedVolumes: x.stopped,
        permissions: qcPermissions(actor, p.parties),
      };
    },

    async reviewImage(actor: Actor, sampleId: string, fileId: string) {
      const { s, d, p } = await sampleFor(actor, sampleId);
      if (s.verdict) throw verdictGiven();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await trx
          .updateTable("digitizationQcSampleItem")
          .set({ reviewedBy: userIdOf(actor), reviewedAt: new Date() })
          .where("sampleId", "=", sampleId)
          .where("fileId", "=", fileId)
          .returning(["fileId", "reviewedAt"])
          .executeTakeFirst();
        if (!r) throw notFound("sampled image", fileId);
        audit.record({
          action: "digitization_qc.image_reviewed",
          entityType: "digitization_batch",
          entityId: d.batchId,
          payload: { deliveryId: d.id, sampleId, fileId },
          scopeOrgIds: scopeOf(p),
        });
        return r;
      });
    },

    async recordDefect(
      actor: Actor,
      sampleId: string,
      input: {
        fileId: string;
        defectType: DefectType;
        defectClass?: DefectClass | undefined;
        note?: string | undefined;
      },
    ) {
      const { s, d, p } = await sampleFor(actor, sampleId);
      if (s.verdict) throw verdictGiven();
      const cls = input.defectClass ?? DEFECT_TYPES[input.defectType].cls;
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const item = await trx
          .updateTable("digitizationQcSampleItem")
          .set({ reviewedBy: userIdOf(actor), reviewedAt: new Date() })
          .where("sampleId", "=", sampleId)
          .where("fileId", "=", input.fileId)
          .returning("fileId")
          .executeTakeFirst();
        if (!item) throw notFound("sampled image", input.fileId);
        const f = await trx
          .selectFrom("digitizationDeliveryFile")
          .select(["path", "volumeId", "referenceCode"])
          .where("id", "=", input.fileId)
          .executeTakeFirstOrThrow();
        const x = await trx
          .insertInto("digitizationQcDefect")
          .values({
            sampleId,
            fileId: input.fileId,
            volumeId: f.volumeId,
            defectType: input.defectType,
            defectClass: cls,
            note: input.note ?? null,
            recordedBy: userIdOf(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_qc.defect_recorded",
          entityType: "digitization_batch",
          entityId: d.batchId,
          payload: {
            deliveryId: d.id,
            defectId: x.id,
            path: f.path,
            referenceCode: f.referenceCode,
            type: input.defectType,
            class: cls,
          },
          scopeOrgIds: scopeOf(p),
        });
        return x;
      });
    },

    /** Z-7.4, Z-7.3: the client's verdict on the batch from its sample. */
    async verdict(actor: Actor, sampleId: string, input: { verdict: QcVerdict; note?: string | undefined }) {
      const { s, d, p } = await sampleFor(actor, sampleId);
      if (s.verdict) throw verdictGiven();
      const x = await tally(sampleId, d.batchId, d.terms as unknown as QcTerms);
      assertQcVerdictAllowed(input.verdict, x.t, d.terms as unknown as QcTerms, x.unreviewed);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const r = await trx
          .updateTable("digitizationQcSample")
          .set({
            verdict: input.verdict,
            verdictNote: input.note ?? null,
            verdictBy: userIdOf(actor),
            verdictAt: new Date(),
          })
          .where("id", "=", sampleId)
          .where("verdict", "is", null)
          .returningAll()
          .executeTakeFirst();
        if (!r) throw verdictGiven();
        audit.record({
          action: "digitization_qc.verdict_given",
          entityType: "digitization_batch",
          entityId: d.batchId,
          payload: {
            deliveryId: d.id,
            sampleId,
            verdict: input.verdict,
            tally: x.t,
            note: input.note ?? null,
          },
          scopeOrgIds: scopeOf(p),
        });
        return r;
      });
    },

    // Z-7.4, Z-7.2: the correction loop (qc-corrections.service.ts).
    ...qcCorrectionsService(deps, repo, access, originals),
  };
}
export type QcReviewService = ReturnType<typeof qcReviewService>;
