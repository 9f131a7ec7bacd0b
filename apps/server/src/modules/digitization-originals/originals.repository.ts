// SQL of the originals (Z-6.1–Z-8.1): volumes with their batch, station and open
// stop, the people posted at a workstation, batches, lists and the chain.
import type { Database } from "@dangan/db";
import type { Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";

type Db = Kysely<Database>;

export interface VolumeFilter {
  q?: string | undefined;
  screening?: "pending" | "cleared" | "flagged" | undefined;
  status?: string | undefined;
  batchId?: string | undefined;
  stopped?: boolean | undefined;
}

/** A volume with what the rules need: batch, withdrawal, open stop, station. */
export function volumeFacts(db: Db) {
  return db
    .selectFrom("digitizationVolume as v")
    .leftJoin("digitizationBatchVolume as bv", "bv.volumeId", "v.id")
    .leftJoin("digitizationBatch as b", "b.id", "bv.batchId")
    .leftJoin("digitizationWorkstation as w", "w.id", "v.currentWorkstationId")
    .leftJoin("digitizationStop as s", (j) =>
      j.onRef("s.volumeId", "=", "v.id").on("s.resolvedAt", "is", null),
    )
    .select([
      "v.id",
      "v.projectId",
      "v.referenceCode",
      "v.title",
      "v.itemCount",
      "v.expectedPages",
      "v.screening",
      "v.screeningNote",
      "v.screenedAt",
      "v.status",
      "v.unshelvedAt",
      "v.currentWorkstationId",
      "v.createdAt",
      "w.code as workstationCode",
      "w.name as workstationName",
      "bv.batchId",
      "b.code as batchCode",
      "bv.withdrawnAt",
      "s.id as openStopId",
      "s.reason as stopReason",
    ]);
}
export type VolumeFact = Awaited<ReturnType<ReturnType<typeof volumeFacts>["execute"]>>[number];

export const chainFacts = (v: VolumeFact) => ({
  ...v,
  withdrawn: v.withdrawnAt !== null,
  openStopId: v.openStopId ?? null,
  batchId: v.batchId ?? null,
});

export function originalsRepository(db: Db) {
  return {
    async volumes(projectId: string, f: VolumeFilter, limit: number, offset: number) {
      let q = volumeFacts(db).where("v.projectId", "=", projectId);
      if (f.q)
        q = q.where((eb) =>
          eb.or([
            eb("v.referenceCode", "ilike", likePattern(f.q!)),
            eb("v.title", "ilike", likePattern(f.q!)),
          ]),
        );
      if (f.screening) q = q.where("v.screening", "=", f.screening);
      if (f.status) q = q.where("v.status", "=", f.status as "registered");
      if (f.batchId) q = q.where("bv.batchId", "=", f.batchId);
      if (f.stopped !== undefined) q = q.where("s.id", f.stopped ? "is not" : "is", null);
      const [items, total] = await Promise.all([
        q.orderBy("v.referenceCode").limit(limit).offset(offset).execute(),
        q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    /** The volumes named, of this project, locked for the change. */
    async lockedVolumes(trx: Db, projectId: string, ids: readonly string[]) {
      if (ids.length === 0) return [];
      await trx
        .selectFrom("digitizationVolume")
        .select("id")
        .where("projectId", "=", projectId)
        .where("id", "in", ids)
        .orderBy("id")
        .forUpdate()
        .execute();
      return volumeFacts(trx).where("v.projectId", "=", projectId).where("v.id", "in", ids).execute();
    },

    /** Z-7.2: active people with a post at the workstation. */
    async staffOf(trx: Db, workstationId: string) {
      const rows = await trx
        .selectFrom("digitizationWorkstationAssignment as a")
        .innerJoin("digitizationPerson as p", "p.id", "a.personId")
        .select("p.id")
        .where("a.workstationId", "=", workstationId)
        .where("p.status", "=", "active")
        .execute();
      return rows.map((r) => r.id);
    },

    async person(trx: Db, projectId: string, id: string) {
      return trx
        .selectFrom("digitizationPerson")
        .select(["id", "name", "userId", "status", "orgId"])
        .where("projectId", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
    },

    async workstation(trx: Db, projectId: string, id: string) {
      return trx
        .selectFrom("digitizationWorkstation")
        .select(["id", "code", "name", "kind"])
        .where("projectId", "=", projectId)
        .where("id", "=", id)
        .executeTakeFirst();
    },

    async batch(trx: Db, id: string, lock = false) {
      let q = trx
        .selectFrom("digitizationBatch as b")
        .leftJoin("digitizationTemporaryStorage as t", "t.batchId", "b.id")
        .select([
          "b.id",
          "b.projectId",
          "b.code",
          "b.title",
          "b.status",
          "b.createdAt",
          "b.startedAt",
          "t.room",
          "t.cabinet",
          "t.custodianPersonId",
          "t.custodianName",
          "t.recordedAt as storageRecordedAt",
        ])
        .where("b.id", "=", id);
      if (lock) q = q.forUpdate("b");
      return q.executeTakeFirst();
    },

    async batches(projectId: string) {
      return db
        .selectFrom("digitizationBatch as b")
        .leftJoin("digitizationTemporaryStorage as t", "t.batchId", "b.id")
        .select((eb) => [
          "b.id",
          "b.code",
          "b.title",
          "b.status",
          "b.createdAt",
          "b.startedAt",
          "t.room",
          "t.cabinet",
          "t.custodianName",
          eb
            .selectFrom("digitizationBatchVolume as bv")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("bv.batchId", "=", "b.id")
            .where("bv.withdrawnAt", "is", null)
            .as("volumeCount"),
        ])
        .where("b.projectId", "=", projectId)
        .orderBy("b.createdAt")
        .execute();
    },

    async stationHandovers(projectId: string, f: { batchId?: string; volumeId?: string }) {
      let q = db
        .selectFrom("digitizationStationHandover as h")
        .innerJoin("digitizationBatch as b", "b.id", "h.batchId")
        .leftJoin("digitizationWorkstation as fw", "fw.id", "h.fromWorkstationId")
        .leftJoin("digitizationWorkstation as tw", "tw.id", "h.toWorkstationId")
        .selectAll("h")
        .select(["b.code as batchCode", "fw.name as fromName", "tw.name as toName"])
        .where("h.projectId", "=", projectId);
      if (f.batchId) q = q.where("h.batchId", "=", f.batchId);
      if (f.volumeId)
        q = q.where(
          "h.id",
          "in",
          db
            .selectFrom("digitizationStationHandoverVolume")
            .select("handoverId")
            .where("volumeId", "=", f.volumeId),
        );
      return q.orderBy("h.handedAt").orderBy("h.recordedAt").execute();
    },

    async stops(projectId: string | null, open: boolean | undefined, clientOrgId?: string) {
      let q = db
        .selectFrom("digitizationStop as s")
        .innerJoin("digitizationVolume as v", "v.id", "s.volumeId")
        .innerJoin("project as p", "p.id", "s.projectId")
        .leftJoin("appUser as u", "u.id", "s.stoppedBy")
        .leftJoin("appUser as r", "r.id", "s.resolvedBy")
        .selectAll("s")
        .select([
          "v.referenceCode",
          "v.title",
          "p.code as projectCode",
          "p.name as projectName",
          "u.displayName as stoppedByName",
          "r.displayName as resolvedByName",
        ]);
      if (projectId) q = q.where("s.projectId", "=", projectId);
      if (clientOrgId) q = q.where("p.clientOrgId", "=", clientOrgId);
      if (open !== undefined) q = q.where("s.resolvedAt", open ? "is" : "is not", null);
      return q.orderBy("s.stoppedAt", "desc").limit(500).execute();
    },
  };
}
export type OriginalsRepository = ReturnType<typeof originalsRepository>;
