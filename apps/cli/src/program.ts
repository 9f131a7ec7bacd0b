// The command tree, runnable in-process: `run(argv, io)` resolves to the exit code.
import { Command, CommanderError } from "commander";
import { auditCommand } from "./commands/audit.ts";
import { backupCommand } from "./commands/backup.ts";
import { labelsCommand } from "./commands/boxes.ts";
import { catalogueCommand } from "./commands/catalogue.ts";
import { demoCommand } from "./commands/demo.ts";
import { addLocationLabels } from "./commands/labels.ts";
import { ledgerCommand } from "./commands/ledger.ts";
import { loansCommand } from "./commands/loans.ts";
import { mediaCommand } from "./commands/media.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { ocrCommand } from "./commands/ocr.ts";
import { orgCommand } from "./commands/org.ts";
import { oversightCommand } from "./commands/oversight.ts";
import { qcCommand } from "./commands/qc.ts";
import { registerCommand } from "./commands/register.ts";
import { agencyCommand, filingsCommand } from "./commands/registry.ts";
import { restoreCommand } from "./commands/restore.ts";
import { sensorsCommand } from "./commands/sensors.ts";
import { serveCommand } from "./commands/serve.ts";
import { tokenCommand } from "./commands/token.ts";
import { userCommand } from "./commands/user.ts";
import { vacuumCommand } from "./commands/vacuum.ts";
import { volumesCommand } from "./commands/volumes.ts";
import type { Cli } from "./lib/command.ts";
import { EXIT, type Io, processIo } from "./lib/io.ts";

export function buildProgram(cli: Cli): Command {
  const program = new Command("dangan")
    .description("Dangan 档案 — archive outsourcing platform: operator commands")
    .version("0.1.0")
    .option(
      "--data-dir <dir>",
      "data folder: embedded database, blobs, secret (default $DANGAN_DATA_DIR or ./data)",
    )
    .option(
      "--database-url <url>",
      "PostgreSQL server instead of the embedded database (default $DATABASE_URL)",
    );
  for (const make of [
    serveCommand,
    migrateCommand,
    vacuumCommand,
    demoCommand,
    orgCommand,
    userCommand,
    tokenCommand,
    auditCommand,
    labelsCommand,
    ledgerCommand,
    sensorsCommand,
    backupCommand,
    restoreCommand,
    catalogueCommand,
    oversightCommand,
    registerCommand,
    loansCommand,
    filingsCommand,
    agencyCommand,
    volumesCommand,
    mediaCommand,
    qcCommand,
    ocrCommand,
  ])
    program.addCommand(make(cli));
  addLocationLabels(program, cli);
  configure(program, cli.io);
  program.addHelpText("after", () => `\nAll commands:\n${allCommands(program).join("\n")}\n`);
  return program;
}

/** Every runnable command with its one-line description, for `dangan --help`. */
function allCommands(root: Command): string[] {
  const leaves: [string, string][] = [];
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      const name = [...path, sub.name()];
      if (sub.commands.length) walk(sub, name);
      else
        leaves.push([
          [...name, ...sub.registeredArguments.map((a) => `<${a.name()}>`)].join(" "),
          sub.summary() || sub.description(),
        ]);
    }
  };
  walk(root, ["dangan"]);
  const width = Math.max(...leaves.map(([n]) => n.length));
  return leaves.map(([n, d]) => `  ${n.padEnd(width)}  ${d}`);
}

/** addCommand() does not pass settings down, so apply them to every level. */
function configure(cmd: Command, io: Io): void {
  cmd
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, "")),
      writeErr: (s) => io.err(s.replace(/\n$/, "")),
    })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false });
  for (const sub of cmd.commands) configure(sub, io);
}

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const cli: Cli = { io, exitCode: EXIT.OK };
  try {
    await buildProgram(cli).parseAsync(argv, { from: "user" });
  } catch (error) {
    // Help and --version end with 0; usage errors (unknown option, missing argument) with 2.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.REFUSED;
    throw error;
  }
  return cli.exitCode;
}
