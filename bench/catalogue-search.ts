// Benchmark: catalogue search on N items (default 1,000,000), both database
// modes. p50/p95 of the search the API runs for two-, three- and five-character
// Chinese title queries and reference-code prefixes (in the API's default
// catalogue order, and two-character words also sorted by reference code), against the same queries
// as a plain LIKE with index and bitmap scans disabled (the full scan) in the
// same run. Titles come from a Zipf-weighted archive vocabulary (titles.ts);
// query words are picked by their real match counts, which are reported.
// `--plans custom` plans the title search on every call instead of using its
// prepared generic plan as the service does (ADR 0008), for an A/B.
// Usage: node --import tsx bench/catalogue-search.ts [--rows N] [--mode embedded|server|both] [--reps N] [--scan-reps N] [--plans generic|custom]
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { DbMode } from "@dangan/db";
import { sql } from "kysely";
import { openWorld } from "./catalogue-import/world.ts";
import { load } from "./catalogue-search/load.ts";
import { measureQueries, planOf } from "./catalogue-search/measure.ts";
import { pickQueries } from "./catalogue-search/queries.ts";
import { VOCABULARY } from "./catalogue-search/titles.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    mode: { type: "string", default: "both" },
    reps: { type: "string", default: "10" },
    "scan-reps": { type: "string", default: "1" },
    plans: { type: "string", default: "generic" },
  },
});
const rows = Number(values.rows.replaceAll("_", ""));
const reps = Number(values.reps);
const scanReps = Number(values["scan-reps"]);
const modes: DbMode[] = values.mode === "both" ? ["embedded", "server"] : [values.mode as DbMode];
const genericPlans = values.plans !== "custom";
console.log(
  `catalogue-search: ${rows.toLocaleString("en")} items, modes ${modes.join(", ")}, ${reps} reps, ${genericPlans ? "generic" : "custom"} plans`,
);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
console.log(`vocabulary: ${VOCABULARY.toLocaleString("en")} units, places, topics and forms`);

const ms = (x: number) => x.toFixed(1).padStart(7);
const pctOf = (n: number) => `${((100 * n) / rows).toFixed(3)} %`;
for (const mode of modes) {
  const w = await openWorld(mode);
  const db = w.services.db;
  const projectId = await w.project("检索基准项目");
  const cat = await db
    .insertInto("handoverCatalogue")
    .values({
      projectId,
      clientOrgId: w.clientOrgId,
      agencyOrgId: w.agencyOrgId,
      title: "检索基准目录",
      level: "item",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const loaded = await load(db, { catalogueId: cat.id, projectId, clientOrgId: w.clientOrgId }, rows);
  console.log(
    `\n[${mode}] load ${rows.toLocaleString("en")} rows ${loaded.loadSeconds.toFixed(1)} s, build indexes ${loaded.indexSeconds.toFixed(1)} s`,
  );
  const size = await sql<{ idx: string; tbl: string }>`SELECT
      pg_size_pretty(pg_relation_size('catalogue_item_title_bigrams')) AS idx,
      pg_size_pretty(pg_total_relation_size('catalogue_item')) AS tbl`.execute(db);
  console.log(`  bigram index ${size.rows[0]!.idx}, table with indexes ${size.rows[0]!.tbl}`);
  console.log(`  plan 湿地: ${await planOf(db, "ci.title_bigrams @> ARRAY['湿地']")}`);
  console.log(`  plan ref: ${await planOf(db, "ci.reference_code LIKE 'A007-WS·2003-%'")}`);
  const classes = pickQueries(loaded.titles, loaded.df, rows);
  loaded.titles.length = 0;
  for (const q of classes.find((c) => c.name === "ref prefix")!.queries) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalogue_item
      WHERE reference_code LIKE ${`${q.text}%`}`.execute(db);
    q.matches = r.rows[0]!.n;
  }
  const scope = { kind: "organisation", orgId: w.clientOrgId, party: "client" } as const;
  // As the service builds the repository (catalogue-search.service.ts).
  const repoOptions = { serialScans: mode === "server", genericPlans };
  console.log(
    `  load now ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    "\n| query | words | matches min / median / max | p50 ms | p95 ms | scan p50 | scan p95 | p50 speed-up |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const c of classes) {
    const kind = c.name === "ref prefix" ? "ref" : "title";
    const words = c.queries.map((q) => q.text);
    await measureQueries(db, scope, kind, words, 1, false, "catalogue", repoOptions); // warm-up
    const idx = await measureQueries(db, scope, kind, words, reps, false, "catalogue", repoOptions);
    const scan = await measureQueries(db, scope, kind, words, scanReps, true);
    const n = c.queries.map((q) => q.matches).sort((a, b) => a - b);
    const counts = `${n[0]} / ${n[Math.floor(n.length / 2)]} / ${n.at(-1)} (${pctOf(n[0]!)}–${pctOf(n.at(-1)!)})`;
    console.log(
      `| ${c.name} | ${words.join(" ")} | ${counts} | ${ms(idx.p50)} | ${ms(idx.p95)} | ${ms(scan.p50)} | ${ms(scan.p95)} | ×${(scan.p50 / idx.p50).toFixed(0)} |`,
    );
    if (c.name.startsWith("2 chars")) {
      // The same words sorted by reference code on request: every match is read and sorted.
      const sorted = await measureQueries(db, scope, kind, words, reps, false, "referenceCode", repoOptions);
      const sortedScan = await measureQueries(db, scope, kind, words, scanReps, true, "referenceCode");
      console.log(
        `| ${c.name}, by ref code | (as above) | ${counts} | ${ms(sorted.p50)} | ${ms(sorted.p95)} | ${ms(sortedScan.p50)} | ${ms(sortedScan.p95)} | ×${(sortedScan.p50 / sorted.p50).toFixed(0)} |`,
      );
    }
  }
  await w.close();
}
