// `dangan volumes import --project <code> <file>`: registers the volumes to
// digitize (Z-6.1) from an .xlsx or .csv list as the operator. The same checks as
// the upload apply; any problem, reported by row and column, leaves nothing imported.
import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { DomainError, systemActor, type VolumeProblem } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";

export function volumesCommand(cli: Cli): Command {
  const volumes = new Command("volumes").description("Volumes to digitize (Z-6.1): import");
  volumes
    .command("import")
    .description(
      "Import the volumes to digitize (.xlsx or .csv: 档号, 题名, 件数, 页数) into a digitization project, all or nothing",
    )
    .argument("<file>", "the volume list")
    .option("--project <code>", "(required) project code, e.g. P2026-0002")
    .action(
      action(cli, async (file: string, _opts: object, cmd: Command) => {
        const o = optionsOf<{ project?: string }>(cmd);
        if (!o.project) throw refuse("--project is required (the project code, see the project page)");
        const path = resolve(file);
        if (!existsSync(path) || !statSync(path).isFile()) throw refuse(`No file at ${path}`);
        return withServices(o, cli.io, async (s) => {
          const project = await s.db
            .selectFrom("project")
            .select(["id", "name"])
            .where("code", "=", o.project!.trim())
            .executeTakeFirst();
          if (!project) throw refuse(`No project with code "${o.project}"`);
          try {
            const r = await s.digitizationOriginals.volumes.importFile(
              systemActor("dangan volumes import"),
              project.id,
              path,
              basename(path),
            );
            cli.io.out(`Imported ${r.imported} volume(s) into "${project.name}".`);
            return EXIT.OK;
          } catch (e) {
            if (!(e instanceof DomainError) || e.code !== "VOLUME_LIST_INVALID") throw e;
            cli.io.err(`✗ ${e.code} [${e.clause}]: ${e.messages.zh} / ${e.messages.en}`);
            for (const p of (e.details?.problems ?? []) as VolumeProblem[]) {
              const where = p.row ? `row ${p.row}` : "file";
              const column = p.header ?? p.column ?? "";
              cli.io.err(`  ${where}${column ? `, ${column}` : ""}: ${p.message.zh} / ${p.message.en}`);
            }
            return EXIT.REFUSED;
          }
        });
      }),
    );
  return volumes;
}
