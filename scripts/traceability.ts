// Writes docs/traceability.md: for each clause of spec/clauses.tsv, the code
// that cites it and the tests titled with it. `--check` only compares, for CI.
// Usage: node --import tsx scripts/traceability.ts [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseClauses } from "@dangan/domain";
import { render } from "./traceability/render.ts";
import { scan } from "./traceability/scan.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUTPUT = "docs/traceability.md";

const clauses = parseClauses(readFileSync(join(ROOT, "spec/clauses.tsv"), "utf8"));
const document = render(clauses, scan(ROOT));

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(join(ROOT, OUTPUT), "utf8");
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== document) {
    console.error(`${OUTPUT} is out of date: run \`npm run traceability\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${OUTPUT} is up to date.`);
} else {
  writeFileSync(join(ROOT, OUTPUT), document);
  console.log(`wrote ${OUTPUT} (${clauses.length} clauses)`);
}
