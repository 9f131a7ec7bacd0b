// Z-7.3: a volume stops at once on classified content or damage; the client is
// notified (its open stops list) and alone resumes it or withdraws it from its
// batch (a withdrawn volume leaves the chain and goes back on the return list).
// Z-6.4: condition on receipt and on return; damage opens an incident.
import { inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  type AuditEventDraft,
  assertConditionRecordable,
  assertStopDecidable,
  assertStoppable,
  type ConditionInput,
  conditionFinding,
  DomainError,
  notFound,
  originalsPolicy,
  readScope,
  type StopDecisionInput,
  type StopInput,
  type VolumeCondition,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import { chainFacts, type OriginalsRepository, volumeFacts } from "./originals.repository.ts";
import { type OriginalsProject, scopeOf, userIdOf } from "./originals-context.ts";

type Audit = { record(d: AuditEventDraft): void };

const screeningHitsOpen = () =>
  new DomainError({
    code: "SCREENING_HITS_OPEN",
    status: 409,
    clause: "Z-7.3",
    message: {
      zh: "该案卷的涉密标志预警尚未处理，请先确认或解除预警",
      en: "This volume has open classification-mark alerts; clear or confirm them first",
    },
  });

export function stopsService(
  { dbh: { db } }: Deps,
  project: OriginalsProject,
  repo: OriginalsRepository,
  incidents: IncidentsService,
) {
  const volumeOf = async (actor: Actor, volumeId: string, trx = db) => {
    const v = await volumeFacts(trx).where("v.id", "=", volumeId).executeTakeFirst();
    if (!v) throw notFound("volume", volumeId);
    const p = await project(actor, v.projectId, trx).catch(() => {
      throw notFound("volume", volumeId);
    });
    await trx.selectFrom("digitizationVolume").select("id").where("id", "=", volumeId).forUpdate().execute();
    return { v: chainFacts(v), p };
  };

  /** Z-7.3: stops a volume inside the caller's transaction (people, or the QC/OCR screening). */
  async function stopVolumeIn(trx: Tx, audit: Audit, actor: Actor, volumeId: string, input: StopInput) {
    const { v, p } = await volumeOf(actor, volumeId, trx);
    if (!originalsPolicy.stop(actor, p.parties))
      throw new DomainError({
        code: "FORBIDDEN",
        status: 403,
        message: { zh: "只有项目双方的人员可以停止作业", en: "Only the project's parties may stop a volume" },
      });
    assertStoppable(v);
    const s = await trx
      .insertInto("digitizationStop")
      .values({
        projectId: p.id,
        volumeId,
        reason: input.reason,
        description: input.description,
        evidence: input.evidence ?? null,
        stoppedBy: userIdOf(actor),
        stoppedSource: actor.type === "system" ? "system" : "manual",
      })
      .returning(["id", "stoppedAt"])
      .executeTakeFirstOrThrow();
    // G-7: a stop is an incident the regulator sees — classified content on site is a
    // possible leak (Z-4.3, Z-7.3), damage is damage.
    const incidentId = await incidents.openIn(trx, audit, {
      projectId: p.id,
      kind: input.reason === "classified" ? "leak" : "damage",
      severity: input.reason === "classified" ? "critical" : "major",
      source: "system",
      sourceType: "digitization_stop",
      sourceId: s.id,
      clauseId: "Z-7.3",
      title:
        input.reason === "classified"
          ? `数字化作业发现涉密内容，已停止：${v.referenceCode}`
          : `数字化作业发现档案损坏，已停止：${v.referenceCode}`,
      description: input.description,
      openedBy: userIdOf(actor),
    });
    audit.record({
      action: "digitization_volume.stopped",
      entityType: "digitization_volume",
      entityId: volumeId,
      payload: {
        stopId: s.id,
        referenceCode: v.referenceCode,
        reason: input.reason,
        description: input.description,
        evidence: input.evidence ?? null,
        source: actor.type === "system" ? actor.reason : "manual",
      },
      scopeOrgIds: scopeOf(p),
    });
    return { id: s.id, stoppedAt: s.stoppedAt, volumeId, referenceCode: v.referenceCode, incidentId };
  }

  /** Z-7.3: the client resumes the volume, or withdraws it from its batch (inside the caller's transaction). */
  async function decideIn(trx: Tx, audit: Audit, actor: Actor, stopId: string, input: StopDecisionInput) {
    const stop = await trx
      .selectFrom("digitizationStop")
      .selectAll()
      .where("id", "=", stopId)
      .forUpdate()
      .executeTakeFirst();
    if (!stop) throw notFound("stop", stopId);
    const { v, p } = await volumeOf(actor, stop.volumeId, trx).catch(() => {
      throw notFound("stop", stopId);
    });
    if (!originalsPolicy.decideStop(actor, p.parties))
      throw new DomainError({
        code: "STOP_DECIDED_BY_CLIENT",
        status: 403,
        clause: "Z-7.3",
        message: {
          zh: "停止作业的案卷只能由委托方决定恢复或撤出",
          en: "Only the client decides whether a stopped volume resumes or is withdrawn",
        },
      });
    assertStopDecidable(stop, input.decision, !!v.batchId && !v.withdrawn);
    // Z-7.3: a stop raised by the mark screening resumes only through the client's audited clearing.
    if (input.decision === "resume") {
      const open = await trx
        .selectFrom("markScreeningHit")
        .select("id")
        .where("stopId", "=", stopId)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (open) throw screeningHitsOpen();
    }
    const at = new Date();
    await trx
      .updateTable("digitizationStop")
      .set({
        resolution: input.decision === "resume" ? "resumed" : "withdrawn",
        resolutionNote: input.note ?? null,
        resolvedBy: userIdOf(actor),
        resolvedAt: at,
      })
      .where("id", "=", stopId)
      .execute();
    if (input.decision === "withdraw") {
      await trx
        .updateTable("digitizationBatchVolume")
        .set({ withdrawnAt: at, withdrawnBy: userIdOf(actor) })
        .where("volumeId", "=", v.id)
        .execute();
      // Out of the chain: it goes straight back to the client on the return list.
      await trx
        .updateTable("digitizationVolume")
        .set({ currentWorkstationId: null })
        .where("id", "=", v.id)
        .execute();
    }
    audit.record({
      action: input.decision === "resume" ? "digitization_volume.resumed" : "digitization_volume.withdrawn",
      entityType: "digitization_volume",
      entityId: v.id,
      payload: { stopId, referenceCode: v.referenceCode, note: input.note ?? null, batchId: v.batchId },
      scopeOrgIds: scopeOf(p),
    });
    return { stopId, decision: input.decision, resolvedAt: at };
  }

  return {
    stopVolumeIn,

    /** Z-7.3: `stopVolume(actorOrSystem, volumeId, reason, evidence)` for people and automatic screening. */
    async stopVolume(
      actor: Actor,
      volumeId: string,
      reason: StopInput["reason"],
      evidence: { description: string; evidence?: string | undefined },
    ) {
      return inTransaction(db, auditActor(actor), (trx, audit) =>
        stopVolumeIn(trx, audit, actor, volumeId, {
          reason,
          description: evidence.description,
          evidence: evidence.evidence,
        }),
      );
    },

    decideIn,

    /** Z-7.3: the client resumes the volume, or withdraws it from its batch. */
    async decide(actor: Actor, stopId: string, input: StopDecisionInput) {
      return inTransaction(db, auditActor(actor), (trx, audit) => decideIn(trx, audit, actor, stopId, input));
    },

    /** Z-7.3: open (or all) stops of a project. */
    async list(actor: Actor, projectId: string, open?: boolean) {
      await project(actor, projectId);
      return { items: await repo.stops(projectId, open) };
    },

    /** Z-7.3: the client's alert: its open stops across its projects. */
    async openForClient(actor: Actor) {
      if (actor.type !== "user") return { items: [] };
      const scope = readScope(actor);
      if (scope.kind !== "party" || actor.orgKind !== "client") return { items: [] };
      return { items: await repo.stops(null, true, actor.orgId) };
    },

    /** Z-6.4: condition on receipt or return; damage or deterioration opens an incident. */
    async recordCondition(actor: Actor, volumeId: string, input: ConditionInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { v, p } = await volumeOf(actor, volumeId, trx);
        if (!originalsPolicy.work(actor, p.parties))
          throw new DomainError({
            code: "FORBIDDEN",
            status: 403,
            message: {
              zh: "只有数字化机构作业人员记录案卷状况",
              en: "Only the agency's staff record condition",
            },
          });
        const prior = await trx
          .selectFrom("digitizationCondition")
          .select(["stage", "condition"])
          .where("volumeId", "=", volumeId)
          .execute();
        const receipt = prior.find((c) => c.stage === "receipt")?.condition ?? null;
        assertConditionRecordable(v, input.stage, {
          receipt: receipt !== null,
          return: prior.some((c) => c.stage === "return"),
        });
        const finding = conditionFinding(input.stage, input.condition, receipt as VolumeCondition | null);
        const c = await trx
          .insertInto("digitizationCondition")
          .values({
            volumeId,
            stage: input.stage,
            condition: input.condition,
            note: input.note ?? null,
            recordedBy: userIdOf(actor),
          })
          .returning(["id", "recordedAt"])
          .executeTakeFirstOrThrow();
        let incidentId: string | null = null;
        if (finding) {
          incidentId = await incidents.openIn(trx, audit, {
            projectId: p.id,
            kind: "damage",
            severity: input.condition === "damaged" ? "major" : "minor",
            source: "system",
            sourceType: "digitization_condition",
            sourceId: c.id,
            clauseId: "Z-6.4",
            title:
              finding === "damaged"
                ? `数字化档案损坏：${v.referenceCode}（${input.stage === "receipt" ? "接收时" : "归还时"}）`
                : `数字化档案归还时状况变差：${v.referenceCode}（${receipt} → ${input.condition}）`,
            description: input.note ?? null,
            openedBy: userIdOf(actor),
          });
          await trx.updateTable("digitizationCondition").set({ incidentId }).where("id", "=", c.id).execute();
        }
        audit.record({
          action: "digitization_volume.condition_recorded",
          entityType: "digitization_volume",
          entityId: volumeId,
          payload: {
            referenceCode: v.referenceCode,
            stage: input.stage,
            condition: input.condition,
            onReceipt: receipt,
            finding,
            incidentId,
          },
          scopeOrgIds: scopeOf(p),
        });
        return { id: c.id, recordedAt: c.recordedAt, finding, incidentId };
      });
    },
  };
}
export type StopsService = ReturnType<typeof stopsService>;
