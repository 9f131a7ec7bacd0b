// Loads the clause catalogue shipped in spec/clauses.tsv.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Clause, parseClauses } from "@dangan/domain";

export const CLAUSES_FILE = fileURLToPath(new URL("../../../../spec/clauses.tsv", import.meta.url));

export function loadClauses(file = CLAUSES_FILE): Clause[] {
  return parseClauses(readFileSync(file, "utf8"));
}
