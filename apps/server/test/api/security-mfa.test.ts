// OWASP ASVS 4.0 V2.8 / 2.2.4–2.2.7 / 4.3.1: time-based one-time passwords as a
// second factor. Setup and enable with a code computed here from the secret, the
// second step of a sign-in, wrong and replayed codes (counted toward the lockout),
// recovery codes used once, disabling, enforcement by role, and nothing secret in
// the log or the audit trail. The clock (Date only) is moved step by step.
import { testDbMode } from "@dangan/db/testing";
import { base32Decode, totp } from "@dangan/domain";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/demo-world.ts";
import { type SecurityApp, startSecurityApp } from "./security-support.ts";

let s: SecurityApp;
/** Everything secret seen in this file: none of it may reach the log or the audit trail. */
const secrets: string[] = [];
let now = Date.now();

const tick = (seconds = 30) => {
  now += seconds * 1000;
  vi.setSystemTime(now);
};
const codeFor = (secret: string) => totp(base32Decode(secret), now);

async function session(username: string, app: FastifyInstance = s.app, ip = "127.0.0.1") {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
    remoteAddress: ip,
  });
  expect(res.statusCode).toBe(200);
  const cookie = String(res.headers["set-cookie"]).split(";")[0] ?? "";
  const csrf = res.json().csrfToken as string;
  const headers = { cookie, "x-csrf-token": csrf };
  const call = (method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { res, call };
}

/** Sets up and enables MFA for a user; returns the secret and recovery codes. */
async function enrol(username: string, app: FastifyInstance = s.app, ip?: string) {
  const { call } = await session(username, app, ip);
  const setup = await call("POST", "/api/auth/mfa/setup");
  expect(setup.statusCode).toBe(200);
  const secret = setup.json().secret as string;
  const enabled = await call("POST", "/api/auth/mfa/enable", { code: codeFor(secret) });
  expect(enabled.statusCode).toBe(200);
  const recoveryCodes = enabled.json().recoveryCodes as string[];
  secrets.push(secret, ...recoveryCodes);
  tick(); // the enabling code's step is used up
  return { secret, recoveryCodes, call };
}

const passwordStep = (username: string, ip: string, app: FastifyInstance = s.app) =>
  app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
    remoteAddress: ip,
  });

async function challengeFor(username: string, ip: string): Promise<string> {
  const res = await passwordStep(username, ip);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.mfaRequired).toBe(true);
  secrets.push(body.challenge);
  return body.challenge as string;
}

const secondStep = (payload: object, ip: string) =>
  s.app.inject({ method: "POST", url: "/api/auth/login/mfa", payload, remoteAddress: ip });

const codeOf = (res: LightMyRequestResponse) => res.json().code as string;

async function failures(username: string) {
  const u = await s.services.db
    .selectFrom("appUser")
    .select(["id", "failedLogins", "lockedUntil"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return u;
}

describe(`security: two-factor sign-in (${testDbMode()})`, () => {
  beforeAll(async () => {
    s = await startSecurityApp();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await s.close();
  });

  it("[ASVS 2.8.1, 2.8.2] sets up TOTP with a secret shown once, stored encrypted, enabled only with a right code", async () => {
    const { call } = await session("client.officer");
    expect((await call("GET", "/api/auth/session")).json().me).toMatchObject({
      mfaEnabled: false,
      mfaEnrolmentRequired: false,
    });
    expect(codeOf(await call("POST", "/api/auth/mfa/enable", { code: "123456" }))).toBe("MFA_NOT_SET_UP");

    const setup = await call("POST", "/api/auth/mfa/setup");
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    secrets.push(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(otpauthUri).toBe(
      `otpauth://totp/Dangan:client.officer?secret=${secret}&issuer=Dangan&algorithm=SHA1&digits=6&period=30`,
    );
    // Not in force until confirmed: the password alone still signs in.
    expect((await call("GET", "/api/auth/mfa")).json()).toMatchObject({ enabled: false, pending: true });
    expect((await passwordStep("client.officer", "10.7.0.1")).json().csrfToken).toBeTruthy();

    // At rest the secret is ciphertext: neither its base32 nor its bytes appear.
    const user = await failures("client.officer");
    const row = await s.services.db
      .selectFrom("userMfa")
      .selectAll()
      .where("userId", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.secretEnc).toMatch(/^v1\./);
    expect(row.secretEnc).not.toContain(secret);
    expect(row.secretEnc).not.toContain(base32Decode(secret).toString("base64"));
    expect(row.secretEnc).not.toContain(base32Decode(secret).toString("hex"));

    const wrong = await call("POST", "/api/auth/mfa/enable", {
      code: codeFor(secret) === "000000" ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: "MFA_CODE_INVALID", message: { zh: expect.any(String) } });
    expect(codeOf(await call("POST", "/api/auth/mfa/enable", { code: "12345" }))).toBe("VALIDATION_FAILED");

    const enabled = await call("POST", "/api/auth/mfa/enable", { code: codeFor(secret) });
    expect(enabled.statusCode).toBe(200);
    const codes = enabled.json().recoveryCodes as string[];
    secrets.push(...codes);
    expect(codes).toHaveLength(8);
    expect(new Set(codes).size).toBe(8);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    // Recovery codes are stored only as keyed hashes.
    const stored = await s.services.db
      .selectFrom("userRecoveryCode")
      .select("codeHash")
      .where("userId", "=", user.id)
      .execute();
    expect(stored).toHaveLength(8);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c.replaceAll("-", ""));

    expect((await call("GET", "/api/auth/session")).json().me.mfaEnabled).toBe(true);
    expect((await call("GET", "/api/auth/mfa")).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 8,
    });
    expect(codeOf(await call("POST", "/api/auth/mfa/setup"))).toBe("MFA_ALREADY_ENABLED");

    // The code that enabled MFA cannot sign in afterwards (same step: replay).
    const challenge = await challengeFor("client.officer", "10.7.0.2");
    expect(codeOf(await secondStep({ challenge, code: codeFor(secret) }, "10.7.0.2"))).toBe(
      "MFA_CODE_REUSED",
    );
    tick();
  });

  it("[ASVS 2.2.4, 2.8.4, 4.3.1] with MFA on, the password alone opens no session; wrong and replayed codes are refused and counted", async () => {
    const { secret } = await enrol("custody.manager");
    const ip = "10.7.1.1";
    const first = await passwordStep("custody.manager", ip);
    expect(first.statusCode).toBe(200);
    expect(first.headers["set-cookie"]).toBeUndefined();
    const body = first.json();
    expect(Object.keys(body).sort()).toEqual(["challenge", "expiresAt", "mfaRequired"]);
    expect(new Date(body.expiresAt).getTime() - now).toBe(5 * 60_000);
    const challenge = body.challenge as string;
    secrets.push(challenge);
    // A wrong password is still just a wrong password.
    const badPassword = await s.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "custody.manager", password: "not-the-password-1" },
      remoteAddress: ip,
    });
    expect(codeOf(badPassword)).toBe("INVALID_CREDENTIALS");
    const before = (await failures("custody.manager")).failedLogins;

    const wrongCode = codeFor(secret) === "000000" ? "111111" : "000000";
    const wrong = await secondStep({ challenge, code: wrongCode }, ip);
    expect(wrong.statusCode).toBe(401);
    expect(codeOf(wrong)).toBe("MFA_CODE_INVALID");
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect((await failures("custody.manager")).failedLogins).toBe(before + 1);
    expect(codeOf(await secondStep({ challenge: "x".repeat(43), code: codeFor(secret) }, ip))).toBe(
      "MFA_CHALLENGE_INVALID",
    );

    const code = codeFor(secret);
    const ok = await secondStep({ challenge, code }, ip);
    expect(ok.statusCode).toBe(200);
    expect(String(ok.headers["set-cookie"])).toMatch(/^dangan_session=[^;]+;.*HttpOnly.*SameSite=Strict/);
    expect(ok.json().me).toMatchObject({ username: "custody.manager", mfaEnabled: true });
    expect((await failures("custody.manager")).failedLogins).toBe(0);
    const cookie = String(ok.headers["set-cookie"]).split(";")[0] ?? "";
    const me = await s.app.inject({ method: "GET", url: "/api/projects", headers: { cookie } });
    expect(me.statusCode).toBe(200);

    // The challenge is used up; the same code again is a replay even with a new challenge.
    expect(codeOf(await secondStep({ challenge, code }, ip))).toBe("MFA_CHALLENGE_INVALID");
    const again = await challengeFor("custody.manager", ip);
    const replay = await secondStep({ challenge: again, code }, ip);
    expect(replay.statusCode).toBe(401);
    expect(codeOf(replay)).toBe("MFA_CODE_REUSED");
    expect((await failures("custody.manager")).failedLogins).toBe(1);
    // A challenge lasts five minutes.
    tick(5 * 60 + 1);
    expect(codeOf(await secondStep({ challenge: again, code: codeFor(secret) }, ip))).toBe(
      "MFA_CHALLENGE_INVALID",
    );
    tick();

    const events = await s.services.db
      .selectFrom("auditEvent")
      .select(["action", "payload"])
      .where("entityId", "=", (await failures("custody.manager")).id)
      .orderBy("seq")
      .execute();
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["user.mfa_setup_started", "user.mfa_enabled", "auth.mfa_challenged"]),
    );
    expect(events.filter((e) => e.action === "auth.sign_in_failed").map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: "wrong_mfa_code" }),
        expect.objectContaining({ reason: "reused_mfa_code" }),
      ]),
    );
    expect(
      events.find((e) => e.action === "auth.signed_in" && (e.payload as { mfa?: string }).mfa === "totp"),
    ).toBeTruthy();
  });

  it("[ASVS 2.2.1, 2.8.4] locks the account after repeated wrong codes, even for the right code afterwards", async () => {
    const { secret } = await enrol("custody.keeper");
    const ip = "10.7.2.1";
    const challenge = await challengeFor("custody.keeper", ip);
    const wrongCode = codeFor(secret) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await secondStep({ challenge, code: wrongCode }, ip);
    const locked = await secondStep({ challenge, code: codeFor(secret) }, ip);
    expect(locked.statusCode).toBe(423);
    expect(codeOf(locked)).toBe("ACCOUNT_LOCKED");
    expect(codeOf(await passwordStep("custody.keeper", ip))).toBe("ACCOUNT_LOCKED");
    // The per-address rate limit covers the second step too.
    let limited = 0;
    for (let i = 0; i < 25; i++)
      if ((await secondStep({ challenge, code: wrongCode }, "10.7.2.9")).statusCode === 429) limited++;
    expect(limited).toBeGreaterThan(0);
  });

  it("[ASVS 2.6.1, 2.6.2] signs in with a recovery code once, then never again with it", async () => {
    const { recoveryCodes } = await enrol("client.leader");
    const ip = "10.7.3.1";
    const code = recoveryCodes[3] as string;
    const challenge = await challengeFor("client.leader", ip);
    // Typed in capitals without the dashes: still the same code.
    const ok = await secondStep({ challenge, recoveryCode: code.toUpperCase().replaceAll("-", " ") }, ip);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().me.username).toBe("client.leader");

    const again = await challengeFor("client.leader", ip);
    const reused = await secondStep({ challenge: again, recoveryCode: code }, ip);
    expect(reused.statusCode).toBe(401);
    expect(codeOf(reused)).toBe("MFA_CODE_REUSED");
    expect(codeOf(await secondStep({ challenge: again, recoveryCode: "aaaa-bbbb-cccc" }, ip))).toBe(
      "MFA_CODE_INVALID",
    );
    const other = await secondStep({ challenge: again, recoveryCode: recoveryCodes[0] as string }, ip);
    expect(other.statusCode).toBe(200);
    const cookie = String(other.headers["set-cookie"]).split(";")[0] ?? "";
    const status = await s.app.inject({ method: "GET", url: "/api/auth/mfa", headers: { cookie } });
    expect(status.json().recoveryCodesLeft).toBe(6);
    const used = await s.services.db
      .selectFrom("auditEvent")
      .select("payload")
      .where("action", "=", "user.mfa_recovery_code_used")
      .orderBy("seq")
      .execute();
    expect(used.map((e) => (e.payload as { remaining: number }).remaining)).toEqual([7, 6]);
  });

  it("[ASVS 2.8.x] turns MFA off only with the password and a code; then the password alone signs in again", async () => {
    const { secret, call } = await enrol("client2.officer");
    const wrongCode = codeFor(secret) === "000000" ? "111111" : "000000";
    expect(
      codeOf(
        await call("POST", "/api/auth/mfa/disable", { password: "wrong-password-1", code: codeFor(secret) }),
      ),
    ).toBe("INVALID_CREDENTIALS");
    expect(
      codeOf(await call("POST", "/api/auth/mfa/disable", { password: DEMO_PASSWORD, code: wrongCode })),
    ).toBe("MFA_CODE_INVALID");
    expect(codeOf(await call("POST", "/api/auth/mfa/disable", { password: DEMO_PASSWORD }))).toBe(
      "VALIDATION_FAILED",
    );
    const off = await call("POST", "/api/auth/mfa/disable", {
      password: DEMO_PASSWORD,
      code: codeFor(secret),
    });
    expect(off.statusCode).toBe(200);
    expect((await call("GET", "/api/auth/session")).json().me.mfaEnabled).toBe(false);
    expect(
      codeOf(await call("POST", "/api/auth/mfa/disable", { password: DEMO_PASSWORD, code: codeFor(secret) })),
    ).toBe("MFA_NOT_ENABLED");
    const plain = await passwordStep("client2.officer", "10.7.4.1");
    expect(plain.json().csrfToken).toBeTruthy();
    expect(plain.headers["set-cookie"]).toBeDefined();
    const user = await failures("client2.officer");
    expect(
      await s.services.db.selectFrom("userRecoveryCode").select("id").where("userId", "=", user.id).execute(),
    ).toEqual([]);
    const audited = await s.services.db
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", user.id)
      .where("action", "=", "user.mfa_disabled")
      .execute();
    expect(audited).toHaveLength(1);
  });

  it("[ASVS 2.5.6] an administrator of the user's organisation resets a lost second factor, audited, never their own", async () => {
    // (Each sign-in from its own address: the per-address sign-in limit is not under test here.)
    await enrol("client2.officer", s.app, "10.7.8.2");
    const { call: manager } = await session("client2.admin", s.app, "10.7.8.3");
    const officer = await failures("client2.officer");
    const reset = (call: typeof manager, id: string) => call("POST", `/api/users/${id}/mfa/reset`);
    // Another client's administrator cannot even see the user.
    const { call: foreign } = await session("client.admin", s.app, "10.7.8.4");
    expect((await reset(foreign, officer.id)).statusCode).toBe(404);
    const self = await failures("client2.admin");
    expect(codeOf(await reset(manager, self.id))).toBe("MFA_RESET_SELF");

    const listed = async () =>
      (await manager("GET", "/api/users?q=client2.officer")).json().items[0].mfaEnabled as boolean;
    expect(await listed()).toBe(true);
    const ok = await reset(manager, officer.id);
    expect(ok.statusCode).toBe(200);
    // The officer's sessions end; the password alone signs in again (and may enrol anew).
    expect(
      await s.services.db
        .selectFrom("userSession")
        .select("userId")
        .where("userId", "=", officer.id)
        .execute(),
    ).toEqual([]);
    const plain = await passwordStep("client2.officer", "10.7.8.1");
    expect(plain.json().mfaRequired).toBeUndefined();
    expect(plain.json().csrfToken).toBeTruthy();
    expect(
      await s.services.db.selectFrom("userMfa").select("userId").where("userId", "=", officer.id).execute(),
    ).toEqual([]);
    const audited = await s.services.db
      .selectFrom("auditEvent")
      .select(["action", "actorUserId"])
      .where("entityId", "=", officer.id)
      .where("action", "=", "user.mfa_reset")
      .execute();
    expect(audited).toEqual([{ action: "user.mfa_reset", actorUserId: self.id }]);
    expect(codeOf(await reset(manager, officer.id))).toBe("MFA_NOT_ENABLED");
    expect(await listed()).toBe(false);
  });

  it("[ASVS 2.2.4] signs in users without MFA exactly as before", async () => {
    const res = await passwordStep("client.admin", "10.7.5.1");
    expect(res.statusCode).toBe(200);
    expect(res.headers["set-cookie"]).toBeDefined();
    expect(res.json().me).toMatchObject({
      username: "client.admin",
      mfaEnabled: false,
      mfaEnrolmentRequired: false,
    });
    expect(res.json().mfaRequired).toBeUndefined();
  });

  it("[ASVS 4.3.1] DANGAN_MFA_REQUIRED_ROLES: such a user without MFA reaches only enrolment until MFA is on", async () => {
    const strict = await s.variant({ mfa: { requiredRoles: ["regulator_admin"], issuer: "Dangan" } });
    const { res, call } = await session("pudong.admin", strict);
    expect(res.json().me).toMatchObject({ mfaEnabled: false, mfaEnrolmentRequired: true });
    const refused = await call("GET", "/api/projects");
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused)).toBe("MFA_ENROLMENT_REQUIRED");
    expect((await call("GET", "/api/auth/session")).json().me.mfaEnrolmentRequired).toBe(true);
    // Other roles are not affected.
    const officer = await session("client2.admin", strict);
    expect((await officer.call("GET", "/api/projects")).statusCode).toBe(200);

    const setup = await call("POST", "/api/auth/mfa/setup");
    const secret = setup.json().secret as string;
    secrets.push(secret);
    const enabled = await call("POST", "/api/auth/mfa/enable", { code: codeFor(secret) });
    expect(enabled.statusCode).toBe(200);
    secrets.push(...(enabled.json().recoveryCodes as string[]));
    expect((await call("GET", "/api/projects")).statusCode).toBe(200);
    expect((await call("GET", "/api/auth/session")).json().me).toMatchObject({
      mfaEnabled: true,
      mfaEnrolmentRequired: false,
    });
    tick();
  });

  it("[ASVS 7.1.1, 7.1.2] logs and audits no TOTP secret, code, recovery code or challenge", async () => {
    expect(secrets.length).toBeGreaterThan(20);
    const log = s.log();
    expect(log).toContain('"url":"/api/auth/login/mfa"');
    for (const secret of secrets) expect(log, `log contains ${secret.slice(0, 4)}…`).not.toContain(secret);
    const audit = JSON.stringify(
      await s.services.db.selectFrom("auditEvent").select(["payload", "entityId"]).execute(),
    );
    for (const secret of secrets) expect(audit).not.toContain(secret);
    // The redaction list covers MFA fields when a log line carries them.
    s.app.log.info({
      body: { challenge: "ch-canary", recoveryCode: "rc-canary", otpauthUri: "otpauth://canary" },
    });
    const after = s.log();
    for (const canary of ["ch-canary", "rc-canary", "otpauth://canary"]) expect(after).not.toContain(canary);
  });
});
