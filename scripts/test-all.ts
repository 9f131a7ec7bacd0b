// The test command: lint, type-check, traceability freshness, then every test
// tier (unit; db and api on PGlite and on the PostgreSQL server; browser).
// Ends with one line "N passed, N failed" over all tiers. In CI (CI=true) a
// skipped test or an empty tier counts as a failure: no tier skips silently.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CI = process.env.CI === "true";
const only = process.argv.slice(2);

interface Step {
  name: string;
  run: () => { passed: number; failed: number };
}

function sh(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** A check that passes or fails as a whole. */
const check = (name: string, cmd: string, args: string[]): Step => ({
  name,
  run: () => (sh(cmd, args) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }),
});

/** A vitest project; counts come from its JSON report. */
const tier = (name: string, project: string, env: Record<string, string> = {}): Step => ({
  name,
  run: () => {
    const out = join(mkdtempSync(join(tmpdir(), "dangan-tier-")), "report.json");
    const code = sh(
      "npx",
      [
        "vitest",
        "run",
        "--project",
        project,
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${out}`,
      ],
      env,
    );
    let report: {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
    };
    try {
      report = JSON.parse(readFileSync(out, "utf8"));
    } catch {
      console.error(`✗ ${name}: no report (vitest exited ${code})`);
      return { passed: 0, failed: 1 };
    }
    const skipped = report.numPendingTests + report.numTodoTests;
    let failed = report.numFailedTests;
    if (CI && skipped > 0) {
      console.error(`✗ ${name}: ${skipped} skipped test(s) — not allowed in CI`);
      failed += skipped;
    }
    if (report.numTotalTests === 0) {
      console.error(`✗ ${name}: ran no tests`);
      failed += 1;
    }
    if (code !== 0 && failed === 0) failed = 1; // e.g. an error outside any test
    return { passed: report.numPassedTests, failed };
  },
});

const steps: Step[] = [
  check("lint (biome)", "npx", ["biome", "check", "."]),
  check("typecheck", "node", ["--import", "tsx", "scripts/typecheck.ts"]),
  check("traceability up to date", "node", ["--import", "tsx", "scripts/traceability.ts", "--check"]),
  tier("unit", "unit"),
  tier("db · PGlite", "db", { DANGAN_TEST_DB: "pglite" }),
  tier("db · PostgreSQL", "db", { DANGAN_TEST_DB: "postgres" }),
  tier("api · PGlite", "api", { DANGAN_TEST_DB: "pglite" }),
  tier("api · PostgreSQL", "api", { DANGAN_TEST_DB: "postgres" }),
  check("build web", "npm", ["run", "build", "-w", "@dangan/web"]),
  tier("browser", "browser", { DANGAN_TEST_DB: "pglite" }),
];

let passed = 0;
let failed = 0;
const summary: string[] = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n━━ ${step.name} ━━`);
  const r = step.run();
  passed += r.passed;
  failed += r.failed;
  summary.push(`${r.failed ? "✗" : "✓"} ${step.name}: ${r.passed} passed, ${r.failed} failed`);
}
console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
