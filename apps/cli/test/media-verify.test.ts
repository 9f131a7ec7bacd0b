// `dangan media verify` (Z-7.7): SM3 of every file in a folder against the
// manifest; missing, extra and mismatched files by path; the result recorded
// on the handover with --handover.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { sha256Hex, sm3Hex } from "@dangan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
let dir: string;
let handoverId: string;
const FILES: Record<string, string> = { "R-001/0001.tif": "page one", "R-001/sub/0002.tif": "page two" };
const line = (path: string, content: string) =>
  `${path},${Buffer.byteLength(content)},${sm3Hex(content)},${sha256Hex(content)}`;
const manifestCsv = ["path,size,sm3,sha256", ...Object.entries(FILES).map(([p, c]) => line(p, c))].join("\n");

describe(`dangan media verify (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await dangan(["demo", ...t.args])).code).toBe(0);
    dir = mkdtempSync(join(tmpdir(), "dangan-media-"));
    mkdirSync(join(dir, "files", "R-001", "sub"), { recursive: true });
    for (const [p, c] of Object.entries(FILES)) writeFileSync(join(dir, "files", p), c);
    writeFileSync(join(dir, "manifest.csv"), manifestCsv);
    handoverId = await withDb(t, async ({ db }) => {
      const p = await db
        .selectFrom("project")
        .select("id")
        .where("name", "=", "基建档案数字化加工（一期）")
        .executeTakeFirstOrThrow();
      const h = await db
        .insertInto("digitizationMediaHandover")
        .values({
          projectId: p.id,
          receivedByName: "周红",
          manifestDigest: "ab".repeat(32),
          fileCount: 2,
          totalBytes: 16,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("digitizationManifestFile")
        .values(
          Object.entries(FILES).map(([path, c]) => ({
            handoverId: h.id,
            path,
            sizeBytes: Buffer.byteLength(c),
            sm3: sm3Hex(c),
            sha256: sha256Hex(c),
          })),
        )
        .execute();
      return h.id;
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.dispose();
  });

  it("[Z-7.7] reports a match for a folder that holds exactly the listed files", async () => {
    const r = await dangan([
      "media",
      "verify",
      "--manifest",
      join(dir, "manifest.csv"),
      "--dir",
      join(dir, "files"),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("✓ match: 2 listed, 2 found");
  });

  it("[Z-7.7] lists missing, extra and mismatched files by path, and records the result on the handover", async () => {
    writeFileSync(join(dir, "files", "R-001", "0001.tif"), "page ONE");
    rmSync(join(dir, "files", "R-001", "sub", "0002.tif"));
    writeFileSync(join(dir, "files", "R-001", "0003.tif"), "kept back");
    const r = await dangan([
      "media",
      "verify",
      "--manifest",
      join(dir, "manifest.csv"),
      "--dir",
      join(dir, "files"),
      "--handover",
      handoverId,
      ...t.args,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("missing\tR-001/sub/0002.tif");
    expect(r.out).toContain("extra\tR-001/0003.tif");
    expect(r.out).toContain("mismatched\tR-001/0001.tif");
    expect(r.out).toContain(`recorded on handover ${handoverId}: mismatch`);
    const v = await withDb(t, ({ db }) =>
      db
        .selectFrom("digitizationManifestVerification")
        .selectAll()
        .where("handoverId", "=", handoverId)
        .executeTakeFirstOrThrow(),
    );
    expect(v).toMatchObject({
      source: "cli",
      outcome: "mismatch",
      missing: ["R-001/sub/0002.tif"],
      extra: ["R-001/0003.tif"],
      mismatched: ["R-001/0001.tif"],
    });
  });

  it("[Z-7.7] refuses an unreadable manifest and an unknown handover", async () => {
    const r = await dangan([
      "media",
      "verify",
      "--manifest",
      join(dir, "nope.csv"),
      "--dir",
      join(dir, "files"),
    ]);
    expect(r.code).toBe(2);
    const u = await dangan([
      "media",
      "verify",
      "--manifest",
      join(dir, "manifest.csv"),
      "--dir",
      join(dir, "files"),
      "--handover",
      "00000000-0000-4000-8000-000000000000",
      ...t.args,
    ]);
    expect(u.code).toBe(2);
    expect(u.err).toContain("NOT_FOUND");
  });
});
