// SQL of the full text: jobs, the search (the caller's project scope is part of
// the query; page text goes through the bigram column and GIN index, then a
// LIKE recheck on the normalised text unless the query is one two-character
// word) and the pages of a searchable PDF.
import type { Database } from "@dangan/db";
import type { ReadScope, TitleQuery } from "@dangan/domain";
import { type Kysely, type SqlBool, sql } from "kysely";
import { likeEscape } from "../../lib/page.ts";
import { visibleProjects } from "../projects/projects.repository.ts";

/** Counting stops here ("1000+"): an exact count of a common word visits every match. */
export const COUNT_CAP = 1000;

function textCondition(t: Extract<TitleQuery, { kind: "bigrams" }>) {
  const has = sql<SqlBool>`pt.text_bigrams @> ${sql.val(t.bigrams)}::text[]`;
  if (t.exact) return has;
  return sql<SqlBool>`(${has} AND catalogue_search_text(pt.text) LIKE ${`%${likeEscape(t.text)}%`})`;
}

export function pageTextRepository(db: Kysely<Database>) {
  return {
    job: (deliveryId: string) =>
      db.selectFrom("pageTextJob").selectAll().where("deliveryId", "=", deliveryId).executeTakeFirst(),

    /** Image files of the delivery and how many of them have text. */
    async coverage(deliveryId: string) {
      const r = await db
        .selectFrom("digitizationDeliveryFile as f")
        .leftJoin("pageText as pt", "pt.fileId", "f.id")
        .select((eb) => [eb.fn.countAll<number>().as("images"), eb.fn.count<number>("pt.id").as("withText")])
        .where("f.deliveryId", "=", deliveryId)
        .where("f.kind", "=", "image")
        .executeTakeFirstOrThrow();
      return { imagePages: Number(r.images), pagesWithText: Number(r.withText) };
    },

    async search(
      scope: ReadScope,
      q: Extract<TitleQuery, { kind: "bigrams" }>,
      f: { projectId?: string | undefined; deliveryId?: string | undefined },
      limit: number,
      offset: number,
    ) {
      let base = db
        .selectFrom("pageText as pt")
        .innerJoin("project as p", "p.id", "pt.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .where(visibleProjects(scope))
        .where(textCondition(q));
      if (f.projectId) base = base.where("pt.projectId", "=", f.projectId);
      if (f.deliveryId) base = base.where("pt.deliveryId", "=", f.deliveryId);
      const [items, n] = await Promise.all([
        base
          .innerJoin("digitizationDeliveryFile as f", "f.id", "pt.fileId")
          .innerJoin("digitizationDelivery as d", "d.id", "pt.deliveryId")
          .innerJoin("digitizationBatch as b", "b.id", "d.batchId")
          .select([
            "pt.id",
            "pt.fileId",
            "pt.deliveryId",
            "pt.projectId",
            "p.code as projectCode",
            "p.name as projectName",
            "b.code as batchCode",
            "d.seq as deliverySeq",
            "pt.volumeId",
            "pt.referenceCode",
            "pt.seq",
            "f.path",
            "pt.text",
            "pt.meanConfidence",
          ])
          .orderBy("pt.projectId")
          .orderBy("pt.referenceCode")
          .orderBy("pt.seq")
          .orderBy("f.path")
          .limit(limit)
          .offset(offset)
          .execute(),
        db
          .selectFrom(
            base
              .select("pt.id")
              .limit(COUNT_CAP + 1)
              .as("m"),
          )
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      const total = Number(n.n);
      return { items, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
    },

    /** One file with its delivery's project (for the access check) and its text when read. */
    file: (fileId: string) =>
      db
        .selectFrom("digitizationDeliveryFile as f")
        .select(["f.id", "f.deliveryId", "f.path", "f.kind", "f.referenceCode"])
        .where("f.id", "=", fileId)
        .executeTakeFirst(),

    /** The image pages of files in a delivery (all, or one volume's), in page order, with their text. */
    pages: (deliveryId: string, f: { fileId?: string; referenceCode?: string }, limit: number) => {
      let q = db
        .selectFrom("digitizationDeliveryFile as f")
        .leftJoin("pageText as pt", "pt.fileId", "f.id")
        .select([
          "f.id",
          "f.path",
          "f.dpi",
          "f.referenceCode",
          "f.seq",
          "pt.lines",
          "pt.imageWidth",
          "pt.imageHeight",
        ])
        .where("f.deliveryId", "=", deliveryId)
        .where("f.kind", "=", "image");
      if (f.fileId) q = q.where("f.id", "=", f.fileId);
      if (f.referenceCode) q = q.where("f.referenceCode", "=", f.referenceCode);
      return q.orderBy("f.seq").orderBy("f.path").limit(limit).execute();
    },
  };
}
export type PageTextRepository = ReturnType<typeof pageTextRepository>;
