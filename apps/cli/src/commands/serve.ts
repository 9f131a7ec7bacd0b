// `dangan serve`: migrate, optionally load the demo world, serve API and web UI.
import { startServer } from "@dangan/server";
import { DEMO_PASSWORD, seedDemo } from "@dangan/server/demo";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { configFrom, describeTarget } from "../lib/context.ts";
import { printDemoUsers } from "./demo.ts";

interface ServeOptions {
  demo?: boolean;
  port?: string;
  host?: string;
}

export function serveCommand(cli: Cli): Command {
  return new Command("serve")
    .description("Serve the API and web UI (applies migrations first)")
    .option("--demo", "load the demo world if the database is empty")
    .option("-p, --port <port>", "port (default $PORT or 3000)")
    .option("--host <host>", "address to bind (default $HOST or 127.0.0.1)")
    .action(
      action(cli, async (_opts: ServeOptions, cmd: Command) => {
        const opts = optionsOf<ServeOptions>(cmd);
        const { io } = cli;
        const config = {
          ...configFrom(opts, io.env),
          ...(opts.port ? { port: Number(opts.port) } : {}),
          ...(opts.host ? { host: opts.host } : {}),
        };
        let demoUsers: { username: string; org: string; roles: string[] }[] = [];
        const server = await startServer(config, {
          logger: io.env.LOG_LEVEL !== undefined,
          beforeListen: async (services) => {
            if (opts.demo) demoUsers = (await seedDemo(services)).users;
          },
        });
        io.out(`\nDangan 档案 is running at ${server.url}  (API docs: ${server.url}/docs)`);
        io.out(`Database: ${describeTarget(config)}`);
        if (demoUsers.length) printDemoUsers(io, demoUsers, DEMO_PASSWORD);
        const stop = async () => {
          await server.close();
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        return 0;
      }),
    );
}
