// The catalogue a delivery is checked against, from a file: one line per
// volume, "reference code, expected pages" (comma or tab; a header line and
// blank lines are skipped; pages may be empty when not known).
import { validationFailed } from "../../errors/common.ts";
import type { QcCatalogueEntry } from "./delivery-checks.ts";

export function parseQcCatalogue(text: string): QcCatalogueEntry[] {
  const out: QcCatalogueEntry[] = [];
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [code = "", pages = ""] = line.split(/[,\t]/).map((c) => c.trim().replace(/^"|"$/g, ""));
    if (i === 0 && !/\d/.test(pages) && /档号|reference/i.test(code)) continue;
    const row = `line ${i + 1}`;
    const problem = !code
      ? "reference code missing"
      : seen.has(code)
        ? `reference code ${code} listed twice`
        : pages && !/^\d{1,6}$/.test(pages)
          ? `expected pages "${pages}" is not a whole number`
          : null;
    if (problem) {
      issues.push({ path: row, message: problem });
      continue;
    }
    seen.add(code);
    out.push({ referenceCode: code.normalize("NFC"), expectedPages: pages ? Number(pages) : null });
  }
  if (issues.length) throw validationFailed(issues.slice(0, 100));
  return out;
}
