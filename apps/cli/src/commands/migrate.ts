// `dangan migrate`: applies pending schema migrations and says what ran.
import { loadMigrations, migrate } from "@dangan/db";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { describeTarget, withDatabase } from "../lib/context.ts";

export function migrateCommand(cli: Cli): Command {
  return new Command("migrate").description("Apply pending database migrations").action(
    action(cli, async (_opts: object, cmd: Command) =>
      withDatabase(optionsOf(cmd), cli.io, async (dbh, config) => {
        const ran = await migrate(dbh.db);
        const { io } = cli;
        io.out(`Database: ${describeTarget(config, dbh)}`);
        if (ran.length === 0) io.out(`Up to date (${loadMigrations().length} migrations applied before).`);
        for (const version of ran) io.out(`applied ${version}`);
        return 0;
      }),
    ),
  );
}
