// Issue 7, "Faults": the PostgreSQL server stops and starts again under load.
// Requests fail cleanly (503 DATABASE_UNAVAILABLE, retryable) and succeed again
// once it is back, without restarting Dangan. Runs on a PRIVATE PostgreSQL
// (initdb + pg_ctl), never the shared one; skipped only outside CI without them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type RunningServer, startServer } from "@dangan/server";
import { seedDemo } from "@dangan/server/demo";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type PrivatePostgres,
  pgBinDir,
  privatePostgres,
} from "../../../scripts/reliability/private-postgres.ts";
import { type Session, signIn } from "../../../scripts/reliability/server-process.ts";
import { SECRET } from "./helpers.ts";

const bin = pgBinDir();
if (!bin && process.env.CI) throw new Error("CI must have Debian's postgresql package (initdb, pg_ctl)");

interface Outcome {
  status: number;
  code?: string;
  retryable?: boolean;
}

// It needs no test database, so it runs in both passes of the api tier (a CI tier never skips).
describe.skipIf(!bin)("[reliability] PostgreSQL stopped and restarted under load", () => {
  let db: PrivatePostgres;
  let server: RunningServer;
  let officer: Session;
  const dataDir = mkdtempSync(join(tmpdir(), "dangan-pgrestart-"));

  beforeAll(async () => {
    db = await privatePostgres(bin!);
    db.start();
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query("CREATE DATABASE dangan");
    await admin.end();
    const config = loadConfig(
      { DANGAN_SECRET: SECRET, DATABASE_URL: db.url.replace(/\/postgres$/, "/dangan") },
      { dataDir, port: 0 },
    );
    server = await startServer(config, { logger: false, beforeListen: (s) => seedDemo(s).then(() => {}) });
    officer = await signIn(() => server.url, "client.officer");
  });
  afterAll(async () => {
    await server?.close();
    db?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One round of a realistic mix: reads through the session, a sign-in (a write), health. */
  async function round(): Promise<Outcome[]> {
    const calls = [
      officer.get("/api/projects"),
      officer.get("/api/organisations"),
      officer.get("/api/audit?pageSize=5"),
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "custody.manager", password: "Dangan@2026" }),
      }).then(async (r) => ({ status: r.status, body: await r.json() })),
    ];
    return (await Promise.all(calls)).map((r) => ({
      status: r.status,
      code: r.body?.code,
      retryable: r.body?.details?.retryable,
    }));
  }

  /** Rounds back to back until `stop()` says so. */
  async function load(stop: () => boolean): Promise<Outcome[]> {
    const out: Outcome[] = [];
    while (!stop()) out.push(...(await round()));
    return out;
  }

  it("[reliability] requests succeed while PostgreSQL is up", async () => {
    for (const r of await round()) expect(r.status).toBe(200);
  });

  it("[reliability] while PostgreSQL is down, every request answers 503 DATABASE_UNAVAILABLE, retryable", async () => {
    let stopping = false;
    const during = load(() => stopping);
    await round(); // the load is running
    db.stop();
    let down: Outcome[] = [];
    for (let i = 0; i < 3; i++) down = down.concat(await round());
    stopping = true;
    const mixed = await during;
    // Requests in flight when it stopped: either done (200) or refused cleanly; never a 500.
    for (const r of mixed) expect([200, 503]).toContain(r.status);
    for (const r of mixed.filter((x) => x.status === 503)) expect(r.code).toBe("DATABASE_UNAVAILABLE");
    for (const r of down) expect(r).toEqual({ status: 503, code: "DATABASE_UNAVAILABLE", retryable: true });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: "down" });
  });

  it("[reliability] after PostgreSQL is back, requests succeed again without restarting Dangan", async () => {
    db.start();
    // The pool drops its dead connections on their first error; allow a few rounds to drain them.
    const end = Date.now() + 30_000;
    let last: Outcome[] = [];
    while (Date.now() < end) {
      last = await round();
      if (last.every((r) => r.status === 200)) break;
    }
    expect(last.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (let i = 0; i < 5; i++) for (const r of await round()) expect(r.status).toBe(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
