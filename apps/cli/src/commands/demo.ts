// `dangan demo`: loads the demo world through the real services (every row
// audited), once; an instance that already has organisations is left alone.
import { DEMO_PASSWORD, seedDemo } from "@dangan/server/demo";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import type { Io } from "../lib/io.ts";

export function demoCommand(cli: Cli): Command {
  return new Command("demo")
    .description("Load the demo world into an empty database (migrates first)")
    .action(
      action(cli, async (_opts: object, cmd: Command) =>
        withServices(optionsOf(cmd), cli.io, async (services) => {
          const { seeded, users } = await seedDemo(services);
          if (!seeded) {
            cli.io.out("The database already has organisations: demo world not loaded.");
            return 0;
          }
          cli.io.out("Demo world loaded.");
          printDemoUsers(cli.io, users, DEMO_PASSWORD);
          return 0;
        }),
      ),
    );
}

export function printDemoUsers(
  io: Io,
  users: { username: string; org: string; roles: string[] }[],
  password: string,
): void {
  io.out(`\nDemo sign-ins (password for all: ${password}):`);
  for (const u of users) io.out(`  ${u.username.padEnd(18)} ${u.roles.join(",").padEnd(24)} ${u.org}`);
}
