// Crash harness (issue 7, "Faults"): the real `dangan serve` on a fresh
// database is SIGKILLed at seeded random moments during catalogue imports,
// intake steps, QC ingests and backups; after each kill the database is checked
// (crash-checks.ts), the server restarted, no job left running, and the
// interrupted work retried until it succeeds.
//
//   node --import tsx scripts/reliability/crash.ts --kills 60 --mode both [--seed 7]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestDbMode } from "@dangan/db/testing";
import { sql } from "kysely";
import { dangan, newTarget, type Target, withDb } from "../../apps/cli/test/helpers.ts";
import { offlineChecks } from "./crash-checks.ts";
import { backupOp, IntakePlan, importOp, type Op, qcDelivery, qcOp, type World } from "./crash-ops.ts";
import { SECRET, type ServerProcess, signIn, startServer } from "./server-process.ts";

export interface CrashOptions {
  mode: TestDbMode;
  kills: number;
  seed: number;
  /** Rows per interrupted catalogue import. */
  importRows?: number;
  /** Pages per volume (three volumes) of an interrupted QC delivery. */
  qcPages?: number;
  log?: (line: string) => void;
  /** Take the kinds of work in turn (import, intake, qc, backup) instead of at random: short runs cover all four. */
  inTurn?: boolean;
}

export interface CrashSummary {
  mode: TestDbMode;
  seed: number;
  kills: number;
  byOp: Record<string, number>;
  /** Kills that landed before the work had finished (the rest found it done). */
  interrupted: number;
  problems: string[];
  seconds: number;
}

/** mulberry32: the same seed gives the same operations and kill moments. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function ids(t: Target) {
  return withDb(t, async (h) => {
    const users = Object.fromEntries(
      (await h.db.selectFrom("appUser").select(["id", "username"]).execute()).map((u) => [u.username, u.id]),
    );
    const p = await sql<{ id: string }>`
      SELECT p.id FROM project p JOIN app_user u ON u.org_id = p.agency_org_id AND u.username = 'custody.manager'
      WHERE p.status = 'active' AND p.service_type = 'custody' ORDER BY p.created_at LIMIT 1`.execute(h.db);
    const b = await sql<{
      id: string;
    }>`SELECT id FROM digitization_batch WHERE code = 'B-001' LIMIT 1`.execute(h.db);
    return { users, projectId: p.rows[0]!.id, qcBatchId: b.rows[0]!.id };
  });
}

const settled = (p: Promise<unknown>) =>
  p.then(
    () => true,
    () => false,
  );

export async function runCrash(o: CrashOptions): Promise<CrashSummary> {
  const log = o.log ?? (() => {});
  const started = Date.now();
  const rng = seeded(o.seed);
  const target = await newTarget(o.mode);
  const work = mkdtempSync(join(tmpdir(), "dangan-crash-"));
  let server: ServerProcess | null = null;
  const problems: string[] = [];
  const byOp: Record<string, number> = {};
  let interrupted = 0;
  try {
    const demo = await dangan(["demo", ...target.args], { env: { DANGAN_SECRET: SECRET } });
    if (demo.code !== 0) throw new Error(`dangan demo: ${demo.err}`);
    const found = await ids(target);
    server = await startServer(target.args);
    const base = () => server!.url;
    const s = {
      officer: await signIn(base, "client.officer"),
      manager: await signIn(base, "custody.manager"),
      keeper: await signIn(base, "custody.keeper"),
      digit: await signIn(base, "digit.manager"),
    };
    const w: World = {
      target,
      work,
      ...found,
      s,
      stopServer: async () => {
        await server?.stop();
        server = null;
      },
    };
    const archive = await qcDelivery(o.qcPages ?? 8);
    const intake = new IntakePlan(w);
    // Kill windows start as guesses and follow how long each kind of work took when it ran whole.
    const window: Record<Op["name"], number> = { import: 1500, intake: 400, qc: 2500, backup: 3000 };
    const kinds: Op["name"][] = ["import", "import", "intake", "intake", "intake", "qc", "qc", "backup"];
    for (let k = 0; k < o.kills; k++) {
      const pick = Math.floor(rng() * kinds.length);
      const kind = o.inTurn ? (["import", "intake", "qc", "backup"] as const)[k % 4]! : kinds[pick]!;
      const op =
        kind === "import"
          ? importOp(w, k, o.importRows ?? 2000)
          : kind === "intake"
            ? intake.op()
            : kind === "qc"
              ? qcOp(w, k, archive)
              : backupOp(w, k);
      const delay = Math.floor(rng() * window[kind]);
      const t0 = Date.now();
      let took = 0;
      const finished = settled(op.start()).then((v) => {
        took = Date.now() - t0;
        return v;
      });
      await Promise.race([new Promise((ok) => setTimeout(ok, delay)), finished]);
      const wasDone = await Promise.race([finished, Promise.resolve(false)]);
      for (const c of op.children) c.kill("SIGKILL");
      await server?.kill();
      server = null;
      await finished;
      if (!wasDone) interrupted++;
      byOp[kind] = (byOp[kind] ?? 0) + 1;
      const found = await offlineChecks(target);
      for (const p of found) problems.push(`kill ${k} (${kind} after ${delay} ms): ${p}`);
      log(
        `kill ${k + 1}/${o.kills}: ${kind} after ${delay} ms${wasDone ? " (had finished)" : ""}; ${found.length} problems`,
      );
      if (op.offline) await op.retry();
      server = await startServer(target.args);
      await noJobRunning(w).catch((e) => problems.push(`kill ${k}: ${String(e)}`));
      if (!op.offline)
        await op
          .retry()
          .catch((e: unknown) => problems.push(`kill ${k}: retry of ${kind} failed: ${String(e)}`));
      if (wasDone) window[kind] = Math.max(300, Math.round(took * 1.3));
    }
    await server?.stop();
    server = null;
    for (const p of await offlineChecks(target)) problems.push(`final: ${p}`);
  } finally {
    await server?.kill();
    await target.dispose();
    rmSync(work, { recursive: true, force: true });
  }
  return {
    mode: o.mode,
    seed: o.seed,
    kills: o.kills,
    byOp,
    interrupted,
    problems,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/** After a restart no import or QC job may still say it runs: its process is gone. */
async function noJobRunning(w: World) {
  const end = Date.now() + 60_000;
  for (;;) {
    const imports = (await w.s.officer.get(`/api/projects/${w.projectId}/catalogue-imports?pageSize=100`))
      .body.items as { status: string }[];
    const checks = (
      await w.s.digit.get(`/api/digitization-qc/deliveries?batchId=${w.qcBatchId}&pageSize=100`)
    ).body.items as { status: string }[];
    const running = [
      ...imports.filter((j) => ["queued", "validating", "writing"].includes(j.status)),
      ...checks.filter((d) => ["queued", "checking"].includes(d.status)),
    ];
    if (!running.length) return;
    if (Date.now() > end) throw new Error(`${running.length} jobs still "running" 60 s after the restart`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const modeArg = arg("mode", "both");
  const modes: TestDbMode[] = modeArg === "both" ? ["pglite", "postgres"] : [modeArg as TestDbMode];
  const kills = Number(arg("kills", "60"));
  const seed = Number(arg("seed", "7"));
  let failed = false;
  for (const mode of modes) {
    const r = await runCrash({ mode, kills, seed, log: (l) => console.log(`[${mode}] ${l}`) });
    console.log(JSON.stringify(r, null, 2));
    if (r.problems.length) failed = true;
  }
  process.exit(failed ? 1 : 0);
}
