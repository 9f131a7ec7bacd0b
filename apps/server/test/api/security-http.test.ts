// OWASP ASVS 4.0 V5 (validation), V12 (files), V13 (API) and V14 (configuration):
// headers on every kind of response, strict bodies, injection-proof queries,
// uploads judged by content and served so a browser never runs them.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SecurityApp, startSecurityApp } from "./security-support.ts";

let s: SecurityApp;
let officer: Record<string, string>;
let projectId: string;

function multipart(filename: string, content: Buffer) {
  const boundary = "----dangan-security-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/html\r\n\r\n`;
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

describe(`security: HTTP, validation and files (${testDbMode()})`, () => {
  beforeAll(async () => {
    s = await startSecurityApp({ config: { maxUploadBytes: 64 * 1024 } });
    officer = (await s.session("client.officer")).headers;
    projectId = (
      await s.app.inject({ method: "GET", url: "/api/projects?serviceType=digitization", headers: officer })
    ).json().items[0].id;
  });
  afterAll(() => s.close());

  it("[ASVS 14.4.3-14.4.7] sends the hardening headers on success, refusal, 404 and the web UI alike", async () => {
    const responses = [
      await s.app.inject({ method: "GET", url: "/api/meta" }),
      await s.app.inject({ method: "GET", url: "/api/projects" }),
      await s.app.inject({ method: "GET", url: "/api/projects", headers: officer }),
      await s.app.inject({ method: "GET", url: "/api/nothing-here" }),
      await s.app.inject({ method: "GET", url: "/some/spa/page" }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 200, 404, expect.any(Number)]);
    for (const r of responses) {
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["referrer-policy"]).toBe("same-origin");
      const csp = String(r.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(r.headers["x-powered-by"]).toBeUndefined();
    }
    // API answers are never cached by a browser or proxy (ASVS 8.2.1).
    for (const r of responses.slice(0, 4)) expect(r.headers["cache-control"]).toBe("no-store");
  });

  it("[ASVS 14.4.5, 14.5.3] sends HSTS when served over HTTPS only, and allows no cross-origin caller", async () => {
    const plain = await s.app.inject({ method: "GET", url: "/api/meta" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const https = await s.variant({ secureCookies: true });
    const secure = await https.inject({ method: "GET", url: "/api/meta" });
    expect(secure.headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
    const preflight = await s.app.inject({
      method: "OPTIONS",
      url: "/api/projects",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("[ASVS 5.5.2] refuses JSON that tries to poison an object prototype", async () => {
    const res = await s.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { ...officer, "content-type": "application/json" },
      payload: '{"name":"x","__proto__":{"isAdmin":true}}',
    });
    expect(res.statusCode).toBe(400);
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it("[ASVS 5.1.2, 5.1.3] refuses unknown fields (no mass assignment) and reports the bad field", async () => {
    const me = (await s.app.inject({ method: "GET", url: "/api/auth/session", headers: officer })).json().me;
    const res = await s.app.inject({
      method: "PATCH",
      url: `/api/users/${me.id}`,
      headers: (await s.session("client.admin")).headers,
      payload: { displayName: "新名字", passwordHash: "scrypt$1$1$1$x$y", orgId: me.orgId },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
    const row = await s.services.db
      .selectFrom("appUser")
      .select(["displayName", "passwordHash"])
      .where("id", "=", me.id)
      .executeTakeFirstOrThrow();
    expect(row.displayName).not.toBe("新名字");
    expect(row.passwordHash).not.toContain("scrypt$1$");
  });

  it("[ASVS 5.3.4, 5.3.5] treats SQL and LIKE syntax in search text as data", async () => {
    const admin = (await s.session("client.admin")).headers;
    for (const q of ["' OR '1'='1", "%", "_", "\\", "'; DROP TABLE app_user; --"]) {
      const res = await s.app.inject({
        method: "GET",
        url: `/api/users?q=${encodeURIComponent(q)}`,
        headers: admin,
      });
      expect(res.statusCode, q).toBe(200);
      expect(res.json().items, q).toEqual([]);
    }
    const still = await s.services.db
      .selectFrom("appUser")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(still.n)).toBeGreaterThan(10);
  });

  it("[ASVS 13.1.3, 13.2.1] refuses a request body over the limit and an unsupported method", async () => {
    const big = await s.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { ...officer, "content-type": "application/json" },
      payload: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("PAYLOAD_TOO_LARGE");
    const trace = await s.app.inject({ method: "TRACE" as "GET", url: "/api/projects", headers: officer });
    expect(trace.statusCode).toBeGreaterThanOrEqual(400);
    expect(trace.body).not.toContain(officer.cookie ?? "-");
  });

  it("[ASVS 12.1.1, 12.2.1, 12.3.1, 12.5.2] judges uploads by content, keeps paths out of names, and never serves one as a page", async () => {
    const upload = (filename: string, content: Buffer) =>
      s.app.inject({
        method: "POST",
        url: `/api/attachments?entityType=project&entityId=${projectId}`,
        headers: { ...officer, ...multipart(filename, content).headers },
        payload: multipart(filename, content).payload,
      });
    const page = await upload("evil.html", Buffer.from("<script>alert(1)</script>"));
    expect(page.statusCode).toBe(415);
    expect(page.json().code).toBe("UNSUPPORTED_FILE_TYPE");
    const exe = await upload("scan.png", Buffer.from("MZ\x90\x00\x03 not an image"));
    expect(exe.statusCode).toBe(415);
    const svgAsJpeg = await upload("logo.jpg", Buffer.from('<svg onload="alert(1)"/>'));
    expect(svgAsJpeg.statusCode).toBe(415);
    // Text is accepted as text; a script inside it is served as an inert download.
    const text = await upload("..\\..\\notes<script>.txt", Buffer.from("<script>alert(1)</script>"));
    expect(text.statusCode).toBe(201);
    expect(text.json().filename).not.toMatch(/[\\/]/);
    expect(text.json().mediaType).toBe("text/plain");
    const dl = await s.app.inject({
      method: "GET",
      url: `/api/attachments/${text.json().id}/content`,
      headers: officer,
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-type"]).toBe("text/plain");
    expect(String(dl.headers["content-disposition"])).toMatch(/^attachment;/);
    expect(dl.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(dl.headers["content-security-policy"])).toContain("default-src 'self'");
  });

  it("[ASVS 14.3.3, 14.1.x] publishes no server version and keeps the OpenAPI document free of secrets", async () => {
    const meta = await s.app.inject({ method: "GET", url: "/api/meta" });
    expect(meta.headers.server).toBeUndefined();
    const spec = await s.app.inject({ method: "GET", url: "/docs/json" });
    expect(spec.statusCode).toBe(200);
    expect(spec.body).not.toMatch(/DANGAN_SECRET|secret\.key|postgres:\/\//);
  });
});
