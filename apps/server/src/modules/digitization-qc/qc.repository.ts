// SQL of digitization QC: deliveries (read through the project scope), files,
// results with filters, the batch's catalogue with stops, samples and defects.
import type { Database } from "@dangan/db";
import type { QcCatalogueEntry, ReadScope } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import { likePattern } from "../../lib/page.ts";
import { visibleProjects } from "../projects/projects.repository.ts";

export interface DeliveryFilter {
  projectId?: string | undefined;
  batchId?: string | undefined;
  status?: string | undefined;
}

export interface FileFilter {
  ruleId?: string | undefined;
  outcome?: string | undefined;
  q?: string | undefined;
}

export function qcRepository(db: Kysely<Database>) {
  const deliveries = (scope: ReadScope, executor: Kysely<Database> = db) =>
    executor
      .selectFrom("digitizationDelivery as d")
      .innerJoin("digitizationBatch as b", "b.id", "d.batchId")
      .innerJoin("project as p", "p.id", "d.projectId")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .where(visibleProjects(scope));

  const deliveryColumns = [
    "d.id",
    "d.projectId",
    "d.batchId",
    "d.seq",
    "d.purpose",
    "d.sourceKind",
    "d.sourceName",
    "d.catalogueSource",
    "d.status",
    "d.totalFiles",
    "d.processedFiles",
    "d.failedFiles",
    "d.totalBytes",
    "d.outcome",
    "d.virusScanner",
    "d.error",
    "d.createdAt",
    "d.startedAt",
    "d.finishedAt",
    "b.code as batchCode",
    "p.code as projectCode",
    "p.name as projectName",
  ] as const;

  return {
    async list(scope: ReadScope, f: DeliveryFilter, limit: number, offset: number) {
      let q = deliveries(scope);
      if (f.projectId) q = q.where("d.projectId", "=", f.projectId);
      if (f.batchId) q = q.where("d.batchId", "=", f.batchId);
      if (f.status) q = q.where("d.status", "=", f.status as "checked");
      const [items, n] = await Promise.all([
        q.select(deliveryColumns).orderBy("d.createdAt", "desc").limit(limit).offset(offset).execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(n.n) };
    },

    find: (id: string, executor: Kysely<Database> = db) =>
      executor
        .selectFrom("digitizationDelivery as d")
        .innerJoin("digitizationBatch as b", "b.id", "d.batchId")
        .selectAll("d")
        .select(["b.code as batchCode"])
        .where("d.id", "=", id)
        .executeTakeFirst(),

    batch: (id: string, executor: Kysely<Database> = db) =>
      executor.selectFrom("digitizationBatch").selectAll().where("id", "=", id).executeTakeFirst(),

    batchByCode: (projectId: string, code: string) =>
      db
        .selectFrom("digitizationBatch")
        .selectAll()
        .where("projectId", "=", projectId)
        .where("code", "=", code)
        .executeTakeFirst(),

    /** The batch's volumes (not withdrawn) as the default catalogue, with open stops (Z-7.3). */
    async batchCatalogue(batchId: string, executor: Kysely<Database> = db): Promise<QcCatalogueEntry[]> {
      const rows = await executor
        .selectFrom("digitizationBatchVolume as bv")
        .innerJoin("digitizationVolume as v", "v.id", "bv.volumeId")
        .select(["v.id", "v.referenceCode", "v.expectedPages"])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom("digitizationStop as s")
                .select("s.id")
                .whereRef("s.volumeId", "=", "v.id")
                .where("s.resolvedAt", "is", null),
            )
            .as("stopped"),
        )
        .where("bv.batchId", "=", batchId)
        .where("bv.withdrawnAt", "is", null)
        .orderBy("v.referenceCode")
        .execute();
      return rows.map((r) => ({
        referenceCode: r.referenceCode,
        expectedPages: r.expectedPages,
        volumeId: r.id,
        status: r.stopped ? "stopped" : "in_work",
      }));
    },

    async nextSeq(batchId: string) {
      const r = await db
        .selectFrom("digitizationDelivery")
        .select((eb) => eb.fn.max("seq").as("m"))
        .where("batchId", "=", batchId)
        .executeTakeFirst();
      return Number(r?.m ?? 0) + 1;
    },

    async files(deliveryId: string, f: FileFilter, limit: number, offset: number) {
      let q = db.selectFrom("digitizationDeliveryFile as f").where("f.deliveryId", "=", deliveryId);
      if (f.q) q = q.where("f.path", "ilike", likePattern(f.q));
      if (f.outcome && !f.ruleId) q = q.where("f.outcome", "=", f.outcome as "fail");
      if (f.ruleId)
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("digitizationQcResult as r")
              .select("r.id")
              .whereRef("r.fileId", "=", "f.id")
              .where("r.ruleId", "=", f.ruleId!)
              .$if(!!f.outcome, (qq) => qq.where("r.outcome", "=", f.outcome as "fail")),
          ),
        );
      const [items, n] = await Promise.all([
        q.selectAll("f").orderBy("f.path").limit(limit).offset(offset).execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(n.n) };
    },

    resultsOf: (fileIds: string[]) =>
      fileIds.length
        ? db
            .selectFrom("digitizationQcResult")
            .select(["fileId", "ruleId", "outcome", "message", "detail"])
            .where("fileId", "in", fileIds)
            .execute()
        : Promise.resolve([]),

    /** Results not about one file: volumes and the delivery as a whole. */
    deliveryResults: (deliveryId: string) =>
      db
        .selectFrom("digitizationQcResult")
        .select(["id", "referenceCode", "volumeId", "ruleId", "outcome", "message", "detail"])
        .where("deliveryId", "=", deliveryId)
        .where("fileId", "is", null)
        .orderBy("referenceCode")
        .orderBy("ruleId")
        .execute(),

    /** Every result of a delivery with its file's path (exports and the PDF). */
    allResults: (deliveryId: string, limit: number) =>
      db
        .selectFrom("digitizationQcResult as r")
        .leftJoin("digitizationDeliveryFile as f", "f.id", "r.fileId")
        .select(["f.path", "r.referenceCode", "r.ruleId", "r.outcome", "r.message"])
        .where("r.deliveryId", "=", deliveryId)
        .orderBy(sql`f.path nulls first`)
        .orderBy("r.ruleId")
        .limit(limit)
        .execute(),

    file: (id: string) =>
      db.selectFrom("digitizationDeliveryFile").selectAll().where("id", "=", id).executeTakeFirst(),

    terms: (projectId: string, executor: Kysely<Database> = db) =>
      executor
        .selectFrom("digitizationQcTerms")
        .selectAll()
        .where("projectId", "=", projectId)
        .executeTakeFirst(),

    sampleOf: (deliveryId: string, executor: Kysely<Database> = db) =>
      executor
        .selectFrom("digitizationQcSample")
        .selectAll()
        .where("deliveryId", "=", deliveryId)
        .executeTakeFirst(),

    sample: (id: string, executor: Kysely<Database> = db) =>
      executor.selectFrom("digitizationQcSample").selectAll().where("id", "=", id).executeTakeFirst(),

    sampleItems: (sampleId: string) =>
      db
        .selectFrom("digitizationQcSampleItem as i")
        .innerJoin("digitizationDeliveryFile as f", "f.id", "i.fileId")
        .select([
          "i.fileId",
          "i.reviewedAt",
          "f.path",
          "f.referenceCode",
          "f.seq",
          "f.format",
          "f.width",
          "f.height",
          "f.dpi",
          "f.colourMode",
          "f.outcome",
          "f.volumeId",
        ])
        .where("i.sampleId", "=", sampleId)
        .orderBy("f.path")
        .execute(),

    defects: (sampleId: string) =>
      db
        .selectFrom("digitizationQcDefect as x")
        .innerJoin("digitizationDeliveryFile as f", "f.id", "x.fileId")
        .selectAll("x")
        .select(["f.path", "f.referenceCode"])
        .where("x.sampleId", "=", sampleId)
        .orderBy("x.recordedAt")
        .execute(),

    corrections: (deliveryId: string) =>
      db
        .selectFrom("digitizationQcCorrection as k")
        .innerJoin("digitizationVolume as v", "v.id", "k.volumeId")
        .leftJoin("digitizationWorkstation as w", "w.id", "k.workstationId")
        .selectAll("k")
        .select([
          "v.referenceCode",
          "v.currentWorkstationId",
          "w.code as workstationCode",
          "w.name as workstationName",
        ])
        .where("k.deliveryId", "=", deliveryId)
        .orderBy("k.requestedAt")
        .execute(),

    workstationOfKind: (projectId: string, kind: string) =>
      db
        .selectFrom("digitizationWorkstation")
        .select(["id", "code", "name"])
        .where("projectId", "=", projectId)
        .where("kind", "=", kind as "scanning")
        .orderBy("code")
        .executeTakeFirst(),
  };
}
export type QcRepository = ReturnType<typeof qcRepository>;
