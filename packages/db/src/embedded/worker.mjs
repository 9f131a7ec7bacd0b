// Runs PGlite (PostgreSQL in WASM) on its own thread and serves it over the
// PostgreSQL wire protocol on a unix socket, so the main thread talks to it
// with the same `pg` driver it uses for a PostgreSQL server and never blocks
// on a query (docs/adr/0002-embedded-mode.md). Plain JavaScript so that the
// worker starts the same under tsx, vitest and plain node.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { serveSocket } from "./socket-server.mjs";

/** @type {{ dataDir: string | null, socketPath: string }} */
const { dataDir, socketPath } = workerData;

async function main() {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  const server = await serveSocket(db, socketPath);
  parentPort?.postMessage({ type: "ready" });
  parentPort?.on("message", async (msg) => {
    if (msg.type !== "stop") return;
    await server.stop();
    await db.close();
    parentPort?.postMessage({ type: "stopped" });
  });
}

main().catch((error) => {
  parentPort?.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
});
