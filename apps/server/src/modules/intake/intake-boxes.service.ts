// Box by box, inside a batch's step: boxing (D-8.5), sealing after the outside
// inspection (D-8.6), the intake inspection with anomalies reported to the
// client (D-8.8), and shelving with its movements (D-9.1, D-9.11).
import { inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  assertSealable,
  authorize,
  type BoxCreate,
  DomainError,
  type InspectionInput,
  inspectionAnomaly,
  intakePolicy,
  notFound,
  type SealInput,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import { recordMovement } from "../movements/record.ts";
import { assertSealFree, makeBox } from "./box-factory.ts";
import { batchParties } from "./intake.repository.ts";
import type { IntakeService } from "./intake.service.ts";
import { refreshTreatmentHold, resolvePeople, scopeOf, userIdOf } from "./intake-support.ts";
import { placeBox } from "./placement.ts";

const refuse = (code: string, clause: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError({ code, status: 422, clause, message: { zh, en }, ...(details ? { details } : {}) });

export function intakeBoxesService(
  { dbh: { db } }: Deps,
  intake: IntakeService,
  incidents: IncidentsService,
) {
  /** The box (locked), its batch, after checking the actor handles this batch's boxes. */
  async function boxInBatch(trx: Tx, actor: Actor, boxId: string) {
    const link = await trx
      .selectFrom("intakeBox")
      .select("batchId")
      .where("boxId", "=", boxId)
      .executeTakeFirst();
    if (!link) throw notFound("box", boxId);
    const b = await intake.readable(actor, link.batchId, trx, true).catch(() => {
      throw notFound("box", boxId);
    });
    authorize(intakePolicy.handleBoxes(actor, batchParties(b)), "handle this box");
    const box = await trx
      .selectFrom("box")
      .selectAll()
      .where("id", "=", boxId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return { b, box };
  }

  return {
    async create(actor: Actor, batchId: string, input: BoxCreate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const b = await intake.readable(actor, batchId, trx, true);
        authorize(intakePolicy.handleBoxes(actor, batchParties(b)), "make boxes for this batch");
        intake.assertState(b, ["boxing"], "D-8.5");
        const items = await trx
          .selectFrom("intakeBatchCatalogue as bc")
          .innerJoin("catalogueItem as i", "i.catalogueId", "bc.catalogueId")
          .leftJoin("boxItem as bi", "bi.itemId", "i.id")
          .select(["i.id", "i.carrier", "i.category", "bi.boxId"])
          .where("bc.batchId", "=", b.id)
          .where("i.id", "in", input.itemIds)
          .execute();
        if (items.length !== new Set(input.itemIds).size || items.some((i) => i.boxId))
          throw refuse(
            "ITEM_NOT_BOXABLE",
            "D-8.5",
            "装箱的档案须属于本批次且尚未装箱",
            "Items must belong to this batch and not be boxed yet",
          );
        const carriers = new Set(items.map((i) => i.carrier));
        if (carriers.size > 1)
          throw refuse(
            "MIXED_CARRIERS",
            "D-8.5",
            "档案应按载体分类装箱",
            "Archives are boxed by class: one carrier per box",
            {
              carriers: [...carriers],
            },
          );
        const categories = new Set(items.map((i) => i.category));
        const box = await makeBox(
          trx,
          audit,
          b,
          {
            kind: input.kind,
            carrier: items[0]!.carrier,
            category: input.category ?? (categories.size === 1 ? items[0]!.category : null),
            status: "packing",
            itemIds: [...new Set(input.itemIds)],
          },
          userIdOf(actor),
        );
        const status = (await refreshTreatmentHold(trx, box.id)) ?? "packing";
        return { ...box, status };
      });
    },

    async seal(actor: Actor, boxId: string, input: SealInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { b, box } = await boxInBatch(trx, actor, boxId);
        intake.assertState(b, ["boxing", "sealing"], "D-8.6");
        const items = await trx.selectFrom("boxItem").select("itemId").where("boxId", "=", boxId).execute();
        assertSealable({ status: box.status, itemCount: items.length }, input.outsideOk);
        const witness = input.witnessUserId ? await resolvePeople(trx, b, [input.witnessUserId]) : [];
        await assertSealFree(trx, b.projectId, input.sealNumber, boxId);
        const sealedAt = new Date();
        await trx
          .insertInto("boxSeal")
          .values({
            boxId,
            batchId: b.id,
            sealNumber: input.sealNumber,
            outsideOk: input.outsideOk,
            note: input.note ?? null,
            sealedBy: userIdOf(actor),
            witnessUserId: input.witnessUserId ?? null,
            sealedAt,
          })
          .execute();
        await trx
          .updateTable("box")
          .set({ status: "sealed", sealNumber: input.sealNumber, sealedAt, updatedAt: sealedAt })
          .where("id", "=", boxId)
          .execute();
        audit.record({
          action: "box.sealed",
          entityType: "box",
          entityId: boxId,
          payload: {
            batchId: b.id,
            boxNo: box.boxNo,
            sealNumber: input.sealNumber,
            witness: witness[0]?.name ?? null,
          },
          scopeOrgIds: scopeOf(b),
        });
        return { status: "sealed", sealNumber: input.sealNumber };
      });
    },

    async inspect(actor: Actor, boxId: string, input: InspectionInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { b, box } = await boxInBatch(trx, actor, boxId);
        intake.assertState(b, ["inspection"], "D-8.8");
        if (box.status !== "in_transit")
          throw refuse(
            "BOX_NOT_IN_TRANSIT",
            "D-8.8",
            "该档案箱不在运送途中或已核查",
            "This box is not in transit or was already inspected",
          );
        const held = await trx.selectFrom("boxItem").select("itemId").where("boxId", "=", boxId).execute();
        const missing = [...new Set(input.missingItemIds)];
        if (missing.some((id) => !held.some((h) => h.itemId === id)))
          throw refuse(
            "ITEM_NOT_IN_BOX",
            "D-8.8",
            "缺失的档案须是本箱登记的档案",
            "Missing items must be items registered in this box",
          );
        const row = await trx
          .insertInto("intakeInspection")
          .values({
            batchId: b.id,
            boxId,
            sealIntact: input.sealIntact,
            damaged: input.damaged,
            missingItemIds: missing,
            note: input.note ?? null,
            inspectedBy: userIdOf(actor),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const anomaly = inspectionAnomaly({ ...input, missingItems: missing.length });
        let incidentId: string | null = null;
        if (anomaly) {
          incidentId = await incidents.openIn(trx, audit, {
            projectId: b.projectId,
            kind: anomaly.kind,
            severity: "major",
            source: "system",
            sourceType: "intake_inspection",
            sourceId: row.id,
            clauseId: "D-8.8",
            title: `入库核查异常：${box.boxNo}号箱 ${anomaly.zh}`,
            description: [`Intake inspection anomaly, box ${box.boxNo}: ${anomaly.en}.`, input.note]
              .filter(Boolean)
              .join(" "),
            openedBy: userIdOf(actor),
          });
          await trx.updateTable("intakeInspection").set({ incidentId }).where("id", "=", row.id).execute();
        }
        await recordMovement(trx, audit, {
          boxId,
          kind: "intake",
          fromLocationId: null,
          toLocationId: null,
          byUserId: userIdOf(actor),
          referenceType: "intake_batch",
          referenceId: b.id,
          note: anomaly ? `入库核查异常 · ${anomaly.en}` : "入库核查无异常 · inspected, no anomaly",
          status: "received",
        });
        if (input.damaged)
          await trx.updateTable("box").set({ condition: "damaged" }).where("id", "=", boxId).execute();
        audit.record({
          action: "box.inspected",
          entityType: "box",
          entityId: boxId,
          payload: { batchId: b.id, boxNo: box.boxNo, ...input, missingItemIds: missing, incidentId },
          scopeOrgIds: scopeOf(b),
        });
        return {
          inspectionId: row.id,
          incidentId,
          anomaly: anomaly ? { kind: anomaly.kind, zh: anomaly.zh, en: anomaly.en } : null,
        };
      });
    },

    async shelve(actor: Actor, boxId: string, locationId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { b, box } = await boxInBatch(trx, actor, boxId);
        intake.assertState(b, ["shelving"], "D-9.11");
        if (box.status !== "received")
          throw refuse(
            box.status === "treatment" ? "BOX_IN_TREATMENT" : "BOX_NOT_RECEIVED",
            box.status === "treatment" ? "D-8.4" : "D-9.11",
            "只有已入库核查、无待处理问题的档案箱可以上架",
            "Only a received box with no open treatment can be shelved",
            { status: box.status },
          );
        const loc = await placeBox(trx, box, locationId);
        const by = userIdOf(actor);
        const intakeDone = await trx
          .selectFrom("boxMovement")
          .select("id")
          .where("boxId", "=", boxId)
          .where("kind", "=", "intake")
          .executeTakeFirst();
        const ref = { byUserId: by, referenceType: "intake_batch", referenceId: b.id } as const;
        if (!intakeDone)
          await recordMovement(trx, audit, {
            boxId,
            kind: "intake",
            fromLocationId: null,
            toLocationId: null,
            ...ref,
            note: "重新装箱后入库 · repacked storage box taken in",
          });
        await recordMovement(trx, audit, {
          boxId,
          kind: "shelve",
          fromLocationId: null,
          toLocationId: loc.id,
          ...ref,
          status: "shelved",
        });
        await trx.updateTable("box").set({ homeLocationId: loc.id }).where("id", "=", boxId).execute();
        return { status: "shelved", locationId: loc.id, locationCode: loc.code, vaultName: loc.vaultName };
      });
    },
  };
}
export type IntakeBoxesService = ReturnType<typeof intakeBoxesService>;
