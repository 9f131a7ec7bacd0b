// The delivery-checking engine on its own (Z-7.4): generated pages measured
// and judged, manifests compared (DA/T 70 GD-1-10, GD-2-2), lying headers
// refused before decoding, PDFs only in access copies, and archives unpacked
// safely (GB18030 names, tar.gz, bombs and links refused).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { NATIONAL_QC_TERMS } from "@dangan/domain";
import { afterAll, describe, expect, it } from "vitest";
import { unpack } from "../../src/modules/digitization-qc/engine/archive.ts";
import { FixityPool } from "../../src/modules/digitization-qc/engine/fixity.ts";
import { runChecks } from "../../src/modules/digitization-qc/engine/run-checks.ts";
import { tarball, zip } from "../support/qc-archives.ts";
import { lyingTiff, page, writeDelivery } from "../support/qc-images.ts";

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), "qc-engine-"));
  dirs.push(d);
  return d;
};
const pool = new FixityPool();
afterAll(async () => {
  await pool.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const LIMITS = { maxUnpackedBytes: 50 * 1024 * 1024, maxEntries: 100, maxRatio: 200 };
const cat = [{ referenceCode: "A1-WS·2020-Y-0001", expectedPages: 2 }];

describe("digitization QC engine", () => {
  it("[Z-7.4] hashes every file with SM3 and SHA-256 and checks digests against the manifest (GD-1-10, GD-2-2)", async () => {
    const dir = fresh();
    const a = await page({ seed: 1 });
    const b = await page({ seed: 2 });
    const sha = (x: Buffer) => createHash("sha256").update(x).digest("hex");
    await writeDelivery(dir, {
      "A1-WS·2020-Y-0001-0001.tif": a,
      "A1-WS·2020-Y-0001-0002.tif": b,
      "manifest-sha256.txt": `${sha(a)}  A1-WS·2020-Y-0001-0001.tif\n${"0".repeat(64)}  A1-WS·2020-Y-0001-0002.tif\n`,
      "bag-info.txt": `Payload-Oxum: ${a.length + b.length}.2\n`,
    });
    const run = await runChecks(dir, {
      catalogue: cat,
      terms: NATIONAL_QC_TERMS,
      purpose: "preservation",
      pool,
      virusScan: false,
    });
    const f = run.files.find((x) => x.path.endsWith("0001.tif"))!;
    expect(f.sha256).toBe(sha(a));
    expect(f.sm3).toBe(createHash("sm3").update(a).digest("hex"));
    const by = Object.fromEntries(run.fourProperty.map((i) => [i.code, i]));
    expect(by["GD-1-10"]).toMatchObject({ outcome: "fail", subjects: ["A1-WS·2020-Y-0001-0002.tif"] });
    expect(by["GD-2-2"]?.outcome).toBe("pass");
    expect(run.files.find((x) => x.path === "manifest-sha256.txt")?.kind).toBe("metadata");
  });

  it("[Z-7.4] refuses an image whose header claims a gigantic size, without decoding it", async () => {
    const dir = fresh();
    await writeDelivery(dir, {
      "A1-WS·2020-Y-0001-0001.tif": lyingTiff(),
      "A1-WS·2020-Y-0001-0002.tif": lyingTiff(8000, 8000),
    });
    const run = await runChecks(dir, {
      catalogue: cat,
      terms: NATIONAL_QC_TERMS,
      purpose: "preservation",
      pool,
      virusScan: false,
    });
    const dims = run.results.filter((r) => r.ruleId === "dimensions");
    expect(dims.map((r) => r.outcome)).toEqual(["fail", "fail"]);
    expect(run.files.map((f) => f.refusedSize).sort()).toEqual(["implausible", "too_large"]);
  });

  it("[Z-7.4] accepts PDF only in an access copy", async () => {
    const dir = fresh();
    await writeDelivery(dir, {
      "A1-WS·2020-Y-0001.pdf": "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    });
    const catalogue = [{ referenceCode: "A1-WS·2020-Y-0001", expectedPages: 1 }];
    const pres = await runChecks(dir, {
      catalogue,
      terms: NATIONAL_QC_TERMS,
      purpose: "preservation",
      pool,
      virusScan: false,
    });
    const acc = await runChecks(dir, {
      catalogue,
      terms: NATIONAL_QC_TERMS,
      purpose: "access",
      pool,
      virusScan: false,
    });
    const fmt = (r: typeof pres) => r.results.find((x) => x.ruleId === "format_allowed")?.outcome;
    expect(fmt(pres)).toBe("fail");
    expect(fmt(acc)).toBe("pass");
  });

  it("[Z-7.4] unpacks zip names in GB18030 and tar.gz, and refuses links and bombs", async () => {
    const dir = fresh();
    const gbk = Buffer.from([0xb5, 0xb5, 0xb0, 0xb8, 0x2f, 0x61, 0x2e, 0x74, 0x69, 0x66]); // 档案/a.tif
    // Rewrite the stored name in place: same length, no UTF-8 flag.
    const zipped = zip([{ name: "0123456789", data: Buffer.from("tiff") }]);
    for (let at = zipped.indexOf("0123456789"); at >= 0; at = zipped.indexOf("0123456789", at + 1))
      gbk.copy(zipped, at);
    for (let i = 0; i + 4 < zipped.length; i++)
      if (zipped.readUInt32LE(i) === 0x04034b50) zipped.writeUInt16LE(0, i + 6);
      else if (zipped.readUInt32LE(i) === 0x02014b50) zipped.writeUInt16LE(0, i + 8);
    writeFileSync(join(dir, "gbk.zip"), zipped);
    await unpack(join(dir, "gbk.zip"), join(dir, "out1"), LIMITS);
    expect(await readdir(join(dir, "out1"))).toEqual(["档案"]);

    writeFileSync(
      join(dir, "d.tgz"),
      gzipSync(await tarball([{ name: "v/a-0001.tif", data: Buffer.from("x") }])),
    );
    expect(await unpack(join(dir, "d.tgz"), join(dir, "out2"), LIMITS)).toMatchObject({ files: 1 });

    writeFileSync(
      join(dir, "l.zip"),
      zip([{ name: "a.tif", data: Buffer.from("/etc/passwd"), mode: 0o120777 }]),
    );
    await expect(unpack(join(dir, "l.zip"), join(dir, "out3"), LIMITS)).rejects.toMatchObject({
      code: "ARCHIVE_UNSAFE",
    });

    writeFileSync(
      join(dir, "b.tgz"),
      gzipSync(await tarball([{ name: "big.tif", data: Buffer.alloc(60 * 1024 * 1024) }])),
    );
    await expect(unpack(join(dir, "b.tgz"), join(dir, "out4"), LIMITS)).rejects.toMatchObject({
      code: "ARCHIVE_TOO_LARGE",
    });
  });
});
