// Test databases: every test file gets its own, in the mode the run selects
// (DANGAN_TEST_DB=pglite|postgres), so runs never share state.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DbHandle, openDatabase } from "./connect.ts";
import { migrate } from "./migrate.ts";

export type TestDbMode = "pglite" | "postgres";

export function testDbMode(): TestDbMode {
  const mode = process.env.DANGAN_TEST_DB ?? "pglite";
  if (mode !== "pglite" && mode !== "postgres")
    throw new Error(`DANGAN_TEST_DB must be pglite or postgres, not ${mode}`);
  return mode;
}

export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh, migrated database; `close()` drops it. */
export async function createTestDatabase(mode: TestDbMode = testDbMode()): Promise<DbHandle> {
  if (mode === "pglite") {
    const handle = await openDatabase({ dataDir: null });
    await migrate(handle.db);
    return handle;
  }
  const name = `dangan_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(handle.db);
  const close = handle.close;
  return {
    ...handle,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
