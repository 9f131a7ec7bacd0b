// The labels of a batch's boxes (all of them, or the ones asked for), for the
// API and for `dangan labels boxes`.
import type { Database } from "@dangan/db";
import { type Actor, itemRange } from "@dangan/domain";
import type { Kysely } from "kysely";
import type { IntakeService } from "./intake.service.ts";
import { labelsPdf } from "./labels.ts";

export function intakeLabels(db: Kysely<Database>, intake: IntakeService) {
  return async function labels(actor: Actor, batchId: string, boxIds?: string[]) {
    const b = await intake.readable(actor, batchId);
    let q = db
      .selectFrom("intakeBox as ib")
      .innerJoin("box as x", "x.id", "ib.boxId")
      .select(["x.id", "x.boxNo", "x.barcode", "x.kind", "x.carrier", "x.sealNumber"])
      .where("ib.batchId", "=", b.id)
      .where("x.status", "<>", "returned_to_client")
      .orderBy("x.boxNo");
    if (boxIds?.length) q = q.where("x.id", "in", boxIds);
    const boxes = await q.execute();
    const items = boxes.length
      ? await db
          .selectFrom("boxItem as bi")
          .innerJoin("catalogueItem as i", "i.id", "bi.itemId")
          .select(["bi.boxId", "i.referenceCode"])
          .where(
            "bi.boxId",
            "in",
            boxes.map((x) => x.id),
          )
          .orderBy("i.rowNo")
          .execute()
      : [];
    const pdf = await labelsPdf({
      projectCode: b.projectCode,
      projectName: b.projectName,
      clientName: b.clientName,
      batchCode: b.code,
      boxes: boxes.map((x) => {
        const mine = items.filter((i) => i.boxId === x.id);
        return { ...x, itemCount: mine.length, itemRange: itemRange(mine) };
      }),
    });
    return { pdf, filename: `${b.code}-labels.pdf`, boxes: boxes.length };
  };
}
