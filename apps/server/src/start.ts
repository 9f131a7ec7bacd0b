// Opens the database, applies migrations and serves HTTP: what `dangan serve` runs.
import { migrate, openDatabase } from "@dangan/db";
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { loadClauses } from "./lib/clauses.ts";
import { BlobStore } from "./modules/attachments/blob-store.ts";
import type { Services } from "./services.ts";

export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  opts: { logger?: boolean; beforeListen?: (s: Services) => Promise<void> } = {},
): Promise<RunningServer> {
  const dbh = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pg` });
  try {
    await migrate(dbh.db);
    const { app, services } = await buildApp(
      { dbh, config, blobs: new BlobStore(config.blobDir), clauses: loadClauses() },
      { logger: opts.logger ?? true },
    );
    await opts.beforeListen?.(services);
    await app.listen({ host: config.host, port: config.port });
    const addr = app.server.address();
    const port = typeof addr === "object" && addr ? addr.port : config.port;
    return {
      url: `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`,
      services,
      async close() {
        await app.close();
        await dbh.close();
      },
    };
  } catch (error) {
    await dbh.close();
    throw error;
  }
}
