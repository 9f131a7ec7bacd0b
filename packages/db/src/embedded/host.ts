// Starts the embedded database worker and returns the connection settings the
// `pg` driver needs to reach it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

export interface EmbeddedDatabase {
  /** Directory holding the unix socket; `pg` takes it as `host`. */
  socketDir: string;
  port: number;
  stop(): Promise<void>;
}

const PORT = 5432;

/** Starts PGlite on a worker thread. `dataDir` null means in memory. */
export async function startEmbedded(dataDir: string | null): Promise<EmbeddedDatabase> {
  // Unix socket paths are limited to ~100 bytes, so the socket lives in a short
  // private temp dir (mode 0700) rather than inside the data folder.
  const socketDir = mkdtempSync(join(tmpdir(), "dangan-"));
  const socketPath = join(socketDir, `.s.PGSQL.${PORT}`);
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
    workerData: { dataDir, socketPath },
  });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === "ready") resolve();
      if (msg.type === "error") reject(new Error(`embedded database failed to start: ${msg.message}`));
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
  });
  let stopped = false;
  return {
    socketDir,
    port: PORT,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        worker.on("message", (msg: { type: string }) => msg.type === "stopped" && resolve());
        worker.once("exit", () => resolve());
        worker.postMessage({ type: "stop" });
      });
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
