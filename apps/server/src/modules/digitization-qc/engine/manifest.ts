// A delivery may carry BagIt-style manifests (RFC 8493): manifest-sha256.txt
// and/or manifest-sm3.txt ("<hex digest>  <path>" per line) and bag-info.txt
// with "Payload-Oxum: <bytes>.<count>". They feed DA/T 70 GD-1-10 and GD-2-2.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { QcManifestComparison, QcPayloadOxum } from "@dangan/domain";

export interface DeliveredDigest {
  path: string;
  sm3: string;
  sha256: string;
  sizeBytes: number;
}

const LINE = /^([0-9a-fA-F]{64})\s+\*?(.+)$/;

async function readManifest(dir: string, algorithm: "sha256" | "sm3") {
  const text = await readFile(join(dir, `manifest-${algorithm}.txt`), "utf8").catch(() => null);
  if (text === null) return null;
  const map = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim());
    if (m) map.set(m[2]!.replace(/^\.\//, "").replace(/\\/g, "/").normalize("NFC"), m[1]!.toLowerCase());
  }
  return map;
}

export async function compareManifests(
  dir: string,
  files: DeliveredDigest[],
): Promise<QcManifestComparison | null> {
  const manifests = { sha256: await readManifest(dir, "sha256"), sm3: await readManifest(dir, "sm3") };
  const present = (Object.keys(manifests) as ("sha256" | "sm3")[]).filter((a) => manifests[a] !== null);
  if (present.length === 0) return null;
  const byPath = new Map(files.map((f) => [f.path.normalize("NFC"), f]));
  const mismatched = new Set<string>();
  const missing = new Set<string>();
  const listed = new Set<string>();
  for (const a of present)
    for (const [path, digest] of manifests[a]!) {
      listed.add(path);
      const f = byPath.get(path);
      if (!f) missing.add(path);
      else if (f[a] !== digest) mismatched.add(path);
    }
  const notInManifest = files.map((f) => f.path.normalize("NFC")).filter((p) => !listed.has(p));
  return {
    algorithms: present,
    mismatched: [...mismatched],
    missingFromDelivery: [...missing],
    notInManifest,
  };
}

export async function payloadOxum(dir: string, files: DeliveredDigest[]): Promise<QcPayloadOxum> {
  const actual = { bytes: files.reduce((n, f) => n + f.sizeBytes, 0), count: files.length };
  const info = await readFile(join(dir, "bag-info.txt"), "utf8").catch(() => "");
  const m = /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/im.exec(info);
  return { declared: m ? { bytes: Number(m[1]), count: Number(m[2]) } : null, actual };
}
