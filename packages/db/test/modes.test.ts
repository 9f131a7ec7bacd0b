// Both database modes return the same JavaScript types, and the embedded
// database never blocks the main thread (docs/adr/0002-embedded-mode.md).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../src/index.ts";
import { createTestDatabase, testDbMode } from "../src/testing.ts";

let h: DbHandle;

describe(`database mode (${testDbMode()})`, () => {
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(() => h.close());

  it("returns int8 and numeric as numbers, timestamptz as Date, date as YYYY-MM-DD text", async () => {
    const r = await sql<{ big: unknown; num: unknown; ts: unknown; d: unknown; arr: unknown; j: unknown }>`
      SELECT 9007199254740991::int8 AS big, 12345.67::numeric(16,2) AS num,
             '2026-11-25T08:30:00.123Z'::timestamptz AS ts, '2026-02-28'::date AS d,
             ARRAY['pudong','xuhui']::text[] AS arr, '{"b":1,"a":"档案"}'::jsonb AS j`.execute(h.db);
    const row = r.rows[0]!;
    expect(row.big).toBe(9007199254740991);
    expect(row.num).toBe(12345.67);
    expect(row.ts).toBeInstanceOf(Date);
    expect((row.ts as Date).toISOString()).toBe("2026-11-25T08:30:00.123Z");
    expect(row.d).toBe("2026-02-28");
    expect(row.arr).toEqual(["pudong", "xuhui"]);
    expect(row.j).toEqual({ a: "档案", b: 1 });
  });

  it("has pg_trgm for fuzzy Chinese search", async () => {
    const r = await sql<{ s: number }>`SELECT similarity('上海市档案局', '档案局') AS s`.execute(h.db);
    expect(r.rows[0]!.s).toBeGreaterThan(0);
  });

  it("keeps the main thread free while a long query runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    await sql`SELECT count(*) FROM generate_series(1, 4000000)`.execute(h.db);
    const elapsed = Date.now() - started;
    clearInterval(timer);
    // A blocked event loop would deliver ~1 tick however long the query ran.
    if (elapsed > 200) expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });

  it("rolls back a failed transaction whole", async () => {
    await sql`CREATE TABLE tx_probe (n int PRIMARY KEY)`.execute(h.db);
    await expect(
      h.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO tx_probe VALUES (1)`.execute(trx);
        await sql`INSERT INTO tx_probe VALUES (1)`.execute(trx);
      }),
    ).rejects.toThrow();
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tx_probe`.execute(h.db);
    expect(r.rows[0]!.n).toBe(0);
  });
});

describe("embedded data folder", () => {
  it("refuses a second process on the same folder, and takes over a stale lock", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { lockDataDir, DataDirInUseError } = await import("../src/embedded/lock.ts");
    const dir = mkdtempSync(join(tmpdir(), "dangan-lock-"));
    writeFileSync(join(dir, ".dangan.lock"), "1"); // pid 1 is always alive
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    writeFileSync(join(dir, ".dangan.lock"), "999999999"); // no such process
    const release = lockDataDir(dir);
    release();
    rmSync(dir, { recursive: true, force: true });
  });
});
