// Named prepared statements and read-local planner settings (prepared.ts,
// local-settings.ts), in the mode under test: on PGlite the one session
// outlives a client, so a new client must not trip over an earlier one's names.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, PREPARED, preparedName, withLocalSettings } from "../src/index.ts";
import { createTestDatabase, testDbMode } from "../src/testing.ts";

let h: DbHandle;

const marked = (n: number) =>
  h.db.selectNoFrom(sql<number>`${n}::int + 1`.as("next")).modifyFront(PREPARED).executeTakeFirstOrThrow();

const prepared = async () =>
  (
    await sql<{ name: string; generic: number }>`
      SELECT name, generic_plans AS generic FROM pg_prepared_statements WHERE name LIKE 'dangan\\_%'`.execute(
      h.db,
    )
  ).rows;

const planCacheMode = async (db = h.db) =>
  (await sql<{ m: string }>`SELECT current_setting('plan_cache_mode') AS m`.execute(db)).rows[0]!.m;

describe(`prepared statements (${testDbMode()})`, () => {
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(() => h.close());

  it("sends a marked statement under one name, parsed once, with its values bound each time", async () => {
    expect((await marked(1)).next).toBe(2);
    expect((await marked(41)).next).toBe(42);
    const names = await prepared();
    expect(names).toHaveLength(1);
    expect(names[0]!.name).toMatch(/^dangan_[0-9a-f]{32}$/);
    // An unmarked statement stays unnamed.
    await h.db.selectNoFrom(sql<number>`${1}::int`.as("one")).execute();
    expect(await prepared()).toHaveLength(1);
  });

  it("names the same text the same way and different texts differently", () => {
    expect(preparedName("select /* prepared */ 1")).toBe(preparedName("select /* prepared */ 1"));
    expect(preparedName("select /* prepared */ 1")).not.toBe(preparedName("select /* prepared */ 2"));
  });

  it("a new client starts clean even where the session outlives the old one (PGlite)", async () => {
    await marked(1);
    // End the pooled client; the next query opens another connection.
    const client = await h.pool.connect();
    client.release(true);
    expect((await marked(7)).next).toBe(8);
    expect(await prepared()).toHaveLength(1);
  });

  it("holds planner settings for one read only, and plans a marked statement generically under them", async () => {
    const seen = await withLocalSettings(h.db, ["plan_cache_mode = force_generic_plan"], async (conn) => {
      const mode = await planCacheMode(conn);
      await conn.selectNoFrom(sql<number>`${5}::int * 2`.as("n")).modifyFront(PREPARED).execute();
      return mode;
    });
    expect(seen).toBe("force_generic_plan");
    expect(await planCacheMode()).toBe("auto");
    expect((await prepared()).some((p) => p.generic >= 1)).toBe(true);
  });

  it("rolls the settings back when the read fails", async () => {
    await expect(
      withLocalSettings(h.db, ["plan_cache_mode = force_generic_plan"], async (conn) => {
        await sql`SELECT 1 / 0`.execute(conn);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await planCacheMode()).toBe("auto");
    // And the connection is out of the failed transaction.
    expect((await marked(2)).next).toBe(3);
  });
});
