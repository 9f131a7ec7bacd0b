// `dangan qc ingest`: checks a digitization delivery folder for a batch (Z-7.4)
// as the operator — the same job as an uploaded archive: every file measured,
// hashed (SM3, SHA-256) and judged; the folder is checked where it is.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { systemActor } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";

interface IngestOptions {
  project?: string;
  batch?: string;
  dir?: string;
  catalogue?: string;
  purpose?: string;
}

export function qcCommand(cli: Cli): Command {
  const qc = new Command("qc").description("Digitization quality control (Z-7.4): check deliveries");
  qc.command("ingest")
    .description("Check a delivery folder of a batch's images against the catalogue and the quality terms")
    .option("--project <code>", "(required) project code, e.g. P2026-0002")
    .option("--batch <code>", "(required) batch code, e.g. B-001")
    .option("--dir <folder>", "(required) the delivery folder")
    .option(
      "--catalogue <file>",
      "catalogue: 'reference code,expected pages' per line (default: the batch's volumes)",
    )
    .option(
      "--purpose <purpose>",
      "preservation | access (PDF allowed only for access copies)",
      "preservation",
    )
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<IngestOptions>(cmd);
        if (!o.project) throw refuse("--project is required (the project code, see the project page)");
        if (!o.batch) throw refuse("--batch is required");
        if (!o.dir) throw refuse("--dir is required");
        if (o.purpose !== "preservation" && o.purpose !== "access")
          throw refuse("--purpose must be preservation or access");
        const catalogue = o.catalogue ? readFileSync(resolve(o.catalogue), "utf8") : undefined;
        return withServices(o, cli.io, async (s) => {
          const project = await s.db
            .selectFrom("project")
            .select(["id", "name"])
            .where("code", "=", o.project!.trim())
            .executeTakeFirst();
          if (!project) throw refuse(`No project with code "${o.project}"`);
          const batch = await s.db
            .selectFrom("digitizationBatch")
            .select("id")
            .where("projectId", "=", project.id)
            .where("code", "=", o.batch!.trim())
            .executeTakeFirst();
          if (!batch) throw refuse(`No batch "${o.batch}" in project ${o.project}`);
          const started = Date.now();
          const d = await s.digitizationQc.deliveries.ingestFolder(
            systemActor("dangan qc ingest"),
            batch.id,
            o.dir!,
            { catalogue, purpose: o.purpose as "preservation" },
            (p) =>
              cli.io.progress(
                `checked ${p.processedFiles.toLocaleString("en")} / ${p.totalFiles.toLocaleString("en")} files…`,
              ),
          );
          cli.io.progress("");
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          if (d.status !== "checked") {
            const e = d.error ?? {
              code: d.status,
              message: { zh: "质检未完成", en: "The check did not finish" },
            };
            cli.io.err(`✗ ${e.code}: ${e.message.zh} / ${e.message.en}`);
            return EXIT.FAILED;
          }
          const byRule =
            (d.summary as { byRule?: Record<string, Record<string, number>> } | null)?.byRule ?? {};
          for (const [rule, counts] of Object.entries(byRule))
            cli.io.err(
              `  ${rule}: ${Object.entries(counts)
                .map(([k, n]) => `${k} ${n}`)
                .join(", ")}`,
            );
          for (const i of (d.fourProperty ?? []) as {
            code: string;
            outcome: string;
            message: { zh: string };
          }[])
            cli.io.err(`  ${i.code} ${i.outcome}: ${i.message.zh}`);
          cli.io.out(
            `Delivery ${d.id} of batch ${o.batch}: ${d.totalFiles} files in ${seconds} s, ${d.failedFiles} failing; outcome ${d.outcome}.`,
          );
          return d.outcome === "fail" ? EXIT.REFUSED : EXIT.OK;
        });
      }),
    );
  return qc;
}
