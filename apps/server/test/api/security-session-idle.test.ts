// OWASP ASVS 4.0 3.3.2: a session unused for DANGAN_SESSION_IDLE_MINUTES (default
// 30) is refused and ended on the server; a session in use is not, however old it
// is; lastSeenAt is written at most once a minute.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { secretHash } from "../../src/lib/tokens.ts";
import { type SecurityApp, startSecurityApp } from "./security-support.ts";

let s: SecurityApp;
const tokenOf = (cookie: string) => cookie.split("=")[1] ?? "";
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe(`security: idle session timeout (${testDbMode()})`, () => {
  beforeAll(async () => {
    s = await startSecurityApp();
  });
  afterAll(() => s.close());

  const row = (cookie: string) =>
    s.services.db
      .selectFrom("userSession")
      .select(["lastSeenAt"])
      .where("idHash", "=", secretHash(tokenOf(cookie)))
      .executeTakeFirst();
  const setSeen = (cookie: string, at: Date) =>
    s.services.db
      .updateTable("userSession")
      .set({ lastSeenAt: at })
      .where("idHash", "=", secretHash(tokenOf(cookie)))
      .execute();
  const projects = (cookie: string, app = s.app) =>
    app.inject({ method: "GET", url: "/api/projects", headers: { cookie } });

  it("[ASVS 3.3.2] DANGAN_SESSION_IDLE_MINUTES sets the idle limit, 30 minutes by default", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "dangan-idle-"));
    try {
      const idle = (minutes?: string) =>
        loadConfig(
          { DANGAN_SECRET: "33".repeat(32), ...(minutes ? { DANGAN_SESSION_IDLE_MINUTES: minutes } : {}) },
          { dataDir },
        ).sessionIdleMinutes;
      expect(idle()).toBe(30);
      expect(idle("5")).toBe(5);
      expect(idle("x")).toBe(30);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("[ASVS 3.3.2] refuses a session idle past the limit with UNAUTHENTICATED and ends it; signing in again works", async () => {
    const { cookie } = await s.session("custody.keeper");
    expect((await projects(cookie)).statusCode).toBe(200);
    await setSeen(cookie, minutesAgo(31));
    const idle = await projects(cookie);
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({
      code: "UNAUTHENTICATED",
      message: { zh: expect.any(String), en: expect.any(String) },
    });
    // Ended on the server: the row is gone, the cookie stays refused.
    expect(await row(cookie)).toBeUndefined();
    expect((await projects(cookie)).statusCode).toBe(401);
    const me = await s.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().me).toBeNull();
    // The browser still holds the stale cookie when it signs in again: no CSRF refusal.
    const again = await s.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie },
      payload: { username: "custody.keeper", password: DEMO_PASSWORD },
      remoteAddress: "10.9.3.1",
    });
    expect(again.statusCode).toBe(200);
  });

  it("[ASVS 3.3.2] an active session is not refused, however old; lastSeenAt is written at most once a minute", async () => {
    const { cookie } = await s.session("client.officer");
    // Last used 29 minutes ago: still good, and now seen again.
    await setSeen(cookie, minutesAgo(29));
    expect((await projects(cookie)).statusCode).toBe(200);
    const seen = (await row(cookie))!.lastSeenAt.getTime();
    expect(Date.now() - seen).toBeLessThan(10_000);
    // Used again 20 s later: accepted, and no write (lastSeenAt unchanged).
    const recent = new Date(Date.now() - 20_000);
    await setSeen(cookie, recent);
    for (let i = 0; i < 3; i++) expect((await projects(cookie)).statusCode).toBe(200);
    expect((await row(cookie))!.lastSeenAt.getTime()).toBe(recent.getTime());
    // Used every 25 minutes for over two hours: never idle past the limit, never refused.
    for (let i = 0; i < 5; i++) {
      await setSeen(cookie, minutesAgo(25));
      expect((await projects(cookie)).statusCode).toBe(200);
    }
    expect(await row(cookie)).toBeDefined();
  });

  it("[ASVS 3.3.2] the limit follows the configuration", async () => {
    const short = await s.variant({ sessionIdleMinutes: 5 });
    const { cookie } = await s.session("custody.manager");
    await setSeen(cookie, minutesAgo(6));
    expect((await projects(cookie)).statusCode).toBe(200); // the 30-minute app: not idle yet
    await setSeen(cookie, minutesAgo(6));
    expect((await projects(cookie, short)).statusCode).toBe(401); // the 5-minute app
    expect(await row(cookie)).toBeUndefined();
  });
});
