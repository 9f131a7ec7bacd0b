// Z-7.7: the manifest of handed-over results: every file with its size, SM3
// and SHA-256. The client checks it against what it received.
import { canonicalJson } from "../../util/canonical-json.ts";
import { sm3Hex } from "../../util/hash.ts";
import { refuse } from "./refuse.ts";

export interface ManifestEntry {
  path: string;
  sizeBytes: number;
  sm3: string;
  sha256: string;
}

export interface ActualFile {
  path: string;
  sizeBytes: number;
  sm3: string;
}

export interface ManifestComparison {
  outcome: "match" | "mismatch";
  missing: string[];
  extra: string[];
  mismatched: string[];
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Paths compare with forward slashes and no leading "./" or "/". */
export const normaliseManifestPath = (p: string) =>
  p
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "")
    .replace(/^\/+/, "");

const bad = (line: number, en: string, zh: string) =>
  refuse("MANIFEST_INVALID", "Z-7.7", `清单第 ${line} 行：${zh}`, `Manifest line ${line}: ${en}`, { line });

function entryOf(raw: Record<string, unknown>, line: number): ManifestEntry {
  const path = normaliseManifestPath(String(raw.path ?? raw.file ?? ""));
  const size = Number(raw.sizeBytes ?? raw.size ?? raw.size_bytes);
  const sm3 = String(raw.sm3 ?? "").toLowerCase();
  const sha256 = String(raw.sha256 ?? "").toLowerCase();
  if (!path) throw bad(line, "the path is missing", "缺少文件路径");
  if (!Number.isSafeInteger(size) || size < 0)
    throw bad(line, "the size is not a whole number", "文件大小无效");
  if (!HEX64.test(sm3)) throw bad(line, "the SM3 is not 64 hex digits", "SM3 值无效");
  if (!HEX64.test(sha256)) throw bad(line, "the SHA-256 is not 64 hex digits", "SHA-256 值无效");
  return { path, sizeBytes: size, sm3, sha256 };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Z-7.7: a manifest in JSON (an array, or {files: [...]}) or CSV with a header path,size,sm3,sha256. */
export function parseManifest(text: string): ManifestEntry[] {
  const body = text.replace(/^\uFEFF/, "").trim();
  let entries: ManifestEntry[];
  if (body.startsWith("[") || body.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw bad(1, "not valid JSON", "不是有效的 JSON");
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { files?: unknown }).files;
    if (!Array.isArray(list)) throw bad(1, "expected a list of files", "须为文件列表");
    entries = list.map((r, i) => entryOf((r ?? {}) as Record<string, unknown>, i + 1));
  } else {
    const lines = body.split(/\r?\n/).filter((l) => l.trim());
    const header = splitCsvLine(lines[0] ?? "").map((h) => h.toLowerCase());
    if (!header.includes("path") || !header.includes("sm3"))
      throw bad(1, "the header must name path, size, sm3 and sha256", "表头须包含 path、size、sm3、sha256");
    entries = lines.slice(1).map((l, i) => {
      const cells = splitCsvLine(l);
      return entryOf(Object.fromEntries(header.map((h, j) => [h, cells[j]])), i + 2);
    });
  }
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.path)) throw bad(i + 1, `${e.path} is listed twice`, `${e.path} 重复`);
    seen.add(e.path);
  });
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The manifest's SM3 digest over its canonical JSON (sorted by path). */
export function manifestDigest(entries: readonly ManifestEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sm3Hex(canonicalJson(sorted.map((e) => ({ ...e }))));
}

/** Z-7.7: files missing from what was received, extra files, and files whose SM3 or size differ. */
export function compareManifest(
  manifest: readonly Pick<ManifestEntry, "path" | "sizeBytes" | "sm3">[],
  actual: readonly ActualFile[],
): ManifestComparison {
  const have = new Map(actual.map((f) => [normaliseManifestPath(f.path), f]));
  const listed = new Set(manifest.map((m) => normaliseManifestPath(m.path)));
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const m of manifest) {
    const f = have.get(normaliseManifestPath(m.path));
    if (!f) missing.push(m.path);
    else if (f.sm3.toLowerCase() !== m.sm3.toLowerCase() || f.sizeBytes !== m.sizeBytes)
      mismatched.push(m.path);
  }
  const extra = [...have.keys()].filter((p) => !listed.has(p)).sort();
  const outcome = missing.length || extra.length || mismatched.length ? "mismatch" : "match";
  return { outcome, missing: missing.sort(), extra, mismatched: mismatched.sort() };
}
