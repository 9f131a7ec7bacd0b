// D-8.5: a new numbered box with its barcode and items, in the batch that made
// it. The project row is locked so two boxes never get the same number.
import type { BoxStatus, Tx } from "@dangan/db";
import { type AuditEventDraft, boxBarcode, DomainError, nextBoxNo } from "@dangan/domain";
import type { BatchRow } from "./intake.repository.ts";
import { scopeOf } from "./intake-support.ts";

export interface NewBox {
  kind: "transfer" | "storage";
  carrier: string;
  category: string | null;
  status: BoxStatus;
  sealNumber?: string | undefined;
  itemIds: string[];
}

export const sealInUse = (sealNumber: string) =>
  new DomainError({
    code: "SEAL_NUMBER_IN_USE",
    status: 409,
    clause: "D-8.6",
    message: {
      zh: `封条号 ${sealNumber} 已用于本项目的其他档案箱`,
      en: `Seal number ${sealNumber} is already on another box`,
    },
    details: { sealNumber },
  });

/** A seal number identifies one closed box of the project at a time. */
export async function assertSealFree(trx: Tx, projectId: string, sealNumber: string, exceptBoxId?: string) {
  let q = trx
    .selectFrom("box")
    .select("id")
    .where("projectId", "=", projectId)
    .where("sealNumber", "=", sealNumber);
  if (exceptBoxId) q = q.where("id", "<>", exceptBoxId);
  if (await q.executeTakeFirst()) throw sealInUse(sealNumber);
}

export async function makeBox(
  trx: Tx,
  audit: { record(d: AuditEventDraft): void },
  b: BatchRow,
  box: NewBox,
  by: string | null,
) {
  await trx.selectFrom("project").select("id").where("id", "=", b.projectId).forUpdate().execute();
  const nos = await trx.selectFrom("box").select("boxNo").where("projectId", "=", b.projectId).execute();
  const boxNo = nextBoxNo(nos.map((n) => n.boxNo));
  const barcode = boxBarcode(b.projectCode, boxNo);
  const sealed = box.sealNumber ? { sealNumber: box.sealNumber, sealedAt: new Date() } : {};
  const row = await trx
    .insertInto("box")
    .values({
      projectId: b.projectId,
      clientOrgId: b.clientOrgId,
      agencyOrgId: b.agencyOrgId,
      boxNo,
      barcode,
      kind: box.kind,
      carrier: box.carrier,
      category: box.category,
      status: box.status,
      ...sealed,
    })
    .returning(["id", "boxNo", "barcode"])
    .executeTakeFirstOrThrow();
  await trx.insertInto("intakeBox").values({ boxId: row.id, batchId: b.id }).execute();
  await trx
    .insertInto("boxItem")
    .values(box.itemIds.map((itemId) => ({ boxId: row.id, itemId })))
    .execute();
  if (box.sealNumber)
    await trx
      .insertInto("boxSeal")
      .values({ boxId: row.id, batchId: b.id, sealNumber: box.sealNumber, outsideOk: true, sealedBy: by })
      .execute();
  audit.record({
    action: "box.created",
    entityType: "box",
    entityId: row.id,
    payload: {
      batchId: b.id,
      batchCode: b.code,
      boxNo,
      barcode,
      kind: box.kind,
      carrier: box.carrier,
      items: box.itemIds.length,
      ...(box.sealNumber ? { sealNumber: box.sealNumber } : {}),
    },
    scopeOrgIds: scopeOf(b),
  });
  return row;
}
