// A table added by a later migration is backed up without code changes, and
// every column type survives exactly, across database modes [D-12.2].
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { snapshot } from "./backup-helpers.ts";
import { dangan, newTarget, otherMode, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
const targets: Target[] = [];
const work = mkdtempSync(join(tmpdir(), "dangan-types-"));

// As a future migration might: identity, generated and self-referencing columns,
// a composite text key (sorted the same on every server) and a table with no key.
const FUTURE_TABLES = `
  CREATE TABLE zz_kitchen_sink (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent bigint REFERENCES zz_kitchen_sink (id),
    b bytea, j jsonb, js json, tags text[], grid int[][], d date, ts timestamptz, t timestamp,
    n numeric, f float8, r real, big bigint, i interval, u uuid, ok boolean, note text,
    upper_note text GENERATED ALWAYS AS (upper(note)) STORED);
  CREATE TABLE zz_keyed (region text, code text, val text, PRIMARY KEY (region, code));
  CREATE TABLE zz_keyless (a text, b int);
  CREATE SEQUENCE zz_counter;`;

const ROWS = `
  INSERT INTO zz_kitchen_sink (parent, b, j, js, tags, grid, d, ts, t, n, f, r, big, i, u, ok, note) VALUES
    (NULL, '\\x00ff7f80', '{"z": [1.50, "中文", null, {"a": true}], "a": 1e-7}', '{ "keep" :  "spacing" }',
     ARRAY['a', 'b"c', NULL, '逗号,'], '{{1,2},{3,4}}', '0044-03-15 BC', '2026-02-03 04:05:06.789012+08',
     '2026-02-03 04:05:06.5', 123456789012345678901234567890.123456789, 'NaN', '-Infinity',
     9223372036854775807, '1 year 2 mons -3 days 04:05:06.7', gen_random_uuid(), false, E'line\\nbreak\\ttab'),
    (NULL, '', '[]', 'null', '{}', NULL, 'infinity', '-infinity', NULL, 0.1, 1e308, 3.4e38, -1, '0', NULL, NULL, 'x');
  INSERT INTO zz_kitchen_sink (parent, note) SELECT 2, 'row ' || g FROM generate_series(1, 1200) g;
  UPDATE zz_kitchen_sink SET parent = 1202 WHERE id = 1; -- points forward: needs deferred checks
  INSERT INTO zz_keyed VALUES ('a', 'B', '1'), ('a', 'a', '2'), ('Z', 'é', '3'), ('z', 'Z', '4'), ('', '', '');
  INSERT INTO zz_keyless VALUES ('same', 1), ('same', 1), (NULL, NULL);
  SELECT setval('zz_counter', 42);`;

async function prepared(m: typeof mode, rows: boolean): Promise<Target> {
  const t = await newTarget(m);
  targets.push(t);
  expect((await dangan(["migrate", ...t.args])).code).toBe(0);
  await withDb(t, (h) => sql.raw(FUTURE_TABLES + (rows ? ROWS : "")).execute(h.db));
  return t;
}

describe(`backup of tables added later (${mode} → ${otherMode(mode)})`, () => {
  afterAll(async () => {
    for (const t of targets) await t.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it("[D-12.2] bytea, json(b), arrays, dates, timestamps, numerics, floats, intervals and keys round-trip exactly", async () => {
    const source = await prepared(mode, true);
    const file = join(work, `types-${targets.length}.jsonl.gz`);
    const b = await dangan(["backup", file, ...source.args]);
    expect(b.code, b.err).toBe(0);
    expect(b.err).toMatch(/zz_kitchen_sink: 1202 rows/);
    expect(b.err).toMatch(/zz_keyless: 3 rows/);

    // The target has the same (future) schema but no data; restore into the other mode.
    const target = await prepared(otherMode(mode), false);
    const r = await dangan(["restore", file, ...target.args]);
    expect(r.code, r.err).toBe(0);
    const [want, got] = [await snapshot(source), await snapshot(target)];
    for (const name of ["zz_kitchen_sink", "zz_keyed", "zz_keyless"])
      expect(got.tables[name], name).toEqual(want.tables[name]);
    expect(got.sequences.zz_counter).toBe("42/true");
    expect(got.sequences.zz_kitchen_sink_id_seq).toBe(want.sequences.zz_kitchen_sink_id_seq);
    // The identity sequence carries on after the restored ids.
    await withDb(target, async (h) => {
      const next = await sql<{
        id: number;
      }>`INSERT INTO zz_kitchen_sink (note) VALUES ('after') RETURNING id`.execute(h.db);
      expect(Number(next.rows[0]!.id)).toBe(1203);
    });
  });

  it("refuses a target whose schema differs from the backup's", async () => {
    const source = targets[0]!;
    const file = join(work, `types-${targets.length}.jsonl.gz`);
    expect((await dangan(["backup", file, ...source.args])).code).toBe(0);
    const plain = await newTarget(mode);
    targets.push(plain);
    const r = await dangan(["restore", file, ...plain.args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/schema differs/);
    expect(r.err).toMatch(/table zz_kitchen_sink is missing from the target/);
  });
});
