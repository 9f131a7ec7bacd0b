// D-8.9: unsealing transfer boxes and repacking their items into sealed
// storage boxes, after the client's signed consent and with a client person
// present (the workflow's guard). The new register — boxes, seals, items — is
// confirmed by both parties with the confirmation primitive over its digest.
import type { Tx } from "@dangan/db";
import {
  type Actor,
  type AuditEventDraft,
  canonicalJson,
  DomainError,
  type IntakeTransitionInput,
  policy,
  sm3Hex,
} from "@dangan/domain";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import { recordMovement } from "../movements/record.ts";
import { assertSealFree, makeBox } from "./box-factory.ts";
import { type BatchRow, batchParties } from "./intake.repository.ts";
import { REPACK_REGISTER } from "./intake-context.ts";
import { scopeOf, userIdOf } from "./intake-support.ts";

type Audit = { record(d: AuditEventDraft): void };
type RepackInput = Extract<IntakeTransitionInput, { action: "repack" }>;

const refuse = (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError({
    code,
    status: 422,
    clause: "D-8.9",
    message: { zh, en },
    ...(details ? { details } : {}),
  });

/** What the client signs to consent: the batch and the clause, nothing else. */
export const consentDigest = (batchId: string) =>
  sm3Hex(canonicalJson({ batchId, consent: "D-8.9 repacking" }));

/** Signs for the actor's organisation inside the transaction, once per document. */
export async function signOnce(
  trx: Tx,
  audit: Audit,
  confirmations: ConfirmationsService,
  actor: Actor & { type: "user" },
  b: BatchRow,
  documentKind: string,
  documentDigest: string,
) {
  const prior = await trx
    .selectFrom("confirmation")
    .select("id")
    .where("entityType", "=", "intake_batch")
    .where("entityId", "=", b.id)
    .where("documentKind", "=", documentKind)
    .where("documentDigest", "=", documentDigest)
    .where("orgId", "=", actor.orgId)
    .executeTakeFirst();
  if (prior)
    throw new DomainError({
      code: "ALREADY_CONFIRMED",
      status: 409,
      message: { zh: "本单位已确认过该文件", en: "Your organisation has already confirmed this document" },
    });
  const row = await confirmations.signIn(trx, actor, {
    entityType: "intake_batch",
    entityId: b.id,
    documentKind,
    documentDigest,
  });
  audit.record({
    action: "confirmation.signed",
    entityType: "intake_batch",
    entityId: b.id,
    payload: {
      confirmationId: row.id,
      documentKind,
      documentDigest,
      orgId: actor.orgId,
      projectId: b.projectId,
    },
    scopeOrgIds: scopeOf(b),
  });
  return row;
}

async function sourcesOf(trx: Tx, b: BatchRow, itemIds: string[]) {
  const rows = await trx
    .selectFrom("boxItem as bi")
    .innerJoin("box as x", "x.id", "bi.boxId")
    .innerJoin("intakeBox as ib", "ib.boxId", "x.id")
    .innerJoin("catalogueItem as i", "i.id", "bi.itemId")
    .select([
      "bi.itemId",
      "x.id as boxId",
      "x.boxNo",
      "x.status",
      "x.kind",
      "x.carrier",
      "x.category",
      "i.referenceCode",
      "i.title",
      "i.rowNo",
    ])
    .where("ib.batchId", "=", b.id)
    .where("bi.itemId", "in", itemIds)
    .execute();
  if (rows.length !== itemIds.length)
    throw refuse(
      "ITEM_NOT_REPACKABLE",
      "重新装箱的档案须在本批次的中转箱内",
      "Repacked items must be in this batch's transfer boxes",
    );
  const wrong = rows.filter((r) => r.kind !== "transfer" || r.status !== "received").map((r) => r.boxNo);
  if (wrong.length)
    throw refuse(
      "BOX_NOT_REPACKABLE",
      "只有已入库核查、尚未上架的中转箱可以拆封重新装箱",
      "Only inspected transfer boxes not yet shelved can be unsealed and repacked",
      { boxes: [...new Set(wrong)] },
    );
  return rows;
}

/** Creates the storage boxes, empties the transfer boxes, returns the register and its digest. */
export async function repack(
  trx: Tx,
  audit: Audit,
  confirmations: ConfirmationsService,
  actor: Actor,
  b: BatchRow,
  input: RepackInput,
) {
  const all = input.boxes.flatMap((x) => x.itemIds);
  if (new Set(all).size !== all.length)
    throw refuse("ITEM_TWICE", "同一件档案不能装入两个保管箱", "An item cannot go into two storage boxes");
  const seals = input.boxes.map((x) => x.sealNumber);
  if (new Set(seals).size !== seals.length)
    throw refuse("SEAL_TWICE", "每个保管箱须有不同的封条号", "Each storage box needs its own seal number");
  const sources = await sourcesOf(trx, b, all);
  const byItem = new Map(sources.map((s) => [s.itemId, s]));
  const by = userIdOf(actor);
  await trx.deleteFrom("boxItem").where("itemId", "in", all).execute();
  const made = [];
  for (const nb of input.boxes) {
    await assertSealFree(trx, b.projectId, nb.sealNumber);
    const first = byItem.get(nb.itemIds[0]!)!;
    const box = await makeBox(
      trx,
      audit,
      b,
      {
        kind: "storage",
        carrier: nb.carrier ?? first.carrier,
        category: first.category,
        status: "received",
        sealNumber: nb.sealNumber,
        itemIds: nb.itemIds,
      },
      by,
    );
    const items = nb.itemIds
      .map((id) => byItem.get(id)!)
      .sort((x, y) => x.rowNo - y.rowNo)
      .map((i) => ({ referenceCode: i.referenceCode, title: i.title, fromBox: i.boxNo }));
    made.push({ boxNo: box.boxNo, barcode: box.barcode, sealNumber: nb.sealNumber, items });
  }
  const emptied = [];
  for (const boxId of new Set(sources.map((s) => s.boxId))) {
    const left = await trx.selectFrom("boxItem").select("itemId").where("boxId", "=", boxId).execute();
    await trx.updateTable("box").set({ sealNumber: null, sealedAt: null }).where("id", "=", boxId).execute();
    if (left.length > 0) continue;
    await recordMovement(trx, audit, {
      boxId,
      kind: "release",
      fromLocationId: null,
      toLocationId: null,
      byUserId: by,
      referenceType: "intake_batch",
      referenceId: b.id,
      note: "拆箱重新装箱后空中转箱退回委托方 · emptied by repacking, returned to the client",
      status: "returned_to_client",
    });
    emptied.push(sources.find((s) => s.boxId === boxId)!.boxNo);
  }
  const register = { batch: b.code, project: b.projectCode, boxes: made, emptied: emptied.sort() };
  const digest = sm3Hex(canonicalJson(register));
  if (actor.type === "user" && policy.confirmForProject(actor, batchParties(b)))
    await signOnce(trx, audit, confirmations, actor, b, REPACK_REGISTER, digest);
  return { register, digest };
}
