// Benchmark: page intelligence (Z-7.3, D-10.8). On generated A4 pages at
// 300 dpi (2480×3508, LZW TIFF; half with a classification mark in varied
// fonts, sizes, places, rotations, colours and noise, the rest clean or
// near-misses), measures
//   (1) mark screening inside the real server: a QC delivery of the pages is
//       uploaded to `dangan serve --demo` and the screening phase's pages/s read
//       from the delivery (both cores, as the server runs it), with recall and
//       precision over the set;
//   (2) full-page OCR (every line) of the same pages on a two-thread pool;
// and, alongside each, the latency of the server's GET /api/health sampled
// every 50 ms, against the same probe with the machine idle (the baseline).
// The server's background full-text job is off (DANGAN_FULL_TEXT=off) so that
// the screening figure is the screening's alone; (2) is that job's work.
// Goals: screening ≥ 10 pages/s; recall 100 %, precision ≥ 95 %.
// Usage: node --import tsx bench/page-intelligence.ts [--pages 40] [--full 6]
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { OcrPool } from "../apps/server/src/modules/page-intelligence/ocr/ocr-pool.ts";
import { markedPageSet } from "../apps/server/test/support/marked-pages.ts";
import { zip } from "../apps/server/test/support/qc-archives.ts";
import { childEnv, signIn, startServer } from "../scripts/reliability/server-process.ts";

const { values } = parseArgs({
  options: { pages: { type: "string", default: "40" }, full: { type: "string", default: "6" } },
});
const N = Number(values.pages);
const FULL = Number(values.full);
const V = (n: number) => `Z109-KJ·2008-Y-JJ-000${n}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms (n=${xs.length})`;

/** Samples GET /api/health every 50 ms until stopped. */
function probe(url: string) {
  const samples: number[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      const t = performance.now();
      await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
      samples.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    samples,
    stop: async () => {
      on = false;
      await loop;
      return samples;
    },
  };
}

console.log(`page-intelligence: ${N} A4 pages at 300 dpi, full-page OCR of ${FULL}`);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, parallelism ${availableParallelism()}`,
);
const data = mkdtempSync(join(tmpdir(), "dangan-bench-ocr-"));
const server = await startServer(
  ["--demo"],
  childEnv({ DANGAN_DATA_DIR: data, DANGAN_OCR_WORKERS: "2", DANGAN_FULL_TEXT: "off" }),
);
try {
  const pages = await markedPageSet(N, 300);
  const files = await Promise.all(
    pages.map(async (p, i) => ({
      name: `${V(1 + (i % 2))}/${V(1 + (i % 2))}-${String(100 + i).padStart(4, "0")}.tif`,
      // As a scanner writes it: RGB, no alpha (the rendered page's alpha channel made the
      // decode three times slower than a real scan's until 2026-11-26).
      data: await sharp(p.png)
        .flatten({ background: "#ffffff" })
        .removeAlpha()
        .withMetadata({ density: 300 })
        .tiff({ compression: "lzw" })
        .toBuffer(),
      page: p,
    })),
  );
  const mb = files.reduce((n, f) => n + f.data.length, 0) / 1e6;
  console.log(
    `set: ${pages.filter((p) => p.mark).length} marked, ${N - pages.filter((p) => p.mark).length} clean; ${mb.toFixed(1)} MB TIFF`,
  );

  console.log(
    `load before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  let p = probe(server.url);
  await new Promise((r) => setTimeout(r, 5000));
  const idle = await p.stop();
  console.log(`baseline  /api/health idle:        ${fmt(idle)}`);

  // (1) Screening inside the server, through a QC delivery.
  const s = await signIn(() => server.url, "digit.manager");
  const projects = await s.get(`/api/projects?q=${encodeURIComponent("基建档案数字化加工")}`);
  const projectId = projects.body.items[0].id;
  const batches = await s.get(`/api/digitization/projects/${projectId}/batches`);
  const batch = (batches.body.items ?? batches.body).find((b: { code: string }) => b.code === "B-001");
  // Warm-up: a two-page delivery loads the OCR models into the server's workers (about a
  // second each, once per process), so that the figure below is the steady state.
  const warm = await s.upload(
    `/api/digitization-batches/${batch.id}/deliveries`,
    "warm-up.zip",
    zip(
      [files[1]!, files[3]!].map((f, k) => ({
        name: `${V(3)}/${V(3)}-099${k}.tif`,
        data: f.data,
        deflate: false,
      })),
    ),
  );
  for (let w = warm.body; w.status === "queued" || w.status === "checking"; ) {
    await new Promise((r) => setTimeout(r, 500));
    w = (await s.get(`/api/digitization-qc/deliveries/${w.id}`)).body;
  }
  p = probe(server.url);
  const up = await s.upload(
    `/api/digitization-batches/${batch.id}/deliveries`,
    "bench.zip",
    zip(files.map((f) => ({ name: f.name, data: f.data, deflate: false }))),
  );
  if (up.status !== 202) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  let d = up.body;
  while (d.status === "queued" || d.status === "checking") {
    await new Promise((r) => setTimeout(r, 500));
    d = (await s.get(`/api/digitization-qc/deliveries/${d.id}`)).body;
  }
  const during = await p.stop();
  const sc = d.screening as { pages: number; ms: number; hits: number };
  const all = (await s.get(`/api/screening/hits?pageSize=200&source=qc_delivery`)).body.items as {
    fileLabel: string;
    qcDeliveryId: string;
  }[];
  const hitFiles = new Set(all.filter((h) => h.qcDeliveryId === d.id).map((h) => h.fileLabel));
  const tp = files.filter((f) => f.page.mark && hitFiles.has(f.name)).length;
  const fp = files.filter((f) => !f.page.mark && hitFiles.has(f.name)).length;
  const positives = files.filter((f) => f.page.mark).length;
  console.log(
    `screening in the server: ${sc.pages} pages in ${(sc.ms / 1000).toFixed(1)} s = ${((sc.pages * 1000) / sc.ms).toFixed(1)} pages/s (goal ≥ 10)`,
  );
  console.log(
    `  recall ${((tp / positives) * 100).toFixed(1)} % (goal 100 %), precision ${((tp / Math.max(1, tp + fp)) * 100).toFixed(1)} % (goal ≥ 95 %)`,
  );
  console.log(
    `  /api/health during the QC job:   ${fmt(during)}  ratio p95 ${(pct(during, 95) / pct(idle, 95)).toFixed(2)}×`,
  );

  // (2) Full-page OCR of A4 at 300 dpi on both cores.
  const pool = new OcrPool(2);
  await pool.read({ input: files[0]!.data, mode: "full" });
  p = probe(server.url);
  const t0 = performance.now();
  const full = await pool.readAll(files.slice(0, FULL), (f) => ({ input: f.data, mode: "full" as const }));
  const secs = (performance.now() - t0) / 1000;
  const beside = await p.stop();
  await pool.close();
  console.log(
    `full-page OCR: ${FULL} pages in ${secs.toFixed(1)} s = ${(FULL / secs).toFixed(2)} pages/s, ${(full.reduce((n, r) => n + r.lines.length, 0) / FULL).toFixed(0)} lines a page`,
  );
  console.log(
    `  /api/health beside full OCR:     ${fmt(beside)}  ratio p95 ${(pct(beside, 95) / pct(idle, 95)).toFixed(2)}×`,
  );
  console.log(
    `load after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await server.stop();
  rmSync(data, { recursive: true, force: true });
}
