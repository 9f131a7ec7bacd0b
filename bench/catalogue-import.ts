// Benchmark: import a generated handover catalogue (CSV and XLSX) with full
// validation through the real import job, and load the same rows raw into the
// same kind of database as the baseline; rows/s, ratio and peak RSS per mode.
// Each phase runs in a child process so its peak memory is its own.
// Usage: node --import tsx bench/catalogue-import.ts [--rows N] [--mode embedded|server|both]
//        [--formats csv,xlsx] [--insert] (also the server import through batched INSERT)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { DbMode } from "@dangan/db";
import { catalogueDigest } from "@dangan/domain";
import { row, writeCsv, writeXlsx } from "./catalogue-import/generate.ts";
import { measure } from "./catalogue-import/measure.ts";
import { type Phase, runPhase } from "./catalogue-import/phase.ts";
import { type PhaseResult, table } from "./catalogue-import/report.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    mode: { type: "string", default: "both" },
    formats: { type: "string", default: "csv,xlsx" },
    insert: { type: "boolean", default: false },
    child: { type: "string" },
    dir: { type: "string" },
  },
});
const rows = Number(values.rows.replaceAll("_", ""));
if (!Number.isSafeInteger(rows) || rows < 1)
  throw new Error(`--rows must be a positive integer, not ${values.rows}`);
const digestOf = (fonds: string) =>
  catalogueDigest(
    "item",
    (function* () {
      for (let i = 0; i < rows; i++) yield row(i, fonds).stored;
    })(),
  );

if (values.child) {
  const [mode, phase] = values.child.split(":") as [DbMode, Phase];
  const r = await runPhase(
    mode,
    phase,
    values.dir!,
    rows,
    phase === "xlsx" ? digestOf("X001") : digestOf("C001"),
  );
  console.log(`RESULT ${JSON.stringify(r)}`);
  process.exit(0);
}

const modes: DbMode[] = values.mode === "both" ? ["embedded", "server"] : [values.mode as DbMode];
const formats = values.formats.split(",") as ("csv" | "xlsx")[];
console.log(
  `catalogue-import: ${rows.toLocaleString("en")} rows, modes ${modes.join(", ")}, formats ${formats.join(", ")}`,
);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}`);

const dir = mkdtempSync(join(tmpdir(), "dangan-bench-files-"));
const results: PhaseResult[] = [];
try {
  for (const f of formats) {
    const path = join(dir, `catalogue.${f}`);
    const t = await measure(() =>
      f === "csv" ? writeCsv(path, rows, "C001") : writeXlsx(path, rows, "X001"),
    );
    console.log(
      `  generated ${f}: ${(statSync(path).size / 1e6).toFixed(1)} MB in ${t.seconds.toFixed(1)} s`,
    );
  }
  for (const mode of modes) {
    const phases: Phase[] = [
      "raw",
      ...formats,
      ...(mode === "server" && values.insert ? ["csv-insert" as const] : []),
    ];
    for (const phase of phases) {
      console.log(`\n  ${mode} ${phase}`);
      const child = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          process.argv[1]!,
          "--child",
          `${mode}:${phase}`,
          "--dir",
          dir,
          "--rows",
          String(rows),
        ],
        { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 },
      );
      const lines = child.stdout.split("\n");
      for (const l of lines) if (l && !l.startsWith("RESULT ")) console.log(l);
      const line = lines.find((l) => l.startsWith("RESULT "));
      if (child.status !== 0 || !line) throw new Error(`${mode} ${phase} failed (exit ${child.status})`);
      const r = JSON.parse(line.slice(7)) as PhaseResult;
      console.log(
        `    ${r.seconds.toFixed(1)} s, ${Math.round(r.rows / r.seconds).toLocaleString("en")} rows/s, peak RSS ${r.peakRssMb} MB`,
      );
      results.push(r);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log("\nEvery import ended on the digest of the generated rows.\n");
console.log(table(results));
