// `dangan media verify`: the client checks handed-over results (Z-7.7). SM3 of
// every file in the folder against the manifest: missing, extra and mismatched
// files listed by path; with --handover the result is recorded on the handover.
import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { type ActualFile, compareManifest, parseManifest, systemActor } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { CliError, EXIT } from "../lib/io.ts";

async function sm3OfFile(path: string): Promise<string> {
  const hash = createHash("sm3");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Every regular file under `dir`, with its path relative to `dir` (forward slashes), size and SM3. */
export async function folderFiles(dir: string, onFile?: (n: number) => void): Promise<ActualFile[]> {
  const out: ActualFile[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) {
        const { size } = await stat(full);
        out.push({
          path: relative(dir, full).split(sep).join("/"),
          sizeBytes: size,
          sm3: await sm3OfFile(full),
        });
        onFile?.(out.length);
      }
    }
  };
  await walk(dir);
  return out;
}

interface VerifyOptions {
  manifest: string;
  dir: string;
  handover?: string;
}

export function mediaCommand(cli: Cli): Command {
  const media = new Command("media").description("Digitization results media (Z-7.5–Z-7.7)");
  media
    .command("verify")
    .description(
      "Verify a folder of handed-over results against the manifest (SM3), optionally recording it (Z-7.7)",
    )
    .requiredOption("--manifest <file>", "manifest (csv: path,size,sm3,sha256 — or json)")
    .requiredOption("--dir <folder>", "folder holding the files received")
    .option("--handover <id>", "record the result on this media handover")
    .action(
      action(cli, async (opts: VerifyOptions, cmd: Command) => {
        let text: string;
        try {
          text = readFileSync(opts.manifest, "utf8");
        } catch {
          throw new CliError(`cannot read the manifest ${opts.manifest}`, EXIT.REFUSED);
        }
        const manifest = parseManifest(text);
        const st = await stat(opts.dir).catch(() => null);
        if (!st?.isDirectory()) throw new CliError(`${opts.dir} is not a folder`, EXIT.REFUSED);
        const actual = await folderFiles(opts.dir, (n) => cli.io.progress(`SM3 ${n} file(s)…`));
        cli.io.progress("");
        const r = compareManifest(manifest, actual);
        for (const p of r.missing) cli.io.out(`missing\t${p}`);
        for (const p of r.extra) cli.io.out(`extra\t${p}`);
        for (const p of r.mismatched) cli.io.out(`mismatched\t${p}`);
        cli.io.out(
          `${r.outcome === "match" ? "✓ match" : "✗ mismatch"}: ${manifest.length} listed, ${actual.length} found; ` +
            `${r.missing.length} missing, ${r.extra.length} extra, ${r.mismatched.length} mismatched`,
        );
        let outcome = r.outcome;
        if (opts.handover) {
          const id = opts.handover;
          const recorded = await withServices(optionsOf(cmd), cli.io, (s) =>
            s.digitizationSite.verifyFiles(systemActor("dangan media verify"), id, actual),
          );
          outcome = recorded.outcome;
          cli.io.out(`recorded on handover ${id}: ${recorded.outcome} (against the recorded manifest)`);
        }
        return outcome === "match" ? EXIT.OK : EXIT.FAILED;
      }),
    );
  return media;
}
