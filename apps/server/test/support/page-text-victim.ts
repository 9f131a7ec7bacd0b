// The victim's page text (Z-7.4, D-10.2): one OCR'd page of its checked
// delivery, written directly. Its text and path carry QC markers, so a search,
// job status or PDF that leaks it to a foreign user fails the matrix.
import type { Services } from "../../src/services.ts";
import { DIGITIZATION_QC_MARKERS, type VictimDigitizationQc } from "./qc-victim.ts";

export const PAGE_TEXT_QUERY = "隔离交付";

export async function victimPageText(s: Services, qc: VictimDigitizationQc): Promise<void> {
  const d = await s.db
    .selectFrom("digitizationDelivery as d")
    .innerJoin("project as p", "p.id", "d.projectId")
    .select(["d.projectId", "p.clientOrgId"])
    .where("d.id", "=", qc.deliveryId)
    .executeTakeFirstOrThrow();
  const text = `${DIGITIZATION_QC_MARKERS[0]}的全文\n${DIGITIZATION_QC_MARKERS[2]}`;
  await s.db
    .insertInto("pageTextJob")
    .values({
      deliveryId: qc.deliveryId,
      projectId: d.projectId,
      status: "done",
      totalPages: 1,
      processedPages: 1,
    })
    .execute();
  await s.db
    .insertInto("pageText")
    .values({
      deliveryId: qc.deliveryId,
      fileId: qc.fileId,
      projectId: d.projectId,
      clientOrgId: d.clientOrgId,
      text, // bigrams from the trigger (catalogue_search_bigrams)
      lines: JSON.stringify([{ text, confidence: 1, x: 10, y: 10, width: 100, height: 20 }]) as never,
      imageWidth: 200,
      imageHeight: 280,
      engine: "test",
      engineVersion: "victim",
    })
    .execute();
}
