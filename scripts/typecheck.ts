// Type-checks every workspace with its own tsconfig (TypeScript 7, tsc).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const projects = [
  "packages/domain",
  "packages/db",
  "apps/server",
  "apps/cli",
  "apps/web",
  "e2e",
  "bench",
  "scripts",
].filter((p) => existsSync(`${p}/tsconfig.json`));
let failed = 0;
for (const p of projects) {
  const r = spawnSync("npx", ["tsc", "-p", `${p}/tsconfig.json`], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`✗ typecheck ${p}`);
    failed++;
  }
}
console.log(`typecheck: ${projects.length - failed}/${projects.length} projects clean`);
process.exit(failed ? 1 : 0);
