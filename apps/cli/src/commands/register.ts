// `dangan register export`: the use register (D-10.4) — acceptance, retrieval,
// return, user, content, remote delivery of every request — to an .xlsx file,
// as the operator, optionally for a period (Shanghai days) and one project.
import { writeFile } from "node:fs/promises";
import { systemActor } from "@dangan/domain";
import { EXPORT_LIMIT, registerXlsx } from "@dangan/server";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface ExportOptions {
  out: string;
  from?: string;
  to?: string;
  project?: string;
}

export function registerCommand(cli: Cli): Command {
  const register = new Command("register").description("The use register of retrieval and use (D-10.4)");
  register
    .command("export")
    .description("Export the use register to an Excel file")
    .requiredOption("--out <file.xlsx>", "the file to write")
    .option("--from <yyyy-mm-dd>", "requests submitted on or after this day (Shanghai time)")
    .option("--to <yyyy-mm-dd>", "requests submitted on or before this day (Shanghai time)")
    .option("--project <code|id>", "only the requests of this project")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<ExportOptions>(cmd);
        for (const d of [o.from, o.to])
          if (d !== undefined && !DAY.test(d)) throw refuse(`"${d}" is not a day (yyyy-mm-dd)`);
        return withServices(o, cli.io, async (s) => {
          let projectId: string | undefined;
          if (o.project) {
            const p = await s.db
              .selectFrom("project")
              .select("id")
              .where(UUID.test(o.project) ? "id" : "code", "=", o.project.trim())
              .executeTakeFirst();
            if (!p) throw refuse(`No project with code or id "${o.project}"`);
            projectId = p.id;
          }
          const { items, total } = await s.useRequests.list(
            systemActor("dangan register export"),
            {
              projectId,
              ...(o.from ? { from: `${o.from}T00:00:00+08:00` } : {}),
              ...(o.to ? { to: `${o.to}T23:59:59.999+08:00` } : {}),
            },
            1,
            EXPORT_LIMIT,
          );
          await writeFile(o.out, await registerXlsx(items));
          cli.io.out(`Use register: ${items.length} request(s) written to ${o.out}`);
          if (total > items.length) cli.io.err(`Only the first ${EXPORT_LIMIT} of ${total} were written.`);
          return EXIT.OK;
        });
      }),
    );
  return register;
}
