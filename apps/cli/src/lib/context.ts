// Configuration and database access shared by every command: the server's own
// config (environment), with --data-dir / --database-url taking precedence.
import { type DbHandle, migrate, openDatabase } from "@dangan/db";
import { BlobStore, type Config, loadClauses, loadConfig, type Services } from "@dangan/server";
import type { Io } from "./io.ts";
import { createServices } from "./server-internals.ts";

export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export function configFrom(opts: GlobalOptions, env: NodeJS.ProcessEnv): Config {
  return loadConfig(env, {
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
  });
}

export const describeTarget = (config: Config, dbh?: DbHandle) =>
  config.databaseUrl ? `PostgreSQL ${dbh?.target ?? "server"}` : `embedded database in ${config.dataDir}/pg`;

/** Opens the configured database for `work` and always closes it, so the PGlite worker stops and the process can exit. */
export async function withDatabase<T>(
  opts: GlobalOptions,
  io: Io,
  work: (dbh: DbHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = configFrom(opts, io.env);
  const dbh = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pg` });
  try {
    return await work(dbh, config);
  } finally {
    await dbh.close();
  }
}

/** As the server does on start: pending migrations first, then the services without HTTP. */
export async function withServices<T>(
  opts: GlobalOptions,
  io: Io,
  work: (services: Services, ctx: { dbh: DbHandle; config: Config }) => Promise<T>,
): Promise<T> {
  return withDatabase(opts, io, async (dbh, config) => {
    const ran = await migrate(dbh.db);
    if (ran.length) io.err(`Applied migrations: ${ran.join(", ")}`);
    const services = createServices({
      dbh,
      config,
      blobs: new BlobStore(config.blobDir),
      clauses: loadClauses(),
    });
    return work(services, { dbh, config });
  });
}
