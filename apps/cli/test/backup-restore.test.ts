// Backup and restore [D-12.2]: ledgers and their history are kept long term, so
// a backup must restore exactly, in either database mode, with the audit chain intact.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRestored, type Snapshot, seedSource, snapshot } from "./backup-helpers.ts";
import { dangan, newTarget, otherMode, SECRET, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
const BIN = fileURLToPath(new URL("../bin/dangan.js", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "dangan-backups-"));
const file = join(work, "source.jsonl.gz");
const targets: Target[] = [];
let source: Target;
let before: Snapshot;
let sourceHead: { seq: number; hash: string };

async function target(m = mode) {
  const t = await newTarget(m);
  targets.push(t);
  return t;
}

describe(`dangan backup / restore (${mode})`, () => {
  beforeAll(async () => {
    source = await target();
    await seedSource(source);
    before = await snapshot(source);
    sourceHead = JSON.parse((await dangan(["audit", "verify", "--json", ...source.args])).out).head;
  });
  afterAll(async () => {
    for (const t of targets) await t.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it("[D-12.2] backup writes every table, the sequences, the blobs and a manifest with the audit head", async () => {
    const r = await dangan(["backup", file, ...source.args]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`${Object.keys(before.blobs).length} blobs`));
    expect(r.out).toContain(`head ${sourceHead.seq}:${sourceHead.hash}`);
    expect(await snapshot(source)).toEqual(before); // reading changed nothing
    expect((await dangan(["backup", file, ...source.args])).code).toBe(2); // never overwrites by accident
  });

  it(`[D-12.2] restores into an empty ${mode} target exactly, and the audit chain verifies`, async () => {
    const t = await target();
    const r = await dangan(["restore", file, ...t.args]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/every table matches its manifest digest/);
    expectRestored(before, await snapshot(t));
    const v = JSON.parse((await dangan(["audit", "verify", "--json", ...t.args])).out);
    expect(v).toMatchObject({ ok: true, count: sourceHead.seq + 1 });
    // The old head is still in place: the restore is the next event, not a rewrite.
    const held = await dangan([
      "audit",
      "verify",
      "--expect-head",
      `${sourceHead.seq}:${sourceHead.hash}`,
      ...t.args,
    ]);
    expect(held.code).toBe(0);
  });

  it("[G-7] after a restore, new events continue the chain from the system.restored event", async () => {
    const t = targets[1]!;
    const add = await dangan([
      "org",
      "add",
      "--kind",
      "client",
      "--name",
      "恢复后新增单位",
      "--district",
      "xuhui",
      ...t.args,
    ]);
    expect(add.code, add.err).toBe(0);
    await withDb(t, async (h) => {
      const events = await h.db
        .selectFrom("auditEvent")
        .selectAll()
        .where("seq", ">", sourceHead.seq)
        .orderBy("seq")
        .execute();
      expect(events.map((e) => e.action)).toEqual([
        "system.restored",
        "organisation.created",
        "signing_key.created",
      ]);
      expect(events[0]!.prevHash).toBe(sourceHead.hash);
      expect(events[1]!.prevHash).toBe(events[0]!.hash);
    });
    const v = await dangan(["audit", "verify", ...t.args]);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(new RegExp(`intact: ${sourceHead.seq + 3} events`));
  });

  it(`[D-12.2] restores across modes: ${mode} → ${otherMode(mode)}, and back`, async () => {
    const other = await target(otherMode(mode));
    const r = await dangan(["restore", file, ...other.args]);
    expect(r.code, r.err).toBe(0);
    expectRestored(before, await snapshot(other));
    // Back again: a backup of the other mode restores into this mode.
    const second = join(work, "other.jsonl.gz");
    expect((await dangan(["backup", second, ...other.args])).code).toBe(0);
    const back = await target();
    expect((await dangan(["restore", second, ...back.args])).code).toBe(0);
    const final = await snapshot(back);
    expect(final.tables.audit_event!.filter((j) => j.includes("system.restored"))).toHaveLength(2);
    expect(final.tables.organisation).toEqual(before.tables.organisation);
    expect(final.blobs).toEqual(before.blobs);
    expect((await dangan(["audit", "verify", ...back.args])).code).toBe(0);
  });

  it("[D-12.2] the real binary backs up and restores embedded data folders", async () => {
    // An embedded folder holding the data: the source in pglite runs, the cross-mode copy otherwise.
    const embedded = targets.find((t) => t.mode === "pglite" && t !== targets[1])!;
    const env = { PATH: process.env.PATH, DANGAN_SECRET: SECRET };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env, timeout: 120_000 });
    const out = join(work, "binary.jsonl.gz");
    const b = run("backup", out, "--data-dir", embedded.dataDir);
    expect(b.status, b.stderr).toBe(0);
    const fresh = await target("pglite");
    const r = run("restore", out, "--data-dir", fresh.dataDir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Restored/);
    const v = run("audit", "verify", "--data-dir", fresh.dataDir);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/Audit chain intact/);
    expect((await snapshot(fresh)).tables.organisation).toEqual(before.tables.organisation);
  });
});
