// `dangan serve`: migrate, optionally load the demo world, serve API and web UI.
import { loadConfig, startServer } from "@dangan/server";
import { DEMO_PASSWORD, seedDemo } from "@dangan/server/demo";
import { Command } from "commander";

export function serveCommand(): Command {
  return new Command("serve")
    .description("Serve the API and web UI (applies migrations first)")
    .option("--demo", "load the demo world if the database is empty")
    .option("-p, --port <port>", "port (default $PORT or 3000)")
    .option("--host <host>", "address to bind (default $HOST or 127.0.0.1)")
    .action(async (opts: { demo?: boolean; port?: string; host?: string }) => {
      const config = loadConfig(process.env, {
        ...(opts.port ? { port: Number(opts.port) } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      });
      let demoUsers: { username: string; org: string; roles: string[] }[] = [];
      const server = await startServer(config, {
        logger: process.env.LOG_LEVEL !== undefined,
        beforeListen: async (services) => {
          if (opts.demo) demoUsers = (await seedDemo(services)).users;
        },
      });
      console.log(`\nDangan 档案 is running at ${server.url}  (API docs: ${server.url}/docs)`);
      console.log(`Database: ${config.databaseUrl ? "PostgreSQL server" : `embedded PGlite in ${config.dataDir}/pg`}`);
      if (demoUsers.length) {
        console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
        for (const u of demoUsers) console.log(`  ${u.username.padEnd(18)} ${u.roles.join(",").padEnd(24)} ${u.org}`);
      }
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
