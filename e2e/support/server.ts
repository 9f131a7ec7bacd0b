// Starts the real application in-process on a random port: a fresh test
// database, the demo world, and the built web UI from apps/web/dist (which
// must exist — these tests build nothing).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@dangan/db/testing";
import { BlobStore, buildApp, loadClauses, loadConfig } from "@dangan/server";
import { seedDemo } from "@dangan/server/demo";

export const WEB_DIST = fileURLToPath(new URL("../../apps/web/dist/", import.meta.url));

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export function assertWebBuilt(dist = WEB_DIST): void {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(
      `The web UI is not built: ${join(dist, "index.html")} is missing. ` +
        "Run `npm run build -w @dangan/web` before the browser tests.",
    );
  }
}

export async function startTestServer(): Promise<TestServer> {
  assertWebBuilt();
  const dbh = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "dangan-e2e-"));
  try {
    const config = loadConfig(
      { DANGAN_SECRET: "22".repeat(32) },
      { dataDir, blobDir: join(dataDir, "blobs"), webDist: WEB_DIST, host: "127.0.0.1", port: 0 },
    );
    const { app, services } = await buildApp({
      dbh,
      config,
      blobs: new BlobStore(config.blobDir),
      clauses: loadClauses(),
    });
    await seedDemo(services);
    await app.listen({ host: "127.0.0.1", port: 0 });
    const addr = app.server.address();
    if (!addr || typeof addr === "string") throw new Error("server has no TCP address");
    return {
      url: `http://127.0.0.1:${addr.port}`,
      async close() {
        await app.close();
        await dbh.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await dbh.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
