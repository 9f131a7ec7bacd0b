// The victim client's digitization QC (Z-7.4), written directly on its batch:
// quality terms, a checked delivery with a file and results, a sample with a
// defect and a correction. None of it may reach a foreign user.
import type { Services } from "../../src/services.ts";

export interface VictimDigitizationQc {
  deliveryId: string;
  fileId: string;
  sampleId: string;
  defectId: string;
  correctionId: string;
  markers: string[];
}

export const DIGITIZATION_QC_MARKERS = ["隔离交付FROTZ", "FROTZ-0001.tif", "隔离返工XYZZYQC"];

export async function victimDigitizationQc(
  s: Services,
  v: { projectId: string; batchId: string; volumeId: string },
): Promise<VictimDigitizationQc> {
  const db = s.db;
  await db
    .insertInto("digitizationQcTerms")
    .values({ projectId: v.projectId, terms: { minDpi: 400 }, contractRef: "隔离合同条款" })
    .execute();
  const d = await db
    .insertInto("digitizationDelivery")
    .values({
      projectId: v.projectId,
      batchId: v.batchId,
      seq: 1,
      sourceKind: "zip",
      sourceName: DIGITIZATION_QC_MARKERS[0]!,
      storageDir: "/nonexistent/victim-delivery",
      catalogue: JSON.stringify([{ referenceCode: "C001-KJ·2010-Y-0001", expectedPages: 1 }]) as never,
      catalogueSource: "batch",
      terms: { minDpi: 400 },
      status: "checked",
      totalFiles: 1,
      processedFiles: 1,
      outcome: "fail",
      fourProperty: JSON.stringify([]) as never,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const f = await db
    .insertInto("digitizationDeliveryFile")
    .values({
      deliveryId: d.id,
      path: DIGITIZATION_QC_MARKERS[1]!,
      sizeBytes: 10,
      kind: "image",
      format: "tiff",
      sm3: "cd".repeat(32),
      sha256: "ef".repeat(32),
      outcome: "fail",
      volumeId: v.volumeId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("digitizationQcResult")
    .values({
      deliveryId: d.id,
      fileId: f.id,
      ruleId: "resolution",
      outcome: "fail",
      message: { zh: DIGITIZATION_QC_MARKERS[0]!, en: DIGITIZATION_QC_MARKERS[0]! },
    })
    .execute();
  const sample = await db
    .insertInto("digitizationQcSample")
    .values({ deliveryId: d.id, ratePct: 100, seed: "victim", population: 1, size: 1, limits: {} })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("digitizationQcSampleItem").values({ sampleId: sample.id, fileId: f.id }).execute();
  const defect = await db
    .insertInto("digitizationQcDefect")
    .values({
      sampleId: sample.id,
      fileId: f.id,
      defectType: "skew",
      defectClass: "minor",
      note: DIGITIZATION_QC_MARKERS[2]!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const k = await db
    .insertInto("digitizationQcCorrection")
    .values({
      projectId: v.projectId,
      deliveryId: d.id,
      batchId: v.batchId,
      volumeId: v.volumeId,
      stationKind: "scanning",
      reason: DIGITIZATION_QC_MARKERS[2]!,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    deliveryId: d.id,
    fileId: f.id,
    sampleId: sample.id,
    defectId: defect.id,
    correctionId: k.id,
    markers: DIGITIZATION_QC_MARKERS,
  };
}
