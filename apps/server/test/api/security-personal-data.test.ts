// OWASP ASVS 4.0 V8 (data protection) and the rule: ID card and phone
// numbers are masked in lists, exports and the audit log unless the viewer's
// role needs them — one masking rule (maskIdNumber / maskPhone) everywhere.
import { testDbMode } from "@dangan/db/testing";
import { maskIdNumber, maskPhone } from "@dangan/domain";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SecurityApp, startSecurityApp } from "./security-support.ts";

let s: SecurityApp;
/** Every full ID number and personal phone number the demo world holds. */
let ids: string[];
let phones: string[];

async function column(table: string, col: string): Promise<string[]> {
  const db = s.services.db as unknown as {
    selectFrom(t: string): { select(c: string): { execute(): Promise<Record<string, string | null>[]> } };
  };
  const rows = await db.selectFrom(table).select(col).execute();
  return rows.map((r) => r[col]).filter((v): v is string => typeof v === "string" && v.length > 8);
}

/** The text a response shows a person: JSON as is, Excel cell by cell. */
async function shown(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers["content-type"] ?? "");
  if (type.includes("spreadsheetml")) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        });
      }),
    );
    return cells.join("\n");
  }
  return type.includes("json") || type.includes("text") ? res.body : "";
}

describe(`security: personal data masking (${testDbMode()})`, () => {
  beforeAll(async () => {
    s = await startSecurityApp();
    ids = [
      ...(await column("appUser", "idNumber")),
      ...(await column("writtenGrant", "granteeIdNumber")),
      ...(await column("useRequest", "userIdNumber")),
      ...(await column("readingAdmission", "readerIdNumber")),
      ...(await column("loan", "receiverIdNumber")),
      ...(await column("staffMember", "idNumber")),
      ...(await column("digitizationPerson", "idNumber")),
      ...(await column("vaultEntryPerson", "idNumber")),
    ].filter((v) => /^\d{17}[\dXx]$/.test(v));
    phones = await column("appUser", "phone");
  });
  afterAll(() => s.close());

  it("[personal data] masks with one rule: first and last 4 characters of an ID, first 3 and last 4 of a phone", () => {
    expect(maskIdNumber("310104198203156617")).toBe("3101**********6617");
    expect(maskIdNumber("1234")).toBe("****");
    expect(maskPhone("13912341111")).toBe("139****1111");
    expect(maskIdNumber(null)).toBeNull();
  });

  it("[personal data] the demo world holds ID numbers in every register that takes them (the checks below are not vacuous)", () => {
    expect(new Set(ids).size).toBeGreaterThanOrEqual(5);
  });

  it("[personal data][ASVS 7.1.1, 8.3.5] the audit log holds no full ID number or phone number", async () => {
    const events = await s.services.db.selectFrom("auditEvent").select(["action", "payload"]).execute();
    expect(events.length).toBeGreaterThan(50);
    const leaks = events.flatMap((e) => {
      const text = JSON.stringify(e.payload);
      return [...ids, ...phones]
        .filter((v) => text.includes(v))
        .map((v) => `${e.action}: ${maskIdNumber(v)}`);
    });
    expect(leaks).toEqual([]);
  });

  it("[personal data][ASVS 8.3.1, 4.1.3] no regulator, foreign agency or other client sees a full ID number in any list or export", async () => {
    const projectIds = (await s.services.db.selectFrom("project").select("id").execute()).map((p) => p.id);
    const records: Record<string, string[]> = {
      "/api/use-requests/:id": (await s.services.db.selectFrom("useRequest").select("id").execute()).map(
        (r) => r.id,
      ),
      "/api/grants/:id": (await s.services.db.selectFrom("writtenGrant").select("id").execute()).map(
        (r) => r.id,
      ),
    };
    const urls: string[] = [];
    for (const r of s.routes) {
      if (r.method !== "GET" || !r.url.startsWith("/api/") || r.url.endsWith(".pdf")) continue;
      const params = r.url.match(/:[A-Za-z]+/g) ?? [];
      if (params.length === 0) urls.push(r.url);
      else if (params.length === 1 && /\/projects\/:id(\/|$)/.test(r.url))
        for (const id of projectIds) urls.push(r.url.replace(":id", id));
      else for (const id of records[r.url] ?? []) urls.push(r.url.replace(":id", id));
    }
    expect(urls.length).toBeGreaterThan(50);
    let read = 0;
    const sweep = async (username: string) => {
      const found: string[] = [];
      const { headers } = await s.session(username);
      for (const url of urls) {
        const res = await s.app.inject({ method: "GET", url, headers });
        if (res.statusCode !== 200) continue;
        read++;
        const text = await shown(res);
        for (const v of ids) if (text.includes(v)) found.push(`${username} ${url}: ${maskIdNumber(v)}`);
      }
      return found;
    };
    const leaks: string[] = [];
    for (const username of ["city.inspector", "pudong.admin", "foreign.manager", "client2.officer"])
      leaks.push(...(await sweep(username)));
    expect(read).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
    // The sweep does find full numbers where a role needs them (the agency manager, Z-5.6, D-10.6).
    const manager = await sweep("custody.manager");
    expect(manager.some((l) => l.includes(".xlsx"))).toBe(true);
    expect(manager.length).toBeGreaterThan(0);
  });

  it("[personal data][D-10.6] the agency that checks a reader's identity sees the full number; the client's officer sees it masked", async () => {
    const withId = await s.services.db
      .selectFrom("useRequest")
      .select(["id", "userIdNumber"])
      .where("userIdNumber", "is not", null)
      .executeTakeFirstOrThrow();
    const full = withId.userIdNumber ?? "";
    const agency = await s.session("custody.operator");
    const client = await s.session("client.officer");
    const seen = async (headers: Record<string, string>) =>
      (await s.app.inject({ method: "GET", url: `/api/use-requests/${withId.id}`, headers })).json()
        .userIdNumber;
    expect(await seen(agency.headers)).toBe(full);
    expect(await seen(client.headers)).toBe(maskIdNumber(full));
    const register = await s.app.inject({
      method: "GET",
      url: "/api/use-register/export.xlsx",
      headers: client.headers,
    });
    expect(register.statusCode).toBe(200);
    expect(await shown(register)).not.toContain(full);
  });

  it("[personal data][D-10.2] the client sees its own grantee's full ID number; the agency sees it masked", async () => {
    const g = await s.services.db
      .selectFrom("writtenGrant")
      .select(["id", "granteeIdNumber"])
      .where("granteeIdNumber", "like", "3101%")
      .executeTakeFirstOrThrow();
    const full = g.granteeIdNumber ?? "";
    const client = await s.session("client.officer");
    const agency = await s.session("custody.manager");
    const get = async (headers: Record<string, string>) =>
      (await s.app.inject({ method: "GET", url: `/api/grants/${g.id}`, headers })).json().granteeIdNumber;
    expect(await get(client.headers)).toBe(full);
    expect(await get(agency.headers)).toBe(maskIdNumber(full));
  });
});
