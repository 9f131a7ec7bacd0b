// The victim's intake batch (D-8.1): one box, a condition problem and a content
// file on an item of its catalogue — all foreign to every demo user. The batch
// row is inserted at the boxing step (the victim project is never started);
// the box, the condition and the content go through the services.
import { Readable } from "node:stream";
import { systemActor } from "@dangan/domain";
import { demoPdf } from "../src/demo/demo-pdf.ts";
import type { Services } from "../src/services.ts";

export interface VictimIntake {
  batchId: string;
  boxId: string;
  itemId: string;
  conditionId: string;
  contentId: string;
}

export const INTAKE_MARKERS = ["SNARF", "NITFOL"];

export async function victimIntake(
  s: Services,
  v: { projectId: string; clientId: string; agencyId: string; catalogueId: string },
): Promise<VictimIntake> {
  const op = systemActor("test victim world");
  const batch = await s.db
    .insertInto("intakeBatch")
    .values({
      projectId: v.projectId,
      clientOrgId: v.clientId,
      agencyOrgId: v.agencyId,
      code: "VICTIM-IN-SNARF",
      title: "隔离批次SNARF",
      status: "boxing",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await s.db
    .insertInto("intakeBatchCatalogue")
    .values({ batchId: batch.id, catalogueId: v.catalogueId })
    .execute();
  const item = await s.db
    .selectFrom("catalogueItem")
    .select("id")
    .where("catalogueId", "=", v.catalogueId)
    .executeTakeFirstOrThrow();
  const box = await s.intakeBoxes.create(op, batch.id, {
    kind: "transfer",
    carrier: "paper",
    itemIds: [item.id],
  });
  const condition = await s.intakeConditions.check(op, batch.id, {
    itemId: item.id,
    condition: "mould",
    note: "隔离霉斑NITFOL",
  });
  const content = await s.intakeContent.add(op, batch.id, item.id, {
    filename: "隔离扫描NITFOL.pdf",
    stream: Readable.from(demoPdf("victim item scan")),
  });
  return {
    batchId: batch.id,
    boxId: box.id,
    itemId: item.id,
    conditionId: condition.id,
    contentId: content.id,
  };
}
