// The victim client's originals (Z-6.1–Z-8.1), written directly on its project:
// a volume with a stop, a batch with storage and a station handover, a
// handover list. None of it may reach a foreign user.
import type { Services } from "../src/services.ts";

export interface VictimDigitizationOriginals {
  volumeId: string;
  batchId: string;
  listId: string;
  stopId: string;
  personId: string;
  markers: string[];
}

export const DIGITIZATION_ORIGINALS_MARKERS = ["隔离案卷ZORKMID", "隔离暂存柜GRUE"];

export async function victimDigitizationOriginals(
  s: Services,
  p: { projectId: string; agencyId: string },
): Promise<VictimDigitizationOriginals> {
  const db = s.db;
  const volume = await db
    .insertInto("digitizationVolume")
    .values({
      projectId: p.projectId,
      referenceCode: "C001-KJ·2010-Y-0001",
      title: DIGITIZATION_ORIGINALS_MARKERS[0]!,
      itemCount: 3,
      screening: "cleared",
      status: "at_agency",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto("digitizationPerson")
    .values({
      projectId: p.projectId,
      orgId: p.agencyId,
      name: "隔离保管员",
      idNumber: "310230199001010000",
      role: "保管",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const batch = await db
    .insertInto("digitizationBatch")
    .values({ projectId: p.projectId, code: "VB-1", status: "in_progress" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("digitizationBatchVolume").values({ batchId: batch.id, volumeId: volume.id }).execute();
  await db
    .insertInto("digitizationTemporaryStorage")
    .values({
      batchId: batch.id,
      room: "隔离暂存室",
      cabinet: DIGITIZATION_ORIGINALS_MARKERS[1]!,
      custodianPersonId: person.id,
      custodianName: "隔离保管员",
    })
    .execute();
  const list = await db
    .insertInto("digitizationHandoverList")
    .values({
      projectId: p.projectId,
      code: "JJ-VICTIM-001",
      direction: "to_agency",
      handedAt: new Date("2026-01-05T09:00:00+08:00"),
      clientHandlerName: "隔离经办",
      agencyHandlerName: "隔离机构经办",
      digest: "ab".repeat(32),
      status: "confirmed",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("digitizationHandoverLine")
    .values({ listId: list.id, volumeId: volume.id, itemCount: 3, quality: "完好" })
    .execute();
  const stop = await db
    .insertInto("digitizationStop")
    .values({ projectId: p.projectId, volumeId: volume.id, reason: "damage", description: "隔离停止" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    volumeId: volume.id,
    batchId: batch.id,
    listId: list.id,
    stopId: stop.id,
    personId: person.id,
    markers: DIGITIZATION_ORIGINALS_MARKERS,
  };
}
