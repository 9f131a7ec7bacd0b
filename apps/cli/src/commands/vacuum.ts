// `dangan vacuum`: VACUUM (ANALYZE) now — what the server does each night on the
// embedded database (PGlite has no autovacuum), e.g. after a large import or cleanup.
import { vacuumAnalyze } from "@dangan/server";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { describeTarget, withDatabase } from "../lib/context.ts";

export function vacuumCommand(cli: Cli): Command {
  return new Command("vacuum")
    .description("Reclaim dead rows and refresh the planner's statistics (VACUUM ANALYZE)")
    .action(
      action(cli, async (_opts: object, cmd: Command) =>
        withDatabase(optionsOf(cmd), cli.io, async (dbh, config) => {
          const ms = await vacuumAnalyze(dbh.db);
          cli.io.out(`Database: ${describeTarget(config, dbh)}`);
          cli.io.out(`vacuumed and analysed in ${(ms / 1000).toFixed(1)} s`);
          return 0;
        }),
      ),
    );
}
