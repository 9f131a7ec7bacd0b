// Restore refuses what it must not overwrite and fails whole: a damaged file
// or a mismatch half-way leaves the target empty and the blob store untouched.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSource, snapshot } from "./backup-helpers.ts";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
const work = mkdtempSync(join(tmpdir(), "dangan-bad-backups-"));
const good = join(work, "good.jsonl.gz");
const targets: Target[] = [];
let source: Target;
let empty: Target;

async function target() {
  const t = await newTarget(mode);
  targets.push(t);
  return t;
}

/** Nothing restored: no organisations, no audit events, no blobs. */
async function expectEmpty(t: Target) {
  const s = await snapshot(t).catch(() => null);
  if (!s) return; // never even created
  expect(s.tables.organisation ?? []).toEqual([]);
  expect(s.tables.audit_event ?? []).toEqual([]);
  expect(s.tables.app_user ?? []).toEqual([]);
  expect(s.blobs).toEqual({});
  const staging = join(t.dataDir, "blobs", "tmp");
  expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
}

describe(`dangan restore failures (${mode})`, () => {
  beforeAll(async () => {
    source = await target();
    await seedSource(source);
    expect((await dangan(["backup", good, ...source.args])).code).toBe(0);
    empty = await target();
  });
  afterAll(async () => {
    for (const t of targets) await t.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it("[D-12.2] refuses a target that has organisations or audit events (exit 2), changing nothing", async () => {
    const before = await snapshot(source);
    const r = await dangan(["restore", good, ...source.args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/The target is not empty \(organisation has rows\)/);
    expect(await snapshot(source)).toEqual(before);
  });

  it("[D-12.2] a truncated file fails cleanly (exit 1) and leaves the target empty", async () => {
    const bytes = readFileSync(good);
    const cut = join(work, "cut.jsonl.gz");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.9)));
    const r = await dangan(["restore", cut, ...empty.args]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unexpected end of file|truncated/i);
    await expectEmpty(empty);
  });

  it("[D-12.2] flipped bytes fail cleanly (exit 1) and leave the target empty", async () => {
    const bytes = Buffer.from(readFileSync(good));
    for (let i = 0; i < 8; i++) bytes[Math.floor(bytes.length * 0.6) + i]! ^= 0xff;
    const flipped = join(work, "flipped.jsonl.gz");
    writeFileSync(flipped, bytes);
    const r = await dangan(["restore", flipped, ...empty.args]);
    expect(r.code).toBe(1);
    await expectEmpty(empty);
  });

  it("[D-12.2] an edited row in a late table rolls back every table loaded before it (ONE transaction)", async () => {
    // Valid gzip and JSON, but a signing key's row no longer matches its digest;
    // organisation, app_user, audit_event… were already inserted when it is met.
    const lines = gunzipSync(readFileSync(good)).toString("utf8").split("\n");
    const at = lines.findIndex(
      (l) => l.startsWith('{"row":{"org_id"') && l.includes('"algorithm":"ed25519"'),
    );
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace('"algorithm":"ed25519"', '"algorithm":"ed25518"');
    const edited = join(work, "edited.jsonl.gz");
    writeFileSync(edited, gzipSync(lines.join("\n")));
    const r = await dangan(["restore", edited, ...empty.args]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/table signing_key: .*digest differs/);
    expect(r.err).toMatch(/organisation: \d+ rows/); // it got that far
    await expectEmpty(empty);
  });

  it("refuses a target with another instance secret (exit 2): signing keys would not open", async () => {
    const r = await dangan(["restore", good, ...empty.args], { env: { DANGAN_SECRET: "00".repeat(32) } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/instance secret/);
    await expectEmpty(empty);
  });

  it("rejects a file that is not a backup (exit 1)", async () => {
    const junk = join(work, "junk.jsonl.gz");
    writeFileSync(junk, "not a backup at all");
    const r = await dangan(["restore", junk, ...empty.args]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Not a readable Dangan backup/);
    expect((await dangan(["restore", join(work, "missing.gz"), ...empty.args])).code).toBe(2);
  });

  it("after all those failures the target still counts as empty: the good file restores", async () => {
    const r = await dangan(["restore", good, ...empty.args]);
    expect(r.code, r.err).toBe(0);
    await withDb(empty, async (h) => {
      const n = await h.db
        .selectFrom("organisation")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBeGreaterThan(0);
    });
    expect((await dangan(["audit", "verify", ...empty.args])).code).toBe(0);
  });
});
