// OWASP ASVS 4.0 V2 (authentication) and V3 (sessions): cookie flags, fixation,
// logout and expiry, password policy and storage, API token scope and expiry.
import { testDbMode } from "@dangan/db/testing";
import { isCommonPassword } from "@dangan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { secretHash } from "../../src/lib/tokens.ts";
import { type SecurityApp, startSecurityApp } from "./security-support.ts";

let s: SecurityApp;
const cookieOf = (setCookie: unknown) => String(setCookie).split(";")[0] ?? "";
const tokenOf = (cookie: string) => cookie.split("=")[1] ?? "";

describe(`security: authentication and sessions (${testDbMode()})`, () => {
  beforeAll(async () => {
    s = await startSecurityApp();
  });
  afterAll(() => s.close());

  it("[ASVS 3.4.1-3.4.3] sets the session cookie HttpOnly, SameSite=Strict, Path=/, and Secure when configured", async () => {
    const plain = await s.login("client.officer");
    const flags = String(plain.headers["set-cookie"]);
    expect(flags).toMatch(/^dangan_session=[A-Za-z0-9_-]{43};/);
    expect(flags).toMatch(/HttpOnly/i);
    expect(flags).toMatch(/SameSite=Strict/i);
    expect(flags).toMatch(/Path=\//);
    const secure = await s.variant({ secureCookies: true });
    const res = await secure.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "client.officer", password: DEMO_PASSWORD },
      remoteAddress: "10.9.1.1",
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).toMatch(/;\s*Secure/i);
  });

  it("[ASVS 3.2.1, 3.2.2] issues a new random session at every sign-in and stores only its hash", async () => {
    const a = cookieOf((await s.login("client.leader")).headers["set-cookie"]);
    // A session id planted before sign-in (session fixation) is never adopted.
    const planted = "dangan_session=attacker-chosen-session-id-000000000000000";
    const b = await s.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: planted },
      payload: { username: "client.leader", password: DEMO_PASSWORD },
      remoteAddress: "10.9.1.2",
    });
    expect(b.statusCode).toBe(200);
    const next = cookieOf(b.headers["set-cookie"]);
    expect(new Set([a, next, planted]).size).toBe(3);
    const rows = await s.services.db.selectFrom("userSession").select("idHash").execute();
    const hashes = rows.map((r) => r.idHash);
    expect(hashes).toContain(secretHash(tokenOf(next)));
    expect(hashes).not.toContain(tokenOf(next));
    expect(hashes).not.toContain(secretHash(tokenOf(planted)));
    // A signed-in browser cannot be switched to another account by a forged form (login CSRF).
    const forged = await s.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: next },
      payload: { username: "client.officer", password: DEMO_PASSWORD },
      remoteAddress: "10.9.1.2",
    });
    expect(forged.statusCode).toBe(403);
  });

  it("[ASVS 3.3.1] logout needs the CSRF token and ends the session on the server: the old cookie is refused", async () => {
    const { cookie, headers } = await s.session("custody.operator");
    const noCsrf = await s.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe("CSRF_REJECTED");
    const out = await s.app.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers["set-cookie"])).toMatch(/dangan_session=;/);
    const replay = await s.app.inject({ method: "GET", url: "/api/projects", headers: { cookie } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("UNAUTHENTICATED");
    const me = await s.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
    expect(me.json().me).toBeNull();
  });

  it("[ASVS 3.3.1] refuses a session past its expiry time", async () => {
    const { cookie } = await s.session("custody.keeper");
    expect(
      (await s.app.inject({ method: "GET", url: "/api/projects", headers: { cookie } })).statusCode,
    ).toBe(200);
    await s.services.db
      .updateTable("userSession")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("idHash", "=", secretHash(tokenOf(cookie)))
      .execute();
    expect(
      (await s.app.inject({ method: "GET", url: "/api/projects", headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it("[ASVS 2.1.1, 2.1.2, 2.1.7, 2.1.9] takes 12–128 characters of any kind and refuses short, over-long and breached passwords", async () => {
    const admin = await s.session("client2.admin");
    const me = (
      await s.app.inject({ method: "GET", url: "/api/auth/session", headers: admin.headers })
    ).json();
    const add = (username: string, password: string) =>
      s.app.inject({
        method: "POST",
        url: "/api/users",
        headers: admin.headers,
        payload: {
          orgId: me.me.orgId,
          username,
          displayName: "测试",
          roles: ["client_archive_officer"],
          password,
        },
      });
    for (const bad of ["short-pass1", "x".repeat(129), "password1234", "123456789012", "aaaaaaaaaaaaaaa"]) {
      const res = await add("weak.one", bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe("VALIDATION_FAILED");
      expect(res.json().details.issues[0].path).toBe("body.password");
    }
    // No composition rules: a long phrase of spaces, Chinese and emoji is fine (2.1.4, 2.1.9).
    const phrase = "档案 室 的 钥匙 在 门后 🗝️";
    expect((await add("phrase.user", phrase)).statusCode).toBe(201);
    expect((await s.login("phrase.user", phrase, "10.9.2.1")).statusCode).toBe(200);
    expect(isCommonPassword("Qwertyuiop12")).toBe(true);
    expect(isCommonPassword("a long and unusual phrase")).toBe(false);
  });

  it("[ASVS 2.4.1, 2.4.2] stores passwords as salted scrypt hashes: one password, two different hashes", async () => {
    const rows = await s.services.db
      .selectFrom("appUser")
      .select(["passwordHash"])
      .where("username", "in", ["client.admin", "client.officer"])
      .execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
      expect(r.passwordHash).not.toContain(DEMO_PASSWORD);
    }
    expect(rows[0]?.passwordHash).not.toBe(rows[1]?.passwordHash);
  });

  it("[ASVS 2.1.6] a password change needs the current password", async () => {
    const c = await s.session("client.admin");
    const wrong = await s.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: c.headers,
      payload: { current: "not-my-password", next: "a-brand-new-passphrase" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe("INVALID_CREDENTIALS");
    expect((await s.login("client.admin", DEMO_PASSWORD, "10.9.2.2")).statusCode).toBe(200);
  });

  it("[ASVS 3.3.3, 2.5.x] a deactivated user's sessions and API tokens stop working at once", async () => {
    const admin = await s.session("digit.manager");
    const op = await s.session("digit.operator");
    const token = (
      await s.app.inject({
        method: "POST",
        url: "/api/auth/tokens",
        headers: op.headers,
        payload: { name: "scanner" },
      })
    ).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await s.app.inject({ method: "GET", url: "/api/projects", headers: bearer })).statusCode).toBe(
      200,
    );
    const users = (await s.app.inject({ method: "GET", url: "/api/users", headers: admin.headers })).json();
    const id = users.items.find((u: { username: string }) => u.username === "digit.operator").id;
    const off = await s.app.inject({
      method: "PATCH",
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect(
      (await s.app.inject({ method: "GET", url: "/api/projects", headers: { cookie: op.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await s.app.inject({ method: "GET", url: "/api/projects", headers: bearer })).statusCode).toBe(
      401,
    );
    expect((await s.login("digit.operator", DEMO_PASSWORD, "10.9.2.3")).statusCode).toBe(401);
  });

  it("[ASVS 13.1.4, 3.5.2] an API token carries only its owner's rights, is never shown again, and expires", async () => {
    const officer = await s.session("client2.officer");
    const created = (
      await s.app.inject({
        method: "POST",
        url: "/api/auth/tokens",
        headers: officer.headers,
        payload: { name: "ERP", expiresInDays: 1 },
      })
    ).json();
    expect(created.token).toMatch(/^dgn_[A-Za-z0-9_-]{32}$/);
    expect(new Date(created.expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const listed = await s.app.inject({ method: "GET", url: "/api/auth/tokens", headers: officer.headers });
    expect(listed.body).not.toContain(created.token);
    expect(listed.json().items[0].prefix).toBe(created.token.slice(0, 8));

    const bearer = { authorization: `Bearer ${created.token}` };
    // Scope: an archive officer's token cannot administer users, even without CSRF in the way.
    const me = (
      await s.app.inject({ method: "GET", url: "/api/auth/session", headers: officer.headers })
    ).json();
    const asAdmin = await s.app.inject({
      method: "POST",
      url: "/api/users",
      headers: bearer,
      payload: {
        orgId: me.me.orgId,
        username: "token.made",
        displayName: "x",
        roles: ["client_admin"],
        password: "a-long-enough-passphrase",
      },
    });
    expect(asAdmin.statusCode).toBe(403);
    // Nor can it list the users of its own organisation, which only the administrator may.
    const list = await s.app.inject({
      method: "GET",
      url: `/api/users?orgId=${me.me.orgId}`,
      headers: bearer,
    });
    expect(list.statusCode).toBe(403);

    await s.services.db
      .updateTable("apiToken")
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("id", "=", created.id)
      .execute();
    const expired = await s.app.inject({ method: "GET", url: "/api/projects", headers: bearer });
    expect(expired.statusCode).toBe(401);
    const forged = await s.app.inject({
      method: "GET",
      url: "/api/projects",
      headers: { authorization: `Bearer ${created.token.slice(0, -1)}x` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("[ASVS 2.2.1] lockout and rate limiting are proven in auth.test.ts; a locked account answers 423 even with the right password", async () => {
    const app = await s.variant({ login: { maxFailures: 2, lockMinutes: 15, perIpPerMinute: 100 } });
    const attempt = (password: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "custody.keeper2", password },
        remoteAddress: "10.9.3.1",
      });
    expect((await attempt("wrong-password-1")).statusCode).toBe(401);
    expect((await attempt("wrong-password-2")).statusCode).toBe(401);
    const locked = await attempt(DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().details.lockedUntil).toBeDefined();
  });
});
