// The automatic check of one delivery folder, without the database: every
// file is measured (probe.ts) and hashed (fixity.ts, worker threads) at once,
// judged by the domain rules, then the delivery as a whole (names, page counts,
// gaps, duplicates, format) and the four properties of the package (DA/T 70).
import { lstat, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import {
  checkQcDelivery,
  checkQcFile,
  DEFAULT_IMAGE_LIMITS,
  fourPropertyCheck,
  type QcCatalogueEntry,
  type QcDeliveryPurpose,
  type QcImageLimits,
  type QcOutcome,
  type QcPackageItem,
  type QcResult,
  type QcTerms,
  type QcVirusScan,
  worstOutcome,
} from "@dangan/domain";
import { type Digests, FixityPool } from "./fixity.ts";
import { compareManifests, payloadOxum } from "./manifest.ts";
import { type Probed, probeFile } from "./probe.ts";
import { scanFolder } from "./virus-scan.ts";

export interface CheckedFile extends Probed {
  sm3: string;
  sha256: string;
  outcome: QcOutcome;
  referenceCode: string | null;
  seq: number | null;
}

export interface CheckRun {
  files: CheckedFile[];
  results: QcResult[];
  fourProperty: QcPackageItem[];
  virus: QcVirusScan;
  summary: QcSummary;
}

export interface QcSummary {
  files: number;
  bytes: number;
  images: number;
  failedFiles: number;
  byRule: Record<string, Partial<Record<QcOutcome, number>>>;
  formats: Record<string, number>;
}

export interface CheckOptions {
  catalogue: QcCatalogueEntry[];
  terms: QcTerms;
  purpose: QcDeliveryPurpose;
  limits?: QcImageLimits;
  pool?: FixityPool;
  virusScan?: boolean;
  onTotal?: (n: number) => void;
  onProgress?: (processed: number) => void;
  aborted?: () => boolean;
  concurrency?: number;
}

/** Every regular file under `dir`, as a POSIX path relative to it; links are listed, never followed. */
export async function listFiles(dir: string): Promise<{ path: string; link: boolean }[]> {
  const out: { path: string; link: boolean }[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    const rel = relative(dir, full).split(sep).join("/");
    if (e.isSymbolicLink()) out.push({ path: rel, link: true });
    else if (e.isFile()) out.push({ path: rel, link: false });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function runChecks(dir: string, o: CheckOptions): Promise<CheckRun> {
  const listed = await listFiles(dir);
  o.onTotal?.(listed.length);
  const pool = o.pool ?? new FixityPool();
  const files: CheckedFile[] = new Array(listed.length);
  let processed = 0;
  let nextIndex = 0;
  // Hashing starts at once on the worker threads; the image checks run here meanwhile.
  const digests = pool.digestAll(listed.map((f) => join(dir, f.path)));
  const worker = async () => {
    while (nextIndex < listed.length) {
      if (o.aborted?.()) throw new Error("aborted");
      const i = nextIndex++;
      files[i] = await checkOne(dir, listed[i]!, o, digests[i]!);
      processed++;
      o.onProgress?.(processed);
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  } finally {
    if (!o.pool) await pool.close();
  }
  return judge(dir, files, o);
}

async function checkOne(
  dir: string,
  f: { path: string; link: boolean },
  o: CheckOptions,
  digest: Promise<Digests>,
) {
  const full = join(dir, f.path);
  if (f.link) {
    const st = await lstat(full);
    return { ...blank(f.path, st.size), kind: "other" as const, sm3: "", sha256: "" };
  }
  const buf = await readFile(full);
  const probed = await probeFile(f.path, buf, o.limits ?? DEFAULT_IMAGE_LIMITS);
  return { ...probed, ...(await digest), outcome: "pass" as QcOutcome, referenceCode: null, seq: null };
}

function blank(path: string, size: number): CheckedFile {
  return {
    path,
    sizeBytes: size,
    kind: "other",
    format: null,
    decodable: null,
    width: null,
    height: null,
    dpi: null,
    colourMode: null,
    inkPct: null,
    skewDeg: null,
    pages: 1,
    sm3: "",
    sha256: "",
    outcome: "pass",
    referenceCode: null,
    seq: null,
  };
}

async function judge(dir: string, files: CheckedFile[], o: CheckOptions): Promise<CheckRun> {
  const results: QcResult[] = [];
  for (const f of files) results.push(...checkQcFile(f, o.terms, o.purpose));
  const images = files.filter((f) => f.kind === "image" || f.kind === "pdf");
  const delivery = checkQcDelivery(
    images.map((f) => ({ path: f.path, format: f.format, digest: f.sha256, pages: f.pages })),
    o.catalogue,
  );
  results.push(...delivery.results);
  const byPath = new Map<string, QcResult[]>();
  for (const r of results)
    if (r.path) {
      const list = byPath.get(r.path);
      if (list) list.push(r);
      else byPath.set(r.path, [r]);
    }
  for (const f of files) {
    const mine = byPath.get(f.path) ?? [];
    f.outcome = worstOutcome(mine.map((r) => r.outcome));
    const a = delivery.assigned.get(f.path);
    if (!a) continue;
    f.referenceCode = a.referenceCode;
    f.seq = a.seq;
    for (const r of mine) r.referenceCode ??= a.referenceCode;
  }
  const payload = files.filter((f) => f.kind !== "metadata");
  const virus = o.virusScan === false ? { scanner: null, infected: [] } : await scanFolder(dir);
  const fourProperty = fourPropertyCheck({
    results,
    manifest: await compareManifests(dir, payload),
    oxum: await payloadOxum(dir, payload),
    catalogueEntries: o.catalogue.length,
    catalogueWithoutPages: o.catalogue.filter((c) => c.expectedPages === null).length,
    virus,
  });
  return { files, results, fourProperty, virus, summary: summarise(files, results) };
}

export function summarise(files: CheckedFile[], results: QcResult[]): QcSummary {
  const byRule: QcSummary["byRule"] = {};
  for (const r of results) {
    const m = byRule[r.ruleId] ?? {};
    m[r.outcome] = (m[r.outcome] ?? 0) + 1;
    byRule[r.ruleId] = m;
  }
  const formats: Record<string, number> = {};
  for (const f of files) if (f.format) formats[f.format] = (formats[f.format] ?? 0) + 1;
  return {
    files: files.length,
    bytes: files.reduce((n, f) => n + f.sizeBytes, 0),
    images: files.filter((f) => f.kind === "image" || f.kind === "pdf").length,
    failedFiles: files.filter((f) => f.outcome === "fail").length,
    byRule,
    formats,
  };
}
