// OWASP ASVS 4.0 V7 (logging and errors): the server's own log, captured at
// trace level, never holds a password, token, cookie, session id or CSRF token;
// failures answer with a code and no internals; security events are audited.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { type SecurityApp, startSecurityApp } from "./security-support.ts";

let s: SecurityApp;
const WRONG_PASSWORD = "Wrong-Password-Canary-7731";
const NEW_PASSWORD = "new-passphrase-canary-4402";
const INTERNAL_DETAIL = "internal detail canary /srv/dangan/secret.key";

describe(`security: logging and error handling (${testDbMode()})`, () => {
  beforeAll(async () => {
    s = await startSecurityApp({
      before: (app) =>
        app.get("/api/__test/boom", { config: { public: true } }, () => {
          throw new Error(INTERNAL_DETAIL);
        }),
    });
  });
  afterAll(() => s.close());

  it("[ASVS 7.1.1, 7.1.2] logs no password, API token, cookie, session id or CSRF token", async () => {
    const secrets: string[] = [DEMO_PASSWORD, WRONG_PASSWORD, NEW_PASSWORD];
    // A wrong password, then a good sign-in.
    expect((await s.login("client.officer", WRONG_PASSWORD, "10.9.4.1")).statusCode).toBe(401);
    const { cookie, csrf, headers } = await s.session("client.officer");
    secrets.push(cookie.split("=")[1] ?? "", csrf);
    // A token is created, shown once, then used in an Authorization header.
    const created = await s.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers,
      payload: { name: "log canary" },
    });
    const token = created.json().token as string;
    secrets.push(token);
    const bearer = await s.app.inject({
      method: "GET",
      url: "/api/projects",
      headers: { authorization: `Bearer ${token}`, cookie },
    });
    expect(bearer.statusCode).toBe(200);
    const forged = "dgn_forged-token-canary-00000000000000";
    secrets.push(forged);
    await s.app.inject({
      method: "GET",
      url: "/api/projects",
      headers: { authorization: `Bearer ${forged}` },
    });
    // A sensor token in its own header, and a password change.
    const sensorToken = "sensor-token-canary-5150";
    secrets.push(sensorToken);
    await s.app.inject({
      method: "POST",
      url: "/api/sensor-ingest/readings",
      headers: { "x-sensor-token": sensorToken },
      payload: { readings: [] },
    });
    const changed = await s.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers,
      payload: { current: DEMO_PASSWORD, next: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);

    const log = s.log();
    // Not vacuous: each of those requests was logged.
    expect(log).toContain('"url":"/api/auth/login"');
    expect(log).toContain('"url":"/api/auth/tokens"');
    expect(log).toContain('"url":"/api/sensor-ingest/readings"');
    for (const secret of secrets) expect(log, `log contains ${secret.slice(0, 6)}…`).not.toContain(secret);
    expect(log).not.toMatch(/dgn_[A-Za-z0-9_-]{32}/);
    expect(log).not.toMatch(/dangan_session=/);
  });

  it("[ASVS 7.1.1] redacts credentials even when a log line carries the request headers", () => {
    s.app.log.info({
      req: {
        headers: { authorization: "Bearer dgn_x", cookie: "dangan_session=abc", "x-sensor-token": "t" },
      },
      body: { password: "pw-canary", token: "tk-canary" },
    });
    const log = s.log();
    expect(log.split("\n").filter((l) => l.includes("[redacted]")).length).toBeGreaterThan(0);
    expect(log).not.toContain("pw-canary");
    expect(log).not.toContain("tk-canary");
    expect(log).not.toContain("dangan_session=abc");
  });

  it("[ASVS 7.4.1, 14.3.2] answers an unexpected failure with a code and request id, no message or stack trace", async () => {
    const res = await s.app.inject({ method: "GET", url: "/api/__test/boom" });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toEqual({
      code: "INTERNAL",
      message: { zh: "服务器内部错误", en: "Internal server error" },
      details: { requestId: expect.any(String) },
    });
    expect(res.body).not.toContain("canary");
    expect(res.body).not.toMatch(/\bat .*\.ts:\d+/);
    // The operator still finds it in the log, under the same request id.
    expect(s.log()).toContain(body.details.requestId);
    expect(s.log()).toContain(INTERNAL_DETAIL);
  });

  it("[ASVS 7.4.1, 13.2.5] refuses malformed JSON, wrong content types and unknown routes with a code and no internals", async () => {
    const { headers } = await s.session("custody.manager");
    const broken = await s.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { ...headers, "content-type": "application/json" },
      payload: '{"name": "x",',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBeTypeOf("string");
    expect(broken.json().message.zh).toBeTypeOf("string");
    const xml = await s.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { ...headers, "content-type": "application/xml" },
      payload: "<name>x</name>",
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe("FST_ERR_CTP_INVALID_MEDIA_TYPE");
    const missing = await s.app.inject({ method: "GET", url: "/api/no/such/route", headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("ROUTE_NOT_FOUND");
    for (const r of [broken, xml, missing]) {
      expect(r.body).not.toMatch(/node_modules|\bat .*:\d+:\d+/);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("[ASVS 7.1.3, 7.2.1] audits failed and successful sign-ins and lockouts, with no password in the event", async () => {
    const events = await s.services.db
      .selectFrom("auditEvent")
      .select(["action", "payload"])
      .where("action", "in", [
        "auth.sign_in_failed",
        "auth.signed_in",
        "api_token.created",
        "user.password_changed",
      ])
      .execute();
    const actions = new Set(events.map((e) => e.action));
    expect([...actions].sort()).toEqual([
      "api_token.created",
      "auth.sign_in_failed",
      "auth.signed_in",
      "user.password_changed",
    ]);
    const text = JSON.stringify(events);
    for (const secret of [WRONG_PASSWORD, NEW_PASSWORD, DEMO_PASSWORD]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/dgn_[A-Za-z0-9_-]{32}/);
  });
});
