// What each step-closing action writes besides its record: counts (D-8.1),
// condition findings (D-8.4), boxes leaving on the vehicle (D-8.7). Returns the
// step's records, stored with the step and shown on the batch page.
import type { Tx } from "@dangan/db";
import { DomainError, type IntakeTransitionInput, needsTreatment } from "@dangan/domain";
import type { BatchRow } from "./intake.repository.ts";
import { refreshTreatmentHold } from "./intake-support.ts";

const invalid = (code: string, clause: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError({ code, status: 422, clause, message: { zh, en }, ...(details ? { details } : {}) });

type Input<A extends IntakeTransitionInput["action"]> = Extract<IntakeTransitionInput, { action: A }>;

async function siteVisit(trx: Tx, b: BatchRow, input: Input<"site_visit">) {
  if (input.attachmentId) {
    const att = await trx
      .selectFrom("attachment")
      .select(["id", "filename"])
      .where("id", "=", input.attachmentId)
      .where((eb) =>
        eb.or([
          eb.and([eb("entityType", "=", "intake_batch"), eb("entityId", "=", b.id)]),
          eb.and([eb("entityType", "=", "project"), eb("entityId", "=", b.projectId)]),
        ]),
      )
      .executeTakeFirst();
    if (!att)
      throw invalid(
        "ATTACHMENT_NOT_OF_BATCH",
        "D-7.2",
        "附件须先上传到本批次或本项目",
        "Upload the attachment to this batch or its project first",
      );
    return { attachment: att.filename };
  }
  return {};
}

/** D-8.1: every catalogue of the batch is counted; differences are recorded, not hidden. */
async function counts(trx: Tx, b: BatchRow, input: Input<"unshelve">) {
  const cats = await trx
    .selectFrom("intakeBatchCatalogue as bc")
    .innerJoin("handoverCatalogue as h", "h.id", "bc.catalogueId")
    .select((eb) => [
      "h.id",
      "h.title",
      eb
        .selectFrom("catalogueItem as i")
        .whereRef("i.catalogueId", "=", "h.id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("listed"),
    ])
    .where("bc.batchId", "=", b.id)
    .execute();
  const given = new Map(input.counts.map((c) => [c.catalogueId, c.counted]));
  const missing = cats.filter((c) => !given.has(c.id)).map((c) => c.title);
  const foreign = [...given.keys()].filter((id) => !cats.some((c) => c.id === id));
  if (missing.length || foreign.length)
    throw invalid(
      "COUNT_EVERY_CATALOGUE",
      "D-8.1",
      "须逐一清点本批次的每份交接目录",
      "Count every handover catalogue of this batch, and only those",
      { missing, foreign },
    );
  const rows = cats.map((c) => ({
    catalogueId: c.id,
    title: c.title,
    listed: Number(c.listed ?? 0),
    counted: given.get(c.id)!,
  }));
  return { counts: rows, differences: rows.filter((r) => r.listed !== r.counted).length };
}

/** D-8.4: one condition record per finding; problems hold the item's box for treatment. */
async function conditions(trx: Tx, b: BatchRow, input: Input<"check_condition">, by: string | null) {
  if (input.findings.length === 0) return { findings: 0, problems: 0 };
  const ids = [...new Set(input.findings.map((f) => f.itemId))];
  const known = await trx
    .selectFrom("intakeBatchCatalogue as bc")
    .innerJoin("catalogueItem as i", "i.catalogueId", "bc.catalogueId")
    .leftJoin("boxItem as bi", "bi.itemId", "i.id")
    .select(["i.id", "bi.boxId"])
    .where("bc.batchId", "=", b.id)
    .where("i.id", "in", ids)
    .execute();
  if (known.length !== ids.length)
    throw invalid(
      "ITEM_NOT_IN_BATCH",
      "D-8.4",
      "检查的档案须属于本批次",
      "Checked items must belong to this batch",
    );
  await trx
    .insertInto("intakeCondition")
    .values(
      input.findings.map((f) => ({
        batchId: b.id,
        itemId: f.itemId,
        condition: f.condition,
        note: f.note ?? null,
        checkedBy: by,
      })),
    )
    .execute();
  for (const boxId of new Set(known.map((k) => k.boxId).filter((x): x is string => !!x)))
    await refreshTreatmentHold(trx, boxId);
  return {
    findings: input.findings.length,
    problems: input.findings.filter((f) => needsTreatment(f.condition)).length,
  };
}

/** D-8.7: the sealed boxes leave on the vehicle. */
async function load(trx: Tx, b: BatchRow, input: Input<"load">) {
  const moved = await trx
    .updateTable("box")
    .set({ status: "in_transit", updatedAt: new Date() })
    .where("id", "in", trx.selectFrom("intakeBox").select("boxId").where("batchId", "=", b.id))
    .where("status", "=", "sealed")
    .returning("id")
    .execute();
  return { transport: input.transport, boxes: moved.length };
}

async function countBoxes(trx: Tx, b: BatchRow) {
  const r = await trx
    .selectFrom("intakeBox as ib")
    .innerJoin("box as x", "x.id", "ib.boxId")
    .select((eb) => [eb.fn.countAll<number>().as("boxes"), eb.fn.count<number>("x.sealNumber").as("sealed")])
    .where("ib.batchId", "=", b.id)
    .where("x.status", "<>", "returned_to_client")
    .executeTakeFirstOrThrow();
  return { boxes: Number(r.boxes), sealed: Number(r.sealed) };
}

async function inspections(trx: Tx, b: BatchRow) {
  const r = await trx
    .selectFrom("intakeInspection")
    .select((eb) => [
      eb.fn.countAll<number>().as("inspected"),
      eb.fn.count<number>("incidentId").as("anomalies"),
    ])
    .where("batchId", "=", b.id)
    .executeTakeFirstOrThrow();
  return { inspected: Number(r.inspected), anomalies: Number(r.anomalies) };
}

/** Effects and records of every action but repacking (intake-repack.ts). */
export async function stepRecords(
  trx: Tx,
  b: BatchRow,
  input: Exclude<IntakeTransitionInput, { action: "repack" }>,
  by: string | null,
): Promise<Record<string, unknown>> {
  switch (input.action) {
    case "site_visit":
      return siteVisit(trx, b, input);
    case "unshelve":
      return counts(trx, b, input);
    case "check_condition":
      return conditions(trx, b, input, by);
    case "finish_boxing":
      return countBoxes(trx, b);
    case "load":
      return load(trx, b, input);
    case "arrive":
      return {};
    case "finish_inspection":
      return inspections(trx, b);
    case "skip_repacking":
      return {};
    case "complete":
      return countBoxes(trx, b);
  }
}
