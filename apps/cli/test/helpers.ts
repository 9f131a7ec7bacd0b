// Test plumbing: captured io for in-process runs, and throw-away targets (a
// data folder, plus a fresh PostgreSQL database in postgres mode).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { type DbHandle, openDatabase } from "@dangan/db";
import { TEST_POSTGRES_URL, type TestDbMode } from "@dangan/db/testing";
import { sql } from "kysely";
import pg from "pg";
import type { Io } from "../src/lib/io.ts";
import { run } from "../src/program.ts";

export const SECRET = "5e".repeat(32);

export interface Captured {
  code: number;
  out: string;
  err: string;
}

export function captureIo(opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: () => {},
    stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
    env: opts.env ?? { DANGAN_SECRET: SECRET },
  };
  return { io, out, err };
}

/** Runs `dangan …` in-process. */
export async function dangan(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const { io, out, err } = captureIo(opts);
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") } satisfies Captured;
}

export interface Target {
  mode: TestDbMode;
  dataDir: string;
  /** --data-dir, and --database-url in postgres mode. */
  args: string[];
  open(): Promise<DbHandle>;
  dispose(): Promise<void>;
}

/** An empty target: nothing created until a command migrates it. */
export async function newTarget(mode: TestDbMode): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), "dangan-cli-"));
  if (mode === "pglite") {
    return {
      mode,
      dataDir,
      args: ["--data-dir", dataDir],
      open: () => openDatabase({ dataDir: join(dataDir, "pg") }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `dangan_cli_${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    mode,
    dataDir,
    args: ["--data-dir", dataDir, "--database-url", url.toString()],
    open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
    dispose: async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

export async function withDb<T>(t: Target, work: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = await t.open();
  try {
    return await work(h);
  } finally {
    await h.close();
  }
}

/** Tampering needs the append-only triggers off; only a superuser can do that. */
export async function tamper(t: Target, statement: string): Promise<void> {
  await withDb(t, (h) =>
    h.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      await sql.raw(statement).execute(conn);
      await sql`SET session_replication_role = DEFAULT`.execute(conn);
    }),
  );
}

export const otherMode = (mode: TestDbMode): TestDbMode => (mode === "pglite" ? "postgres" : "pglite");
