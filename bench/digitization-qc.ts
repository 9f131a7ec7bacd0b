// Benchmark: digitization QC (Z-7.4) over N generated pages (200×280 TIFF,
// 300 dpi). Measures (1) fixity — SM3 + SHA-256 of every file on the worker
// pool — beside `openssl dgst -sm3` and `openssl dgst -sha256` over the same
// files in the same run (the ceiling), and (2) the full check (decode, ink,
// skew, naming, counts, duplicates, four properties) in files/s.
// Goals: fixity ≥ 0.8× the ceiling using both cores; full check ≥ 200 images/s.
// Usage: node --import tsx bench/digitization-qc.ts [--n 10000]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { NATIONAL_QC_TERMS } from "@dangan/domain";
import sharp from "sharp";
import { FixityPool } from "../apps/server/src/modules/digitization-qc/engine/fixity.ts";
import { listFiles, runChecks } from "../apps/server/src/modules/digitization-qc/engine/run-checks.ts";

const { values } = parseArgs({ options: { n: { type: "string", default: "10000" } } });
const n = Number(values.n.replaceAll("_", ""));
if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--n must be a positive integer, not ${values.n}`);
const PER_VOLUME = 100;

function svg(i: number): Buffer {
  const lines = Array.from(
    { length: 14 },
    (_, k) =>
      `<rect x="24" y="${30 + k * 16}" width="${60 + ((i * 37 + k * 53) % 100)}" height="5" fill="#222"/>`,
  ).join("");
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="280"><rect width="100%" height="100%" fill="#fbfaf5"/>` +
      `<g transform="rotate(${(i % 7) - 3} 100 140)">${lines}<text x="30" y="270" font-size="9">${i}</text></g></svg>`,
  );
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

console.log(`digitization-qc: ${n.toLocaleString("en")} images`);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, parallelism ${availableParallelism()}`,
);
const dir = mkdtempSync(join(tmpdir(), "dangan-bench-qc-"));
try {
  const code = (v: number) => `Z109-KJ·2008-Y-JJ-${String(v + 1).padStart(4, "0")}`;
  let t0 = process.hrtime.bigint();
  let bytes = 0;
  const write = async (i: number) => {
    const v = Math.floor(i / PER_VOLUME);
    const data = await sharp(svg(i))
      .flatten({ background: "#ffffff" })
      .tiff({ compression: "lzw", xres: 300 / 25.4, yres: 300 / 25.4 })
      .toBuffer();
    bytes += data.length;
    mkdirSync(join(dir, code(v)), { recursive: true });
    writeFileSync(
      join(dir, code(v), `${code(v)}-${String((i % PER_VOLUME) + 1).padStart(4, "0")}.tif`),
      data,
    );
  };
  for (let i = 0; i < n; i += 64)
    await Promise.all(Array.from({ length: Math.min(64, n - i) }, (_, k) => write(i + k)));
  console.log(`generated in ${seconds(t0).toFixed(1)} s, ${(bytes / 1048576).toFixed(1)} MB`);

  const paths = (await listFiles(dir)).map((f) => join(dir, f.path));
  const openssl = (alg: string) => {
    const t = process.hrtime.bigint();
    for (let i = 0; i < paths.length; i += 500)
      execFileSync("openssl", ["dgst", `-${alg}`, ...paths.slice(i, i + 500)], {
        maxBuffer: 64 * 1024 * 1024,
      });
    return seconds(t);
  };
  // Warm the page cache so both sides read from memory.
  openssl("sha256");
  const sm3 = openssl("sm3");
  const sha = openssl("sha256");
  // The server keeps its pool: start the threads before timing.
  const pool = new FixityPool();
  await Promise.all(pool.digestAll(paths.slice(0, 4), 1));
  t0 = process.hrtime.bigint();
  for (let i = 0; i < paths.length; i += 256)
    await Promise.all(paths.slice(i, i + 256).map((p) => pool.digest(p)));
  const ours = seconds(t0);
  const ceiling = sm3 + sha;
  console.log(
    `fixity: openssl sm3 ${sm3.toFixed(2)} s + sha256 ${sha.toFixed(2)} s = ${ceiling.toFixed(2)} s; ` +
      `pool (both digests, ${availableParallelism()} threads) ${ours.toFixed(2)} s → ${(n / ours).toFixed(0)} files/s, ` +
      `ratio ${(ceiling / ours).toFixed(2)}× of the ceiling (goal ≥ 0.8)`,
  );

  const catalogue = Array.from({ length: Math.ceil(n / PER_VOLUME) }, (_, v) => ({
    referenceCode: code(v),
    expectedPages: Math.min(PER_VOLUME, n - v * PER_VOLUME),
  }));
  t0 = process.hrtime.bigint();
  const run = await runChecks(dir, {
    catalogue,
    terms: NATIONAL_QC_TERMS,
    purpose: "preservation",
    pool,
    virusScan: false,
  });
  const full = seconds(t0);
  await pool.close();
  console.log(
    `full check: ${run.summary.files} files in ${full.toFixed(2)} s → ${(n / full).toFixed(0)} images/s ` +
      `(goal ≥ 200), ${run.summary.failedFiles} failing`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
