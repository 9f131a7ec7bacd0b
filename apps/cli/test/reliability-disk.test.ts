// Issue 7, "Faults": a full disk and an unwritable data folder. Uploads are
// refused with a clear error (507 STORAGE_FULL / 503 STORAGE_UNAVAILABLE, never a
// bare 500), nothing half-written stays behind (no row, no blob, no temp file),
// the audit chain verifies, and once there is room again the same upload works.
// The full disk is a real 1 MB tmpfs when `mount` works (root on Linux); else
// that case is skipped outside CI. The unwritable folder is a file where the
// folder should be, which stops root too (chmod does not).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyAuditChain } from "@dangan/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../server/src/demo/demo-pdf.ts";
import { startTestApp, type TestApp } from "../../server/test/harness.ts";

const base = mkdtempSync(join(tmpdir(), "dangan-disk-"));
const full = join(base, "full");
mkdirSync(full);
const mounted =
  process.platform === "linux" &&
  spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", full]).status === 0;
if (!mounted && process.env.CI) console.warn("tmpfs mount unavailable: the disk-full case is skipped");

/** A PDF of `bytes` (padding after %%EOF keeps it a PDF by its signature). */
const pdf = (bytes: number) => {
  const head = demoPdf("disk");
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0x20)]);
};

function upload(cookieOf: Awaited<ReturnType<TestApp["as"]>>, projectId: string, data: Buffer) {
  const boundary = "----disk";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return cookieOf.request({
    method: "POST",
    url: `/api/attachments?entityType=project&entityId=${projectId}`,
    payload,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
}

const blobFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => d.name)
    : [];

async function attachments(t: TestApp) {
  return (await t.services.db.selectFrom("attachment").select("sm3").execute()).length;
}

describe("[reliability] disk full and an unwritable data folder", () => {
  afterAll(() => {
    if (mounted) spawnSync("umount", ["-l", full]);
    rmSync(base, { recursive: true, force: true });
  });

  describe.skipIf(!mounted)("blob store on a full file system (1 MB tmpfs)", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { blobDir: join(full, "blobs") } });
    });
    afterAll(() => t?.close());

    it("[reliability] an upload that fills the disk answers 507 STORAGE_FULL and leaves nothing behind", async () => {
      const officer = await t.as("client.officer");
      const p = await t.services.db.selectFrom("project").select("id").limit(1).executeTakeFirstOrThrow();
      const rows = await attachments(t);
      const before = blobFiles(join(full, "blobs"));
      const r = await upload(officer, p.id, pdf(3 * 1024 * 1024));
      expect(r.statusCode).toBe(507);
      expect(r.json()).toMatchObject({ code: "STORAGE_FULL", message: { zh: expect.any(String) } });
      expect(await attachments(t)).toBe(rows);
      expect(blobFiles(join(full, "blobs"))).toEqual(before); // the temp file is gone too
      expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
      // A small file still fits: the store is not left broken.
      const small = await upload(officer, p.id, pdf(20_000));
      expect(small.statusCode, small.body).toBe(201);
      expect(await attachments(t)).toBe(rows + 1);
    });
  });

  describe("blob folder that cannot be written (a file in its place)", () => {
    let t: TestApp;
    const blocked = join(base, "blocked");
    beforeAll(async () => {
      t = await startTestApp({ config: { blobDir: blocked } });
      // After the demo world is in: the folder becomes a file.
      rmSync(blocked, { recursive: true });
      writeFileSync(blocked, "not a folder");
    });
    afterAll(() => t?.close());

    it("[reliability] an upload answers 503 STORAGE_UNAVAILABLE, records nothing, and works once the folder is fixed", async () => {
      const officer = await t.as("client.officer");
      const p = await t.services.db.selectFrom("project").select("id").limit(1).executeTakeFirstOrThrow();
      const rows = await attachments(t);
      const r = await upload(officer, p.id, pdf(20_000));
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ code: "STORAGE_UNAVAILABLE", details: { retryable: true } });
      expect(await attachments(t)).toBe(rows);
      expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
      rmSync(blocked);
      const again = await upload(officer, p.id, pdf(20_000));
      expect(again.statusCode, again.body).toBe(201);
    });
  });
});
