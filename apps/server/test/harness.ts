// Boots the real application on a fresh test database (PGlite or PostgreSQL,
// per DANGAN_TEST_DB) and signs in demo users through the HTTP API.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase } from "@dangan/db/testing";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/demo/demo-world.ts";
import { seedDemo } from "../src/demo/seed.ts";
import { loadClauses } from "../src/lib/clauses.ts";
import { BlobStore } from "../src/modules/attachments/blob-store.ts";
import type { Services } from "../src/services.ts";

export interface TestApp {
  routes: import("../src/app.ts").RouteInfo[];
  app: FastifyInstance;
  services: Services;
  ids: Record<string, string>;
  as(username: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  username: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, payload?: unknown): Promise<{ status: number; body: any }>;
  patch(url: string, payload: unknown): Promise<{ status: number; body: any }>;
  put(url: string, payload: unknown): Promise<{ status: number; body: any }>;
  delete(url: string): Promise<{ status: number; body: any }>;
}

export async function startTestApp(
  opts: { seed?: boolean; config?: Record<string, unknown> } = {},
): Promise<TestApp> {
  const dbh = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "dangan-test-"));
  const config = loadConfig(
    { DANGAN_SECRET: "11".repeat(32) },
    { dataDir, blobDir: join(dataDir, "blobs"), ...opts.config },
  );
  const { app, services, routes } = await buildApp({
    dbh,
    config,
    blobs: new BlobStore(config.blobDir),
    clauses: loadClauses(),
  });
  await app.ready();
  if (opts.seed !== false) await seedDemo(services);
  const orgs = await services.db.selectFrom("organisation").select(["id", "name"]).execute();
  const ids: Record<string, string> = {};
  for (const o of orgs) ids[o.name] = o.id;

  const clientFor = (username: string, cookie: string, csrf: string): Client => {
    const send = async (method: InjectOptions["method"], url: string, payload?: unknown) => {
      const res = await app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrf },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      const type = String(res.headers["content-type"] ?? "");
      return { status: res.statusCode, body: type.includes("json") ? res.json() : res.rawPayload };
    };
    return {
      username,
      request: (o) => app.inject({ ...o, headers: { cookie, "x-csrf-token": csrf, ...(o.headers ?? {}) } }),
      get: (url) => send("GET", url),
      post: (url, payload) => send("POST", url, payload ?? {}),
      patch: (url, payload) => send("PATCH", url, payload),
      put: (url, payload) => send("PUT", url, payload),
      delete: (url) => send("DELETE", url),
    };
  };

  return {
    app,
    services,
    routes,
    ids,
    async as(username: string) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username, password: DEMO_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
      return clientFor(username, cookie, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await dbh.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
