// D-8.4: condition checks of a box or an item at any point of the intake, and
// the treatment record (method, date, by whom) that clears a problem. A box
// with an open problem is held in "treatment" and cannot go on.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  type ConditionCheckInput,
  DomainError,
  intakePolicy,
  notFound,
  type TreatmentInput,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { batchParties } from "./intake.repository.ts";
import type { IntakeService } from "./intake.service.ts";
import { refreshTreatmentHold, scopeOf, userIdOf } from "./intake-support.ts";

const OPEN_STATES = [
  "unshelving",
  "condition_check",
  "boxing",
  "sealing",
  "inspection",
  "repacking",
  "shelving",
];

const refuse = (code: string, zh: string, en: string) =>
  new DomainError({ code, status: 422, clause: "D-8.4", message: { zh, en } });

export function intakeConditionsService({ dbh: { db } }: Deps, intake: IntakeService) {
  return {
    async check(actor: Actor, batchId: string, input: ConditionCheckInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const b = await intake.readable(actor, batchId, trx, true);
        authorize(intakePolicy.recordCondition(actor, batchParties(b)), "record conditions in this batch");
        intake.assertState(b, OPEN_STATES, "D-8.4");
        const target = input.boxId
          ? await trx
              .selectFrom("intakeBox as ib")
              .innerJoin("box as x", "x.id", "ib.boxId")
              .select(["x.id as boxId", "x.boxNo as label"])
              .where("ib.batchId", "=", b.id)
              .where("x.id", "=", input.boxId)
              .executeTakeFirst()
          : await trx
              .selectFrom("intakeBatchCatalogue as bc")
              .innerJoin("catalogueItem as i", "i.catalogueId", "bc.catalogueId")
              .leftJoin("boxItem as bi", "bi.itemId", "i.id")
              .select(["bi.boxId", "i.referenceCode as label"])
              .where("bc.batchId", "=", b.id)
              .where("i.id", "=", input.itemId!)
              .executeTakeFirst();
        if (!target)
          throw refuse(
            "TARGET_NOT_IN_BATCH",
            "检查对象须属于本批次",
            "The box or item must belong to this batch",
          );
        const row = await trx
          .insertInto("intakeCondition")
          .values({
            batchId: b.id,
            boxId: input.boxId ?? null,
            itemId: input.itemId ?? null,
            condition: input.condition,
            note: input.note ?? null,
            checkedBy: userIdOf(actor),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (input.boxId)
          await trx
            .updateTable("box")
            .set({ condition: input.condition })
            .where("id", "=", input.boxId)
            .execute();
        const boxStatus = target.boxId ? await refreshTreatmentHold(trx, target.boxId) : null;
        audit.record({
          action: "intake.condition_recorded",
          entityType: input.boxId ? "box" : "intake_batch",
          entityId: input.boxId ?? b.id,
          payload: { batchId: b.id, conditionId: row.id, ...input, target: target.label, boxStatus },
          scopeOrgIds: scopeOf(b),
        });
        return { id: row.id, boxStatus };
      });
    },

    async treat(actor: Actor, conditionId: string, input: TreatmentInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const k = await trx
          .selectFrom("intakeCondition as k")
          .leftJoin("intakeTreatment as t", "t.conditionId", "k.id")
          .leftJoin("boxItem as bi", "bi.itemId", "k.itemId")
          .select([
            "k.id",
            "k.batchId",
            "k.boxId",
            "k.condition",
            "t.id as treatmentId",
            "bi.boxId as itemBoxId",
          ])
          .where("k.id", "=", conditionId)
          .executeTakeFirst();
        if (!k) throw notFound("condition", conditionId);
        const b = await intake.readable(actor, k.batchId, trx, true).catch(() => {
          throw notFound("condition", conditionId);
        });
        authorize(intakePolicy.recordCondition(actor, batchParties(b)), "record treatments in this batch");
        if (k.condition === "good")
          throw refuse(
            "NOTHING_TO_TREAT",
            "状况完好，无需技术处理",
            "The condition is good: nothing to treat",
          );
        if (k.treatmentId)
          throw refuse(
            "ALREADY_TREATED",
            "该问题已有技术处理记录",
            "This problem already has a treatment record",
          );
        await trx
          .insertInto("intakeTreatment")
          .values({ conditionId, ...input, note: input.note ?? null, recordedBy: userIdOf(actor) })
          .execute();
        const boxId = k.boxId ?? k.itemBoxId;
        const boxStatus = boxId ? await refreshTreatmentHold(trx, boxId) : null;
        if (k.boxId)
          await trx.updateTable("box").set({ condition: "treated" }).where("id", "=", k.boxId).execute();
        audit.record({
          action: "intake.treatment_recorded",
          entityType: boxId ? "box" : "intake_batch",
          entityId: boxId ?? b.id,
          payload: { batchId: b.id, conditionId, condition: k.condition, ...input, boxStatus },
          scopeOrgIds: scopeOf(b),
        });
        return { boxStatus };
      });
    },
  };
}
export type IntakeConditionsService = ReturnType<typeof intakeConditionsService>;
