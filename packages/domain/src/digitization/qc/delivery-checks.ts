// Checks across a whole delivery (Z-7.4, DA/T 31-2017 9.5, 10.5): names are
// reference code + image sequence number; each volume's pages match the
// catalogue with no gaps, duplicates or extra images; one format per batch;
// a stopped volume (Z-7.3) is never accepted.
import type { DeliveryFormat } from "./quality-terms.ts";
import type { QcResult } from "./rules.ts";

export interface QcCatalogueEntry {
  referenceCode: string;
  /** Expected images (pages); null when the catalogue does not say. */
  expectedPages: number | null;
  volumeId?: string | null | undefined;
  /** The originals' volume status; "stopped" is never accepted (Z-7.3). */
  status?: string | null | undefined;
}

export interface QcDeliveredImage {
  path: string;
  format: DeliveryFormat | null;
  /** Digest of the content: identical content = duplicate. */
  digest: string;
  /** Pages in a multi-page file; 1 otherwise. */
  pages?: number | undefined;
}

export interface QcParsedName {
  referenceCode: string;
  /** Image sequence number; null for a multi-page file named by the reference code alone. */
  seq: number | null;
}

const SEQ = /^(.+?)[-_](\d{3,6})$/;

export const imageBaseName = (path: string) => {
  const file = path.split("/").pop() ?? path;
  const dot = file.lastIndexOf(".");
  return dot > 0 ? file.slice(0, dot) : file;
};

/** 9.5: the name is the reference code plus the image sequence number; the longest catalogue code wins. */
export function parseImageName(path: string, codes: ReadonlySet<string>): QcParsedName | null {
  const name = imageBaseName(path).normalize("NFC");
  if (codes.has(name)) return { referenceCode: name, seq: null };
  let best: QcParsedName | null = null;
  for (const sep of ["-", "_"]) {
    let i = name.lastIndexOf(sep);
    while (i > 0) {
      const code = name.slice(0, i);
      const rest = name.slice(i + 1);
      if (codes.has(code) && /^\d{3,6}$/.test(rest) && (!best || code.length > best.referenceCode.length))
        best = { referenceCode: code, seq: Number(rest) };
      i = name.lastIndexOf(sep, i - 1);
    }
  }
  if (best) return best;
  const m = SEQ.exec(name);
  return m ? { referenceCode: m[1]!, seq: Number(m[2]) } : null;
}

export interface QcDeliveryCheck {
  results: QcResult[];
  /** The volume each image belongs to, by path. */
  assigned: Map<string, QcParsedName & { inCatalogue: boolean }>;
}

export function checkQcDelivery(images: QcDeliveredImage[], catalogue: QcCatalogueEntry[]): QcDeliveryCheck {
  const results: QcResult[] = [];
  const codes = new Set(catalogue.map((c) => c.referenceCode.normalize("NFC")));
  const assigned: QcDeliveryCheck["assigned"] = new Map();
  const byVolume = new Map<string, { seq: number | null; pages: number; path: string }[]>();

  for (const img of images) {
    const parsed = parseImageName(img.path, codes);
    if (!parsed) {
      results.push({
        ruleId: "naming",
        outcome: "fail",
        path: img.path,
        message: {
          zh: "文件名应为“档号-图像流水号”",
          en: "The name should be reference code + image sequence number",
        },
      });
      continue;
    }
    const inCatalogue = codes.has(parsed.referenceCode);
    assigned.set(img.path, { ...parsed, inCatalogue });
    results.push({
      ruleId: "naming",
      outcome: "pass",
      path: img.path,
      referenceCode: parsed.referenceCode,
      message: { zh: "命名规范", en: "Named correctly" },
      values: { seq: parsed.seq },
    });
    if (!inCatalogue) {
      results.push({
        ruleId: "not_in_catalogue",
        outcome: "fail",
        path: img.path,
        referenceCode: parsed.referenceCode,
        message: {
          zh: `档号 ${parsed.referenceCode} 不在本批目录中（多扫）`,
          en: `Reference code ${parsed.referenceCode} is not in this batch's catalogue (extra image)`,
        },
      });
      continue;
    }
    const list = byVolume.get(parsed.referenceCode) ?? [];
    list.push({ seq: parsed.seq, pages: img.pages ?? 1, path: img.path });
    byVolume.set(parsed.referenceCode, list);
  }

  results.push(...duplicates(images, assigned));
  results.push(...uniformFormat(images));
  for (const entry of catalogue)
    results.push(...volumeResults(entry, byVolume.get(entry.referenceCode) ?? []));
  return { results, assigned };
}

/** 10.5: identical content delivered twice is a duplicate scan, whatever its name. */
function duplicates(images: QcDeliveredImage[], assigned: QcDeliveryCheck["assigned"]): QcResult[] {
  const first = new Map<string, string>();
  const out: QcResult[] = [];
  for (const img of images) {
    const seen = first.get(img.digest);
    if (seen === undefined) {
      first.set(img.digest, img.path);
      continue;
    }
    out.push({
      ruleId: "duplicate",
      outcome: "fail",
      path: img.path,
      referenceCode: assigned.get(img.path)?.referenceCode,
      message: { zh: `与 ${seen} 内容相同（重扫）`, en: `Same content as ${seen} (duplicate scan)` },
      values: { sameAs: seen },
    });
  }
  return out;
}

/** 9.5: one batch, one storage format. */
function uniformFormat(images: QcDeliveredImage[]): QcResult[] {
  const counts: Record<string, number> = {};
  for (const i of images) if (i.format) counts[i.format] = (counts[i.format] ?? 0) + 1;
  const formats = Object.keys(counts);
  if (formats.length === 0) return [];
  const ok = formats.length === 1;
  return [
    {
      ruleId: "format_uniform",
      outcome: ok ? "pass" : "fail",
      message: ok
        ? { zh: `全批为 ${formats[0]}`, en: `The whole batch is ${formats[0]}` }
        : {
            zh: `同一批次使用了多种格式：${formats.join("、")}`,
            en: `The batch mixes formats: ${formats.join(", ")}`,
          },
      values: { counts },
    },
  ];
}

function volumeResults(
  entry: QcCatalogueEntry,
  files: { seq: number | null; pages: number; path: string }[],
) {
  const code = entry.referenceCode;
  const out: QcResult[] = [];
  if (entry.status === "stopped")
    out.push({
      ruleId: "volume_stopped",
      outcome: "fail",
      referenceCode: code,
      message: {
        zh: "该案卷已停止数字化（涉密或损坏），质检不予通过",
        en: "This volume's digitization was stopped (classified content or damage); QC never accepts it",
      },
    });
  if (files.length === 0) {
    if (entry.status !== "stopped")
      out.push({
        ruleId: "missing_volume",
        outcome: "fail",
        referenceCode: code,
        message: { zh: "目录中的案卷没有交付图像", en: "No images delivered for this catalogue entry" },
      });
    return out;
  }
  const pages = files.reduce((n, f) => n + f.pages, 0);
  if (entry.expectedPages === null)
    out.push({
      ruleId: "page_count",
      outcome: "not_checked",
      referenceCode: code,
      message: {
        zh: `目录未给出页数（交付 ${pages} 页）`,
        en: `No page count in the catalogue (${pages} delivered)`,
      },
      values: { delivered: pages },
    });
  else {
    const diff = pages - entry.expectedPages;
    out.push({
      ruleId: "page_count",
      outcome: diff === 0 ? "pass" : "fail",
      referenceCode: code,
      message:
        diff === 0
          ? { zh: `${pages} 页，与目录相符`, en: `${pages} pages, as catalogued` }
          : diff < 0
            ? {
                zh: `缺 ${-diff} 页（目录 ${entry.expectedPages}，交付 ${pages}）`,
                en: `${-diff} missing (catalogue ${entry.expectedPages}, delivered ${pages})`,
              }
            : {
                zh: `多 ${diff} 页（目录 ${entry.expectedPages}，交付 ${pages}）`,
                en: `${diff} extra (catalogue ${entry.expectedPages}, delivered ${pages})`,
              },
      values: { expected: entry.expectedPages, delivered: pages },
    });
  }
  out.push(...sequenceResults(code, files));
  return out;
}

/** 10.5, GD-2-6: sequence numbers run 1..n with no gap and none used twice. */
function sequenceResults(code: string, files: { seq: number | null; path: string }[]): QcResult[] {
  const seqs = files.map((f) => f.seq).filter((s): s is number => s !== null);
  if (seqs.length === 0) return [];
  const used = new Map<number, string[]>();
  for (const f of files) if (f.seq !== null) used.set(f.seq, [...(used.get(f.seq) ?? []), f.path]);
  const max = Math.max(...seqs);
  const gaps: number[] = [];
  for (let s = 1; s <= max && gaps.length < 50; s++) if (!used.has(s)) gaps.push(s);
  const twice = [...used].filter(([, p]) => p.length > 1).map(([s]) => s);
  const out: QcResult[] = [];
  out.push({
    ruleId: "sequence_gap",
    outcome: gaps.length || twice.length ? "fail" : "pass",
    referenceCode: code,
    message:
      gaps.length || twice.length
        ? {
            zh: [
              gaps.length ? `缺流水号 ${gaps.join(", ")}` : "",
              twice.length ? `流水号重复 ${twice.join(", ")}` : "",
            ]
              .filter(Boolean)
              .join("；"),
            en: [
              gaps.length ? `missing numbers ${gaps.join(", ")}` : "",
              twice.length ? `numbers used twice ${twice.join(", ")}` : "",
            ]
              .filter(Boolean)
              .join("; "),
          }
        : { zh: `流水号 1–${max} 连续`, en: `Numbers 1–${max} without gaps` },
    values: { gaps, twice, max },
  });
  return out;
}
