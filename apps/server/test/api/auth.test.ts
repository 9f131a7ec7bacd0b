import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
const login = (username: string, password: string, ip = "10.0.0.1") =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: ip,
  });

describe(`authentication (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp({ config: { login: { maxFailures: 3, lockMinutes: 15, perIpPerMinute: 8 } } });
  });
  afterAll(() => t.close());

  it("sets an httpOnly, SameSite=Strict session cookie and never returns the password hash", async () => {
    const res = await login("client.officer", DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.body).not.toContain("scrypt");
    expect(res.json().me.org.kind).toBe("client");
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const a = await login("nobody.here", "whatever-password", "10.0.0.2");
    const b = await login("client.leader", "wrong-password", "10.0.0.2");
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it("locks an account after repeated failures, audits it, and an administrator unlocks it", async () => {
    for (let i = 0; i < 3; i++)
      expect((await login("client2.officer", "bad-password-x", "10.0.0.3")).statusCode).toBe(401);
    const locked = await login("client2.officer", DEMO_PASSWORD, "10.0.0.4");
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe("ACCOUNT_LOCKED");
    const events = await t.services.db
      .selectFrom("auditEvent")
      .select("action")
      .where("action", "=", "user.locked")
      .execute();
    expect(events).toHaveLength(1);

    const admin = await t.as("client2.admin");
    const users = await admin.get("/api/users");
    const target = users.body.items.find((u: { username: string }) => u.username === "client2.officer");
    expect(target.locked).toBe(true);
    expect((await admin.post(`/api/users/${target.id}/unlock`)).status).toBe(200);
    expect((await login("client2.officer", DEMO_PASSWORD, "10.0.0.4")).statusCode).toBe(200);
  });

  it("rate-limits sign-in attempts from one address", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await login("nobody", "x-password", "10.0.0.9")).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes.slice(8)).toEqual([429, 429]);
  });

  it("refuses a cookie-authenticated write without the CSRF token", async () => {
    const res = await login("client.officer", DEMO_PASSWORD, "10.0.1.1");
    const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
    const noToken = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { cookie },
      payload: { name: "x" },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("CSRF_REJECTED");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { cookie, "x-csrf-token": "forged" },
      payload: { name: "x" },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { cookie, "x-csrf-token": res.json().csrfToken },
      payload: { name: "x" },
    });
    expect(ok.statusCode).toBe(200);
  });

  it("serves API tokens without CSRF, and stops honouring them once revoked", async () => {
    const c = await t.as("custody.manager");
    const created = await c.post("/api/auth/tokens", { name: "ERP integration", expiresInDays: 30 });
    const token = created.body.token as string;
    expect(token).toMatch(/^dgn_/);
    const stored = await t.services.db
      .selectFrom("apiToken")
      .select("tokenHash")
      .where("id", "=", created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: "GET", url: "/api/projects", headers: auth })).statusCode).toBe(200);
    expect((await c.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/projects", headers: auth })).statusCode).toBe(401);
  });

  it("ends every session when the password changes", async () => {
    const c = await t.as("digit.operator");
    const r = await c.post("/api/auth/password", { current: DEMO_PASSWORD, next: "a-new-passphrase-2026" });
    expect(r.status).toBe(200);
    expect((await c.get("/api/projects")).status).toBe(401);
    expect((await login("digit.operator", "a-new-passphrase-2026", "10.0.2.1")).statusCode).toBe(200);
  });

  it("sets security headers on every response", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/meta" });
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  });
});
