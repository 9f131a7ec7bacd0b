// Boots the real app for the security tests with its log captured in memory
// and, optionally, a second app on the same database with other settings
// (secure cookies) — so one seeded database serves the whole file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createTestDatabase } from "@dangan/db/testing";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp, type RouteInfo } from "../../src/app.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { seedDemo } from "../../src/demo/seed.ts";
import { loadClauses } from "../../src/lib/clauses.ts";
import { BlobStore } from "../../src/modules/attachments/blob-store.ts";
import type { Services } from "../../src/services.ts";

export interface SecurityApp {
  app: FastifyInstance;
  services: Services;
  routes: RouteInfo[];
  /** Every line the server logged, as written (JSON lines). */
  log(): string;
  /** A second app on the same database with these settings changed. */
  variant(config: Partial<Config>): Promise<FastifyInstance>;
  login(username: string, password?: string, ip?: string): Promise<LightMyRequestResponse>;
  /** Cookie and CSRF headers of a signed-in demo user. */
  session(username: string): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

export async function startSecurityApp(
  opts: { before?: (app: FastifyInstance) => void; config?: Partial<Config> } = {},
): Promise<SecurityApp> {
  const dbh = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "dangan-sec-"));
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig(
    { DANGAN_SECRET: "22".repeat(32), LOG_LEVEL: "trace" },
    { dataDir, blobDir: join(dataDir, "blobs"), ...opts.config },
  );
  const deps = { dbh, config, blobs: new BlobStore(config.blobDir), clauses: loadClauses() };
  const { app, services, routes } = await buildApp(deps, { logStream });
  opts.before?.(app);
  await app.ready();
  await seedDemo(services);
  const others: FastifyInstance[] = [];

  const login = (username: string, password = DEMO_PASSWORD, ip = "10.9.0.1") =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password },
      remoteAddress: ip,
    });

  return {
    app,
    services,
    routes,
    log: () => lines.join(""),
    async variant(changes) {
      const built = await buildApp({ ...deps, config: { ...config, ...changes } });
      await built.app.ready();
      others.push(built.app);
      return built.app;
    },
    login,
    async session(username) {
      const res = await login(username);
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = String(res.headers["set-cookie"]).split(";")[0] ?? "";
      const csrf = res.json().csrfToken as string;
      return { cookie, csrf, headers: { cookie, "x-csrf-token": csrf } };
    },
    async close() {
      for (const other of others) await other.close();
      await app.close();
      await dbh.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
