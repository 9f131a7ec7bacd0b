// SQL for handover catalogues, their items and import jobs. Callers have
// already resolved the project through its read scope.
import type { Database } from "@dangan/db";
import { type Kysely, sql } from "kysely";
import { likePattern } from "../../lib/page.ts";

export interface ItemFilter {
  q?: string | undefined;
  category?: string | undefined;
  retentionPeriod?: string | undefined;
  carrier?: string | undefined;
  year?: number | undefined;
  boxNo?: string | undefined;
}

export type ItemRow = Awaited<ReturnType<ReturnType<typeof cataloguesRepository>["items"]>>["items"][number];

const ITEM_COLUMNS = [
  "rowNo",
  "referenceCode",
  "title",
  "boxNo",
  "quantity",
  "pages",
  "year",
  "retentionPeriod",
  "category",
  "carrier",
  "classification",
] as const;

export function cataloguesRepository(db: Kysely<Database>) {
  /** Whether that party has confirmed the catalogue's current digest (D-8.2). */
  const confirmedBy = (party: "client" | "agency") =>
    sql<boolean>`EXISTS (SELECT 1 FROM confirmation f WHERE f.entity_type = 'handover_catalogue'
      AND f.entity_id = c.id AND f.document_digest = c.digest AND f.org_id = ${sql.raw(`c.${party}_org_id`)})`;

  const catalogues = (executor: Kysely<Database> = db) =>
    executor
      .selectFrom("handoverCatalogue as c")
      .selectAll("c")
      .select([confirmedBy("client").as("clientConfirmed"), confirmedBy("agency").as("agencyConfirmed")]);

  const filteredItems = (catalogueId: string, f: ItemFilter) => {
    let q = db.selectFrom("catalogueItem").where("catalogueId", "=", catalogueId);
    if (f.q)
      q = q.where((eb) =>
        eb.or([eb("title", "ilike", likePattern(f.q!)), eb("referenceCode", "ilike", likePattern(f.q!))]),
      );
    if (f.category) q = q.where("category", "=", f.category);
    if (f.retentionPeriod) q = q.where("retentionPeriod", "=", f.retentionPeriod);
    if (f.carrier) q = q.where("carrier", "=", f.carrier);
    if (f.year !== undefined) q = q.where("year", "=", f.year);
    if (f.boxNo) q = q.where("boxNo", "=", f.boxNo);
    return q;
  };

  return {
    async list(projectId: string, status: string | undefined, limit: number, offset: number) {
      let q = catalogues().where("c.projectId", "=", projectId);
      if (status) q = q.where("c.status", "=", status as "draft");
      const count = db
        .selectFrom("handoverCatalogue")
        .where("projectId", "=", projectId)
        .$if(!!status, (b) => b.where("status", "=", status as "draft"))
        .select((eb) => eb.fn.countAll<number>().as("n"));
      const [items, total] = await Promise.all([
        q.orderBy("c.createdAt", "desc").limit(limit).offset(offset).execute(),
        count.executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    find: (id: string, executor: Kysely<Database> = db) =>
      catalogues(executor).where("c.id", "=", id).executeTakeFirst(),

    async items(catalogueId: string, f: ItemFilter, limit: number, offset: number) {
      const base = filteredItems(catalogueId, f);
      const [items, total] = await Promise.all([
        base.select(ITEM_COLUMNS).orderBy("rowNo").limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    /** Every matching item in row order, in batches by keyset (exports and the PDF). */
    async *itemBatches(catalogueId: string, f: ItemFilter = {}, size = 2000) {
      let after = 0;
      for (;;) {
        const rows = await filteredItems(catalogueId, f)
          .select(ITEM_COLUMNS)
          .where("rowNo", ">", after)
          .orderBy("rowNo")
          .limit(size)
          .execute();
        if (rows.length === 0) return;
        yield rows;
        after = rows.at(-1)!.rowNo;
        if (rows.length < size) return;
      }
    },

    async heldCodes(projectId: string, except: string | null, codes: string[]) {
      const rows = await db
        .selectFrom("catalogueItem")
        .select("referenceCode")
        .where("projectId", "=", projectId)
        .where("referenceCode", "=", sql<string>`ANY(${codes}::text[])`)
        .$if(!!except, (q) => q.where("catalogueId", "<>", except!))
        .execute();
      return new Set(rows.map((r) => r.referenceCode!));
    },

    confirmations: (catalogueId: string, executor: Kysely<Database> = db) =>
      executor
        .selectFrom("confirmation as f")
        .innerJoin("organisation as o", "o.id", "f.orgId")
        .selectAll("f")
        .select("o.name as orgName")
        .where("f.entityType", "=", "handover_catalogue")
        .where("f.entityId", "=", catalogueId)
        .orderBy("f.signedAt")
        .execute(),

    findImport: (id: string) =>
      db.selectFrom("catalogueImport").selectAll().where("id", "=", id).executeTakeFirst(),

    async imports(projectId: string, limit: number, offset: number) {
      const [items, total] = await Promise.all([
        db
          .selectFrom("catalogueImport")
          .select([
            "id",
            "projectId",
            "catalogueId",
            "title",
            "level",
            "sourceName",
            "sourceFormat",
            "encoding",
            "detectedEncoding",
            "sizeBytes",
            "status",
            "rowsRead",
            "rowsWritten",
            "problemCount",
            "classifiedCount",
            "error",
            "createdAt",
            "startedAt",
            "finishedAt",
          ])
          .where("projectId", "=", projectId)
          .orderBy("createdAt", "desc")
          .limit(limit)
          .offset(offset)
          .execute(),
        db
          .selectFrom("catalogueImport")
          .where("projectId", "=", projectId)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },
  };
}

export type CataloguesRepository = ReturnType<typeof cataloguesRepository>;
export type CatalogueRecord = NonNullable<Awaited<ReturnType<CataloguesRepository["find"]>>>;
