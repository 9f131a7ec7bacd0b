// D-8.2: both parties confirm the same content, named by its SM3 digest.
//
// Canonical serialisation, format "dangan-handover-catalogue/v1" (UTF-8):
//
//   dangan-handover-catalogue/v1\n
//   level=<item|box>\n
//   then one line per entry, in entry order (序号 1, 2, …):
//   <seq>\t<referenceCode>\t<title>\t<boxNo>\t<quantity>\t<pages>\t<year>\t<retentionPeriod>\t<category>\t<carrier>\t<classification>\n
//
// Values are the normalised ones stored in catalogue_item (reference code
// normalised, title whitespace collapsed, codes for retention/category/carrier);
// an absent value is the empty string; integers in decimal without separators.
// Inside a value "\" is written "\\", TAB "\t", LF "\n", CR "\r". The digest is
// the lower-case hex SM3 of the whole byte string. Anyone can recompute it from
// the item rows (ordered by row_no) or from the exported spreadsheet.
import { createHash, type Hash } from "node:crypto";
import type { CatalogueLevel } from "./catalogue-columns.ts";
import type { CatalogueRow } from "./catalogue-row.ts";

export const CATALOGUE_DIGEST_FORMAT = "dangan-handover-catalogue/v1";

const escapeField = (v: string) =>
  /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : v;

const field = (v: string | number | null) =>
  v === null ? "" : typeof v === "number" ? String(v) : escapeField(v);

export function catalogueLine(seq: number, r: CatalogueRow): string {
  return `${seq}\t${field(r.referenceCode)}\t${field(r.title)}\t${field(r.boxNo)}\t${field(r.quantity)}\t${field(r.pages)}\t${field(r.year)}\t${field(r.retentionPeriod)}\t${field(r.category)}\t${field(r.carrier)}\t${field(r.classification)}\n`;
}

/** Incremental: add entries in order, then `hex()`. Buffers lines so hashing stays cheap per row. */
export class CatalogueDigest {
  private readonly hash: Hash = createHash("sm3");
  private pending = "";
  count = 0;

  constructor(level: CatalogueLevel) {
    this.pending = `${CATALOGUE_DIGEST_FORMAT}\nlevel=${level}\n`;
  }

  add(r: CatalogueRow): void {
    this.count++;
    this.pending += catalogueLine(this.count, r);
    if (this.pending.length > 65_536) this.flush();
  }

  hex(): string {
    this.flush();
    return this.hash.digest("hex");
  }

  private flush(): void {
    if (this.pending) this.hash.update(this.pending, "utf8");
    this.pending = "";
  }
}

export function catalogueDigest(level: CatalogueLevel, rows: Iterable<CatalogueRow>): string {
  const d = new CatalogueDigest(level);
  for (const r of rows) d.add(r);
  return d.hex();
}
