// Every route of the application, sent generated input (fast-check): bodies,
// query strings and path parameters built from the route's own schema and then
// bent (wrong types, nulls, huge and strange strings, "__proto__" keys), or
// anything at all. No input may produce a 5xx or an unhandled rejection, and
// every refusal carries a code and a message in Chinese and English.
import { testDbMode } from "@dangan/db/testing";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { type ArbContext, bodyArb, type Param, urlArb } from "../support/hostile-arbitraries.ts";

/** Users with wide rights between them: a regulator, a client, a custody and a digitization agency. */
const USERS = ["city.admin", "client.officer", "client.admin", "custody.manager", "digit.manager"];
const RUNS_PER_ROUTE = Number(process.env.DANGAN_FUZZ_RUNS ?? 8);
const SEED = Number(process.env.DANGAN_FUZZ_SEED ?? 20260507);

let t: TestApp;
const clients = new Map<string, Client>();
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
let ctx: ArbContext;
let doc: { paths: Record<string, Record<string, OpenApiOp>> };

interface OpenApiOp {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: never }> };
}

interface Sent {
  user: string;
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** What is wrong with a response, or null: a 5xx, or a 4xx without code and message {zh, en}. */
function fault(status: number, text: string, type: string): string | null {
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return null;
  if (!type.includes("json")) return `status ${status} without a JSON error body`;
  const body = JSON.parse(text) as { code?: unknown; message?: { zh?: unknown; en?: unknown } };
  if (typeof body.code !== "string" || !body.code)
    return `status ${status} without a code: ${text.slice(0, 200)}`;
  if (typeof body.message?.zh !== "string" || typeof body.message?.en !== "string")
    return `status ${status} (${body.code}) without message {zh, en}`;
  return null;
}

async function send(s: Sent): Promise<string | null> {
  const opts: InjectOptions = {
    method: s.method as "POST",
    url: s.url,
    ...(s.payload !== undefined ? { payload: s.payload as string } : {}),
    ...(s.headers ? { headers: s.headers } : {}),
  };
  let res = await clients.get(s.user)!.request(opts);
  if (res.statusCode === 401 && !s.url.startsWith("/api/auth/login")) {
    // A generated request may have ended the session (logout): sign in again and repeat it.
    clients.set(s.user, await t.as(s.user));
    res = await clients.get(s.user)!.request(opts);
  }
  return fault(res.statusCode, res.body, String(res.headers["content-type"] ?? ""));
}

const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");

describe(`every route under generated input (${testDbMode()})`, () => {
  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    t = await startTestApp({
      config: { login: { maxFailures: 1_000_000, lockMinutes: 1, perIpPerMinute: 1_000_000 } },
    });
    for (const u of USERS) clients.set(u, await t.as(u));
    doc = t.app.swagger() as never;
    // Up to three ids of every table, so that path parameters and id fields name real records.
    const tables = await sql<{ table: string }>`
      select table_name as "table" from information_schema.columns
      where table_schema = current_schema() and column_name = 'id' and data_type = 'uuid'`.execute(
      t.services.db,
    );
    const protectedIds = new Set(
      (await t.services.db.selectFrom("appUser").select("id").where("username", "in", USERS).execute()).map(
        (u) => u.id,
      ),
    );
    const ids: string[] = [];
    for (const { table } of tables.rows) {
      const rows = await sql<{ id: string }>`select id from ${sql.table(table)} limit 3`.execute(
        t.services.db,
      );
      ids.push(...rows.rows.map((r) => r.id).filter((id) => !protectedIds.has(id)));
    }
    ctx = { ids };
  }, 180_000);
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await t?.close();
  });

  it("[reliability] no generated body, query or parameter produces a 5xx; every refusal has a code and a message", async () => {
    const routes = t.routes.filter((r) => r.url.startsWith("/api/"));
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const route of routes) {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      const params = (op?.parameters ?? []).filter((p) => p.in === "path" || p.in === "query");
      const jsonSchema = op?.requestBody?.content?.["application/json"]?.schema;
      const hasBody = route.method !== "GET" && route.method !== "DELETE";
      const arb = fc.record({
        user: fc.constantFrom(...USERS),
        url: urlArb(route.url, params, ctx),
        payload: hasBody ? bodyArb(jsonSchema, ctx) : fc.constant(undefined),
      });
      const result = await fc.check(
        fc.asyncProperty(arb, async (s) => {
          const problem = await send({
            ...s,
            method: route.method,
            ...(s.payload !== undefined
              ? { payload: JSON.stringify(s.payload), headers: { "content-type": "application/json" } }
              : {}),
          });
          if (problem) throw new Error(problem);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
      if (result.failed)
        failures.push(
          `${route.method} ${route.url}: ${String((result.errorInstance as Error)?.message ?? result.errorInstance).slice(0, 400)}\n    input ${JSON.stringify(result.counterexample?.[0]).slice(0, 400)}`,
        );
    }
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, 600_000);

  it("[reliability] malformed, oversized and mistyped request bodies are refused with a code on every writing route", async () => {
    const writing = t.routes.filter(
      (r) => r.url.startsWith("/api/") && ["POST", "PATCH", "PUT"].includes(r.method),
    );
    const failures: string[] = [];
    const huge = JSON.stringify({ text: "档".repeat(400_000) }); // past the 1 MB body limit
    for (const route of writing) {
      const url = route.url.replace(/:(\w+)/g, () => ctx.ids[0]!);
      const cases: Omit<Sent, "user" | "method" | "url">[] = [
        { payload: '{"name": "未闭合', headers: { "content-type": "application/json" } },
        { payload: huge, headers: { "content-type": "application/json" } },
        {
          payload: "name=x&__proto__[admin]=1",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
        { payload: "\u0000\u00ff", headers: { "content-type": "text/plain; charset=gbk" } },
        { payload: "null", headers: { "content-type": "application/json" } },
        { payload: '"__proto__"', headers: { "content-type": "application/json" } },
      ];
      for (const c of cases) {
        const problem = await send({ user: "city.admin", method: route.method, url, ...c });
        if (problem)
          failures.push(`${route.method} ${route.url} [${c.headers?.["content-type"]}]: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
  }, 600_000);
});
