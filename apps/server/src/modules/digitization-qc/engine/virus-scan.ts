// DA/T 70 GD-4-1/GD-4-2: the delivery is scanned with ClamAV when this server
// has it (clamdscan, the daemon's fast client, else clamscan); when it has
// neither, the report says so plainly instead of claiming a clean scan.
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";
import type { QcVirusScan } from "@dangan/domain";

async function onPath(cmd: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const p = join(dir, cmd);
    if (
      await access(p, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return p;
  }
  return null;
}

export async function findScanner(): Promise<{ name: string; path: string } | null> {
  if (process.env.DANGAN_QC_VIRUS_SCAN === "off") return null;
  for (const name of ["clamdscan", "clamscan"]) {
    const path = await onPath(name);
    if (path) return { name, path };
  }
  return null;
}

export async function scanFolder(dir: string): Promise<QcVirusScan> {
  const scanner = await findScanner();
  if (!scanner) return { scanner: null, infected: [] };
  const args =
    scanner.name === "clamdscan"
      ? ["--fdpass", "--infected", "--no-summary", dir]
      : ["-r", "--infected", "--no-summary", dir];
  return new Promise((done) => {
    execFile(scanner.path, args, { maxBuffer: 16 * 1024 * 1024, timeout: 3_600_000 }, (err, stdout) => {
      const infected = stdout
        .split("\n")
        .filter((l) => l.endsWith(" FOUND"))
        .map((l) => l.slice(dir.length + 1, l.lastIndexOf(":")));
      const code = (err as { code?: number } | null)?.code ?? 0;
      if (code === 0 || code === 1) done({ scanner: scanner.name, infected });
      else done({ scanner: scanner.name, infected, error: String(err?.message ?? code).slice(0, 200) });
    });
  });
}
