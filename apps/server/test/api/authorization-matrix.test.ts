// Every route × every role × a foreign organisation's data: nothing leaks.
// The matrix must name every route the app has; a new route without an entry
// fails this test until its access rule is stated here.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { createVictim, type Victim } from "../victim-world.ts";

type Expect =
  /** Reachable without signing in; serves no organisation's data. */
  | { kind: "public" }
  /** Acts only on the caller's own account. */
  | { kind: "self" }
  /** Addresses the victim's record: a foreigner gets 403 or 404 and none of its data. */
  | { kind: "record"; url: (v: Victim) => string; body?: (v: Victim) => unknown; ownerStatus?: number }
  /** Lists: a foreigner sees none of the victim's rows. */
  | { kind: "list"; url: (v: Victim) => string }
  /** Chain-wide verification result: counts and hashes, no content. */
  | { kind: "global" };

const P = (v: Victim) => v.projectId;

const MATRIX: Record<string, Expect> = {
  "GET /api/meta": { kind: "public" },
  "GET /api/health": { kind: "public" },
  "GET /*": { kind: "public" },
  "POST /api/auth/login": { kind: "public" },
  "GET /api/auth/session": { kind: "public" },
  "POST /api/auth/logout": { kind: "self" },
  "POST /api/auth/password": { kind: "self" },
  "GET /api/auth/tokens": { kind: "list", url: () => "/api/auth/tokens" },
  "POST /api/auth/tokens": { kind: "self" },
  "DELETE /api/auth/tokens/:id": { kind: "record", url: (v) => `/api/auth/tokens/${v.tokenId}` },

  "GET /api/organisations": { kind: "list", url: () => "/api/organisations?pageSize=200" },
  "GET /api/organisations/export.xlsx": { kind: "list", url: () => "/api/organisations/export.xlsx" },
  "GET /api/organisations/:id": {
    kind: "record",
    url: (v) => `/api/organisations/${v.clientId}`,
    ownerStatus: 200,
  },
  "POST /api/organisations": {
    kind: "record",
    url: () => "/api/organisations",
    body: () => ({ kind: "client", name: "越权创建", district: "chongming" }),
  },
  "PATCH /api/organisations/:id": {
    kind: "record",
    url: (v) => `/api/organisations/${v.clientId}`,
    body: () => ({ name: "改名" }),
  },

  "GET /api/users": { kind: "record", url: (v) => `/api/users?orgId=${v.clientId}`, ownerStatus: 200 },
  "POST /api/users": {
    kind: "record",
    url: () => "/api/users",
    body: (v) => ({
      orgId: v.clientId,
      username: "intruder",
      displayName: "x",
      roles: ["client_admin"],
      password: "0123456789ab",
    }),
  },
  "PATCH /api/users/:id": {
    kind: "record",
    url: (v) => `/api/users/${v.userId}`,
    body: () => ({ active: false }),
  },
  "POST /api/users/:id/unlock": { kind: "record", url: (v) => `/api/users/${v.userId}/unlock` },
  "POST /api/users/:id/password": {
    kind: "record",
    url: (v) => `/api/users/${v.userId}/password`,
    body: () => ({ password: "0123456789abc" }),
  },

  "GET /api/projects": { kind: "list", url: () => "/api/projects?pageSize=200" },
  "GET /api/projects/export.xlsx": { kind: "list", url: () => "/api/projects/export.xlsx" },
  "POST /api/projects": {
    kind: "record",
    url: () => "/api/projects",
    body: (v) => ({
      name: "越权",
      clientOrgId: v.clientId,
      agencyOrgId: v.agencyId,
      serviceType: "custody",
      hasClassified: false,
      hasNationalScope: false,
      responsibleLeader: "x",
      responsibleDepartment: "y",
    }),
  },
  "GET /api/projects/:id": { kind: "record", url: (v) => `/api/projects/${P(v)}`, ownerStatus: 200 },
  "PATCH /api/projects/:id": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}`,
    body: () => ({ name: "改名" }),
  },
  "POST /api/projects/:id/transitions": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/transitions`,
    body: () => ({ action: "cancel" }),
  },
  "GET /api/projects/:id/contract": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/contract`,
    ownerStatus: 200,
  },
  "PUT /api/projects/:id/contract": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/contract`,
    body: () => ({ content: "篡改" }),
  },
  "POST /api/projects/:id/contract/sign": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/contract/sign`,
    body: (v) => ({ signedDocumentId: v.attachmentId, signedOn: "2026-01-01" }),
  },
  "GET /api/projects/:id/ledger": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/ledger`,
    ownerStatus: 200,
  },
  "GET /api/projects/:id/ledger/export.xlsx": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/ledger/export.xlsx`,
    ownerStatus: 200,
  },
  "POST /api/projects/:id/ledger": {
    kind: "record",
    url: (v) => `/api/projects/${P(v)}/ledger`,
    body: () => ({ kind: "note", occurredOn: "2026-01-01", summary: "越权" }),
  },

  "GET /api/ledger/problems": { kind: "list", url: () => "/api/ledger/problems?pageSize=200" },

  "GET /api/attachments": {
    kind: "record",
    url: (v) => `/api/attachments?entityType=project&entityId=${P(v)}`,
    ownerStatus: 200,
  },
  "POST /api/attachments": {
    kind: "record",
    url: (v) => `/api/attachments?entityType=project&entityId=${P(v)}`,
  },
  "GET /api/attachments/:id/content": {
    kind: "record",
    url: (v) => `/api/attachments/${v.attachmentId}/content`,
    ownerStatus: 200,
  },

  "GET /api/confirmations": {
    kind: "record",
    url: (v) => `/api/confirmations?entityType=project&entityId=${P(v)}`,
    ownerStatus: 200,
  },
  "POST /api/confirmations": {
    kind: "record",
    url: () => "/api/confirmations",
    body: (v) => ({
      entityType: "project",
      entityId: P(v),
      documentKind: "contract",
      attachmentId: v.attachmentId,
    }),
  },
  "GET /api/confirmations/:id/bundle": {
    kind: "record",
    url: (v) => `/api/confirmations/${v.confirmationId}/bundle`,
    ownerStatus: 200,
  },

  "GET /api/audit": { kind: "list", url: () => "/api/audit?pageSize=200" },
  "GET /api/audit/export.xlsx": { kind: "list", url: () => "/api/audit/export.xlsx" },
  "GET /api/audit/trail": {
    kind: "record",
    url: (v) => `/api/audit/trail?entityType=project&entityId=${P(v)}`,
    ownerStatus: 200,
  },
  "POST /api/audit/verify": { kind: "global" },

  "GET /api/incidents": { kind: "list", url: () => "/api/incidents?pageSize=200" },
  "POST /api/incidents": {
    kind: "record",
    url: () => "/api/incidents",
    body: (v) => ({ projectId: P(v), kind: "other", severity: "minor", title: "越权" }),
  },
  "PATCH /api/incidents/:id": {
    kind: "record",
    url: (v) => `/api/incidents/${v.incidentId}`,
    body: () => ({ status: "closed", resolution: "x" }),
  },

  "GET /api/clauses": { kind: "public" },
  "GET /api/clauses/:id": { kind: "public" },
};

/** Every demo user but the city regulator's: one or more of each role, none related to the victim. */
const FOREIGNERS = [
  "pudong.admin",
  "pudong.inspector",
  "client.admin",
  "client.officer",
  "client.leader",
  "client2.admin",
  "client2.officer",
  "custody.manager",
  "custody.keeper",
  "custody.operator",
  "digit.manager",
  "digit.operator",
  "foreign.manager",
];

let t: TestApp;
let v: Victim;
const clients = new Map<string, Client>();

function bodyText(res: { body: unknown }): string {
  return Buffer.isBuffer(res.body)
    ? res.body.toString("latin1") + res.body.toString("utf8")
    : JSON.stringify(res.body);
}

describe(`authorization matrix (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    v = await createVictim(t.services);
    for (const u of [...FOREIGNERS, "victim.officer"]) clients.set(u, await t.as(u));
  }, 180_000);
  afterAll(() => t.close());

  it("[G-4] names every route of the application", () => {
    // The web UI's files (one public route each when built) and /docs are static and public.
    const keys = t.routes
      .filter((r) => r.url.startsWith("/api/") || r.url === "/*")
      .map((r) => `${r.method} ${r.url}`);
    const staticRoutes = t.routes.filter((r) => !r.url.startsWith("/api/"));
    expect(staticRoutes.every((r) => r.public)).toBe(true);
    const missing = keys.filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !keys.includes(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("[G-4] refuses every non-public route without a session", async () => {
    for (const r of t.routes.filter((x) => !x.public)) {
      const res = await t.app.inject({
        method: r.method as "GET",
        url: r.url.replace(/:id/g, "00000000-0000-4000-8000-000000000000"),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it("[G-4][D-10.2] gives no foreign organisation's user any of the victim's data, on any route", async () => {
    let checked = 0;
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule.kind !== "record" && rule.kind !== "list") continue;
      const method = key.split(" ")[0]!;
      for (const username of FOREIGNERS) {
        const c = clients.get(username)!;
        const url = rule.url(v);
        const payload = rule.kind === "record" && rule.body ? rule.body(v) : undefined;
        const res =
          method === "GET"
            ? await c.get(url)
            : await c
                .request({
                  method: method as "POST",
                  url,
                  ...(payload ? { payload: payload as object } : {}),
                })
                .then((r) => ({ status: r.statusCode, body: r.body }));
        const where = `${key} as ${username}`;
        if (rule.kind === "record") expect([403, 404], where).toContain(res.status);
        else expect(res.status, where).toBe(200);
        const text = bodyText(res);
        for (const marker of v.markers)
          expect(text.includes(marker), `${where} leaked ${marker}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it("[G-4] serves the victim's own records to its own user (the matrix is not vacuous)", async () => {
    const owner = clients.get("victim.officer")!;
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule.kind !== "record" || !rule.ownerStatus) continue;
      const res = await owner.get(rule.url(v));
      expect(res.status, key).toBe(rule.ownerStatus);
    }
    const list = await owner.get("/api/projects");
    expect(JSON.stringify(list.body)).toContain("XYZZY");
  });

  it("[G-7] lets the city regulator see every project, and a district regulator only its area", async () => {
    const city = await t.as("city.admin");
    expect(JSON.stringify((await city.get("/api/projects?pageSize=200")).body)).toContain("XYZZY");
    expect((await city.get(`/api/projects/${v.projectId}`)).status).toBe(200);
    const pudong = clients.get("pudong.admin")!;
    const mine = await pudong.get("/api/projects?pageSize=200");
    expect(mine.body.total).toBeGreaterThan(0);
    for (const p of mine.body.items) expect([p.clientDistrict, p.agencyDistrict]).toContain("pudong");
  });

  it("[G-4] keeps the chain verification free of content", async () => {
    const res = await clients.get("pudong.inspector")!.post("/api/audit/verify");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["count", "firstBreak", "head", "ok"]);
  });
});
