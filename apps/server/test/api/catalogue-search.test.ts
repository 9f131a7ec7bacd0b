import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import {
  normaliseSearchText,
  shanghaiDate,
  titleQuery,
  titleSearchBigrams,
  titleSearchText,
} from "@dangan/domain";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueSearchRepository } from "../../src/modules/catalogue-search/catalogue-search.repository.ts";
import { searchStatsCache } from "../../src/modules/catalogue-search/title-plan.ts";
import { createSearchWorld, SEARCH_ROWS, type SearchWorld } from "../catalogue-search-world.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
let w: SearchWorld;
let officer: Client;
const refs = (body: { items: { referenceCode: string }[] }) => body.items.map((i) => i.referenceCode).sort();
const search = (c: Client, query: string) => c.get(`/api/catalogue-search/items?${query}`);

describe(`catalogue search (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await createSearchWorld(t.services);
    officer = await t.as("cs.officer");
  }, 120_000);
  afterAll(() => t.close());

  it("[D-10.1] finds a two-character word by the bigram index and rechecks contiguity", async () => {
    const r = await search(officer, `q=${encodeURIComponent("湿地")}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 4, titleMode: "bigrams", totalCapped: false });
    // "湿地与地保险" holds both bigrams of 湿地保 but not the word: the LIKE recheck drops it.
    const three = await search(officer, `q=${encodeURIComponent("湿地保")}`);
    expect(refs(three.body)).toEqual(["CS01-KJ·2022-Y-0005", "CS01-WS·2019-Y-0001"]);
  });

  it("[D-10.1] normalises full-width and case in the query and the title alike", async () => {
    const r = await search(officer, `q=${encodeURIComponent("abc湿地")}`);
    expect(refs(r.body)).toEqual(["CS01-WS·2020-Y-0002"]);
    const full = await search(officer, `q=${encodeURIComponent("ＡＢＣ　湿地")}`);
    expect(full.body.total).toBe(0); // a space is a word break, and the title has none there
    expect((await search(officer, `q=${encodeURIComponent("Ａbc")}`)).body.total).toBe(1);
  });

  it("[D-10.1] falls back to a scan for a one-character query, and says so", async () => {
    const r = await search(officer, `q=${encodeURIComponent("湿")}`);
    expect(r.body).toMatchObject({ total: 5, titleMode: "scan" });
  });

  it("[D-10.1] filters by reference-code prefix, year, category and box; sorts and pages", async () => {
    const prefix = await search(officer, `ref=${encodeURIComponent("cs01-ws·２０２１")}`);
    expect(refs(prefix.body)).toEqual(["CS01-WS·2021-D30-0003", "CS01-WS·2021-D30-0004"]);
    expect((await search(officer, "yearFrom=2020&yearTo=2021")).body.total).toBe(3);
    expect(refs((await search(officer, "category=KJ")).body)).toEqual(["CS01-KJ·2022-Y-0005"]);
    expect((await search(officer, "boxNo=B002")).body.total).toBe(2);
    const page = await search(officer, "sort=year&desc=true&pageSize=2&page=1");
    expect(page.body.items.map((i: { year: number }) => i.year)).toEqual([2022, 2021]);
    expect(page.body.total).toBe(5);
    expect((await search(officer, "sort=year&pageSize=2&page=3")).body.items).toHaveLength(1);
  });

  it("[D-10.1] stops counting at the configured cap and says the total is capped", async () => {
    const importDir = mkdtempSync(join(tmpdir(), "dangan-imports-"));
    const catalogues = { maxUploadBytes: 1 << 20, importDir, searchCountCap: 3 };
    const small = await startTestApp({ config: { catalogues } });
    try {
      await createSearchWorld(small.services);
      const r = await search(await small.as("cs.officer"), `q=${encodeURIComponent("湿地")}`);
      expect(r.body).toMatchObject({ total: 3, totalCapped: true });
      expect(r.body.items).toHaveLength(4);
    } finally {
      await small.close();
    }
  });

  it("[D-10.1] lists in catalogue order unless a sort is asked for", async () => {
    const inOrder = (body: { items: { referenceCode: string }[] }) => body.items.map((i) => i.referenceCode);
    expect(inOrder((await search(officer, "")).body)).toEqual(SEARCH_ROWS.map((r) => r[0]));
    const byRef = await search(officer, "sort=referenceCode");
    expect(inOrder(byRef.body)[0]).toBe("CS01-KJ·2022-Y-0005");
  });

  it("[D-10.1] pages in catalogue order with the total on every page, past the last one too", async () => {
    const pages = [];
    for (const page of [1, 2, 3]) {
      const r = await search(officer, `pageSize=2&page=${page}`);
      expect(r.body).toMatchObject({ total: SEARCH_ROWS.length, totalCapped: false, page, pageSize: 2 });
      pages.push(...r.body.items.map((i: { referenceCode: string }) => i.referenceCode));
    }
    expect(pages).toEqual(SEARCH_ROWS.map((r) => r[0]));
    const past = await search(officer, `q=${encodeURIComponent("湿地")}&pageSize=2&page=5`);
    expect(past.body).toMatchObject({ items: [], total: 4, totalCapped: false });
    // A page far past the end is read by its offset alone, then counted.
    const far = await search(officer, "pageSize=200&page=6");
    expect(far.body).toMatchObject({ items: [], total: SEARCH_ROWS.length, totalCapped: false });
    const none = await search(officer, `q=${encodeURIComponent("沙洲")}`);
    expect(none.body).toMatchObject({ items: [], total: 0, totalCapped: false });
  });

  it("[D-10.1] never finds the items of a superseded catalogue", async () => {
    const { catalogueId } = await t.services.db
      .selectFrom("catalogueItem")
      .select("catalogueId")
      .where("projectId", "=", w.projectId)
      .executeTakeFirstOrThrow();
    const { status } = await t.services.db
      .selectFrom("handoverCatalogue")
      .select("status")
      .where("id", "=", catalogueId)
      .executeTakeFirstOrThrow();
    const setStatus = (to: typeof status) =>
      t.services.db
        .updateTable("handoverCatalogue")
        .set({ status: to })
        .where("id", "=", catalogueId)
        .execute();
    await setStatus("superseded");
    try {
      for (const [u, q] of [
        ["cs.officer", `q=${encodeURIComponent("湿地")}`],
        ["cs.officer", ""],
        ["cs.keeper", `q=${encodeURIComponent("湿地")}`],
      ] as const) {
        const r = await search(await t.as(u), q);
        expect(r.body, `${u} ${q}`).toMatchObject({ items: [], total: 0 });
      }
    } finally {
      await setStatus(status);
    }
  });

  it("[G-4][D-10.2] never shows a client's items to another client, a foreign agency or a regulator", async () => {
    for (const u of [
      "client.officer",
      "client2.admin",
      "custody.manager",
      "city.admin",
      "pudong.inspector",
    ]) {
      const c = await t.as(u);
      const r = await search(c, `q=${encodeURIComponent("湿地")}&pageSize=200`);
      expect(r.status, u).toBe(200);
      expect(JSON.stringify(r.body), u).not.toContain("CS01-");
      const cart = await search(c, `ids=${Object.values(w.itemIds).join(",")}`);
      expect(cart.body.total, u).toBe(0);
      const projects = await c.get("/api/catalogue-search/projects");
      expect(JSON.stringify(projects.body), u).not.toContain(w.projectId);
    }
  });

  it("[D-8.10] shows the project's agency the catalogue metadata of its custody", async () => {
    const keeper = await t.as("cs.keeper");
    expect((await search(keeper, `q=${encodeURIComponent("湿地")}`)).body.total).toBe(4);
  });

  it("[D-10.2] shows a grantee only the items a written grant in force names", async () => {
    const reader = await t.as("cs.reader");
    const granted = w.itemIds["CS01-WS·2019-Y-0001"]!;
    const today = shanghaiDate(new Date());
    const draft = await officer.post("/api/grants", {
      projectId: w.projectId,
      granteeKind: "organisation",
      granteeName: "湿地研究所",
      granteeOrgId: w.readerOrgId,
      modes: ["reading"],
      purpose: "湿地变迁研究",
      validFrom: today,
      validTo: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
      scope: { kind: "list", itemIds: [granted] },
    });
    expect(draft.status).toBe(201);
    // A draft grant is not the client's written word yet.
    expect((await search(reader, `q=${encodeURIComponent("湿地")}`)).body.total).toBe(0);
    expect((await officer.post(`/api/grants/${draft.body.id}/issue`)).status).toBe(200);
    const r = await search(reader, `q=${encodeURIComponent("湿地")}`);
    expect(refs(r.body)).toEqual(["CS01-WS·2019-Y-0001"]);
    const cart = await search(reader, `ids=${Object.values(w.itemIds).join(",")}`);
    expect(refs(cart.body)).toEqual(["CS01-WS·2019-Y-0001"]);
    const projects = await reader.get("/api/catalogue-search/projects");
    expect(projects.body.items.map((p: { id: string }) => p.id)).toEqual([w.projectId]);
  });

  it("[D-10.4] exports the results to xlsx", async () => {
    const r = await officer.get(`/api/catalogue-search/items/export.xlsx?q=${encodeURIComponent("湿地")}`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const titles = wb.worksheets[0]!.getColumn(2).values.slice(2);
    expect(titles).toHaveLength(4);
    expect(titles).toContain("长江口湿地保护工程竣工图");
  });

  it("[D-10.1] computes the same text and bigrams in SQL as in the domain, and plans the bigram index", async () => {
    const samples = [
      "２０２３年　ＡＢＣ  湿地保护（第1号）",
      "《关于湿地》的通知、批复",
      "Wetland-2023 湿地",
      "湿",
      "沪府〔2023〕12号\u3000关于·湿地",
    ];
    for (const s of samples) {
      const row = await sql<{ text: string; bigrams: string[] }>`
        SELECT catalogue_search_text(${s}) AS text, catalogue_search_bigrams(${s}) AS bigrams`.execute(
        t.services.db,
      );
      const { text, bigrams } = row.rows[0]!;
      expect(text.trim(), s).toBe(normaliseSearchText(s));
      // The stored search text (migration 0022) is the SQL text exactly, or null when that is the title.
      expect(titleSearchText(s) ?? s, s).toBe(text);
      // The trigger's twin gives exactly the set the import writes.
      expect([...bigrams].sort(), s).toEqual(titleSearchBigrams(s).sort());
    }
    const plan = await t.services.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const r = await sql<Record<string, string>>`EXPLAIN SELECT id FROM catalogue_item
        WHERE title_bigrams @> ARRAY['湿地']`.execute(trx);
      return r.rows.map((x) => Object.values(x)[0]).join("\n");
    });
    expect(plan).toContain("catalogue_item_title_bigrams");
  });

  it("[D-10.1] the catalogue import writes each title's bigrams, and search finds the imported item", async () => {
    const rows = await t.services.db
      .selectFrom("catalogueItem")
      .select(["referenceCode", "title", "titleBigrams"])
      .where("projectId", "=", w.projectId)
      .execute();
    expect(rows).toHaveLength(SEARCH_ROWS.length);
    for (const r of rows)
      expect([...r.titleBigrams!].sort(), r.title!).toEqual(titleSearchBigrams(r.title!).sort());
    const full = await sql<{ title: string; titleSearch: string | null; sqlText: string }>`
      SELECT title, title_search AS "titleSearch", catalogue_search_text(title) AS "sqlText"
        FROM catalogue_item WHERE project_id = ${w.projectId}`.execute(t.services.db);
    for (const r of full.rows) expect(r.titleSearch ?? r.title, r.title).toBe(r.sqlText);
    expect(full.rows.some((r) => r.titleSearch !== null)).toBe(true); // the full-width title
    const found = await search(officer, `q=${encodeURIComponent("竣工图")}`);
    expect(refs(found.body)).toEqual(["CS01-KJ·2022-Y-0005"]);
  });

  it("[D-10.1] fills the bigrams of a row written without them, and keeps them in step with a draft's title", async () => {
    const catalogueId = await t.services.db
      .selectFrom("catalogueItem")
      .select("catalogueId")
      .where("projectId", "=", w.projectId)
      .executeTakeFirstOrThrow();
    const item = await t.services.db
      .insertInto("catalogueItem")
      .values({
        catalogueId: catalogueId.catalogueId,
        projectId: w.projectId,
        clientOrgId: w.clientId,
        rowNo: 999,
        referenceCode: "CS01-WS·2023-Y-0999",
        title: "淀山湖水质监测报告",
      })
      .returning(["id", "titleBigrams", "titleSearch"])
      .executeTakeFirstOrThrow();
    expect(item.titleSearch).toBeNull(); // already in search form
    expect([...item.titleBigrams!].sort()).toEqual(titleSearchBigrams("淀山湖水质监测报告").sort());
    expect(refs((await search(officer, `q=${encodeURIComponent("水质")}`)).body)).toEqual([
      "CS01-WS·2023-Y-0999",
    ]);
    await sql`UPDATE catalogue_item SET title = '淀山湖蓝藻防治方案' WHERE id = ${item.id}`.execute(
      t.services.db,
    );
    expect((await search(officer, `q=${encodeURIComponent("水质")}`)).body.total).toBe(0);
    expect((await search(officer, `q=${encodeURIComponent("蓝藻")}`)).body.total).toBe(1);
    await sql`DELETE FROM catalogue_item WHERE id = ${item.id}`.execute(t.services.db);
  });

  it("[D-10.1] a common word is found by a scan in catalogue order: the same rows, count and order as by the index", async () => {
    const repo = catalogueSearchRepository(t.services.db);
    // As the service runs it: a prepared statement on its generic plan.
    const generic = catalogueSearchRepository(t.services.db, { genericPlans: true });
    const scope = { kind: "organisation", orgId: w.clientId, party: "client" } as const;
    const today = shanghaiDate(new Date());
    for (const q of ["湿地", "湿地保", "abc湿地", "Ａbc", "工程竣工", "沙洲"]) {
      for (const [limit, offset, cap] of [
        [20, 0, 200],
        [2, 2, 200],
        [2, 0, 1],
      ] as const) {
        const run = (plan: "index" | "scan", r = repo) =>
          r.search(
            scope,
            { title: titleQuery(q), titlePlan: plan },
            today,
            { by: "catalogue", desc: false },
            limit,
            offset,
            cap,
          );
        const [byIndex, byScan] = [await run("index"), await run("scan")];
        expect(byScan, `${q} ${limit}/${offset}/${cap}`).toEqual(byIndex);
        expect(await run("index", generic), `generic ${q} ${limit}/${offset}/${cap}`).toEqual(byIndex);
        expect(await run("scan", generic), `generic scan ${q} ${limit}/${offset}/${cap}`).toEqual(byIndex);
      }
    }
    // The scan plan is not the bigram index's: the planner reads the table in order.
    const plan = await sql<Record<string, string>>`EXPLAIN SELECT id FROM catalogue_item ci
      WHERE coalesce(ci.title_search, ci.title) LIKE '%湿地%' LIMIT 201`.execute(t.services.db);
    expect(plan.rows.map((x) => Object.values(x)[0]).join("\n")).not.toContain("title_bigrams");
  });

  it("[D-10.1] a title search is planned once per connection (a generic plan); a reference prefix is planned each time", async () => {
    const scope = { kind: "organisation", orgId: w.clientId, party: "client" } as const;
    const today = shanghaiDate(new Date());
    const sort = { by: "catalogue", desc: false } as const;
    // One connection, so that its prepared statements are the ones asked about.
    const changed = await t.services.db.connection().execute(async (conn) => {
      const counts = async () =>
        new Map(
          (
            await sql<{ name: string; generic: number; custom: number }>`
              SELECT name, generic_plans AS generic, custom_plans AS custom FROM pg_prepared_statements`.execute(
              conn,
            )
          ).rows.map((r) => [r.name, r] as const),
        );
      const repo = catalogueSearchRepository(conn, { genericPlans: true });
      const before = await counts();
      for (const q of ["湿地", "沙洲", "工程"])
        await repo.search(scope, { title: titleQuery(q), titlePlan: "index" }, today, sort, 20, 0);
      await repo.search(scope, { referencePrefix: "CS01-WS" }, today, sort, 20, 0);
      await repo.search(scope, { title: titleQuery("湿地"), projectId: w.projectId }, today, sort, 20, 0);
      return [...(await counts()).values()]
        .map((r) => ({
          generic: r.generic - (before.get(r.name)?.generic ?? 0),
          custom: r.custom - (before.get(r.name)?.custom ?? 0),
        }))
        .filter((d) => d.generic || d.custom);
    });
    // The three words run one statement on its generic plan; the prefix and the project are not prepared.
    expect(changed).toEqual([{ generic: 3, custom: 0 }]);
  });

  it("[D-10.1] the import refreshes the statistics the search plans by (PGlite has no autovacuum)", async () => {
    // The world's catalogue came through the import, which ANALYZEs catalogue_item; a table this
    // small is read whole, so the shares are exact.
    const stats = await searchStatsCache(t.services.db).get();
    const real = await sql<{ word: number; client: number }>`SELECT
        avg((title_bigrams @> ARRAY['湿地'])::int)::float8 AS word,
        avg((client_org_id = ${w.clientId})::int)::float8 AS client FROM catalogue_item`.execute(
      t.services.db,
    );
    expect(stats.bigramShare.get("湿地")).toBeCloseTo(real.rows[0]!.word, 2);
    expect(stats.clientShare.get(w.clientId)).toBeCloseTo(real.rows[0]!.client, 2);
    expect(stats.bigramShare.has("沙洲")).toBe(false);
  });
});
