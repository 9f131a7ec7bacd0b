// `dangan catalogue import`: imports a client's handover catalogue (D-8.3) from
// an .xlsx or .csv file as the operator. Every check still applies: a classified
// row refuses the whole file (D-4.5), any problem leaves nothing imported.
import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { CATALOGUE_LEVELS, type CatalogueLevel, type CatalogueProblem, systemActor } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";

interface ImportOptions {
  project?: string;
  file?: string;
  encoding?: string;
  title?: string;
  level?: string;
  replaces?: string;
}

const ENCODINGS = ["auto", "utf-8", "gb18030", "gbk", "utf-16le"];

export function catalogueCommand(cli: Cli): Command {
  const catalogue = new Command("catalogue").description("Handover catalogues (D-8.2, D-8.3): import");
  catalogue
    .command("import")
    .description("Import a handover catalogue (.xlsx or .csv) into a custody project, all or nothing")
    .option("--project <code>", "(required) project code, e.g. P2026-0001")
    .option("--file <path>", "(required) the catalogue file")
    .option("--encoding <encoding>", `CSV text encoding: ${ENCODINGS.join(" | ")} (default auto)`)
    .option("--title <title>", "catalogue title (default: the file name)")
    .option("--level <level>", `${CATALOGUE_LEVELS.join(" | ")} (default: item when there is a 档号 column)`)
    .option("--replaces <catalogue-id>", "a draft catalogue this one replaces")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<ImportOptions>(cmd);
        if (!o.project) throw refuse("--project is required (the project code, see the project page)");
        if (!o.file) throw refuse("--file is required");
        const path = resolve(o.file);
        if (!existsSync(path) || !statSync(path).isFile()) throw refuse(`No file at ${path}`);
        const encoding = (o.encoding ?? "auto").toLowerCase();
        if (!ENCODINGS.includes(encoding)) throw refuse(`--encoding must be one of ${ENCODINGS.join(", ")}`);
        if (o.level && !(CATALOGUE_LEVELS as readonly string[]).includes(o.level))
          throw refuse(`--level must be ${CATALOGUE_LEVELS.join(" or ")}`);
        return withServices(o, cli.io, async (s) => {
          const project = await s.db
            .selectFrom("project")
            .select(["id", "name"])
            .where("code", "=", o.project!.trim())
            .executeTakeFirst();
          if (!project) throw refuse(`No project with code "${o.project}"`);
          const started = Date.now();
          const job = await s.catalogueImports.importFile(
            systemActor("dangan catalogue import"),
            project.id,
            {
              title: o.title,
              level: o.level as CatalogueLevel | undefined,
              encoding: encoding === "gbk" ? "gb18030" : (encoding as "auto"),
              replacesCatalogueId: o.replaces,
            },
            path,
            basename(path),
            (p) =>
              cli.io.progress(
                p.status === "writing"
                  ? `writing ${p.rowsWritten.toLocaleString("en")} rows…`
                  : `checking row ${p.rowsRead.toLocaleString("en")}…`,
              ),
          );
          cli.io.progress("");
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          if (job.status === "succeeded") {
            cli.io.err(
              `Read ${job.rowsRead} rows${job.detectedEncoding ? ` (${job.detectedEncoding})` : ""} in ${seconds} s.`,
            );
            for (const w of job.warnings as { message: { zh: string; en: string } }[])
              cli.io.err(`  ! ${w.message.zh} / ${w.message.en}`);
            cli.io.out(
              `Imported ${job.rowsWritten} rows into "${project.name}" as catalogue ${job.catalogueId}.`,
            );
            return EXIT.OK;
          }
          const error = job.error ?? {
            code: job.status,
            message: { zh: "导入未完成", en: "The import did not complete" },
          };
          cli.io.err(`✗ ${error.code}: ${error.message.zh} / ${error.message.en}`);
          for (const p of job.problems as CatalogueProblem[]) {
            const where = p.row ? `row ${p.row}` : "file";
            const column = p.header ?? p.column ?? "";
            cli.io.err(
              `  ${where}${column ? `, ${column}` : ""}${p.clause ? ` [${p.clause}]` : ""}: ${p.message.zh} / ${p.message.en}`,
            );
          }
          if (job.problemCount > (job.problems as unknown[]).length)
            cli.io.err(
              `  … ${job.problemCount - (job.problems as unknown[]).length} more problems not listed`,
            );
          return job.status === "refused" ? EXIT.REFUSED : EXIT.FAILED;
        });
      }),
    );
  return catalogue;
}
