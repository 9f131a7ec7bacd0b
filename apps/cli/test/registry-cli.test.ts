// `dangan filings list` and `dangan agency suspend|reinstate` (G-7, G-12).
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
const cli = (args: string[]) => dangan([...args, ...t.args]);
const AGENCY = "上海恒久档案托管有限公司（演示）";

describe(`dangan filings / agency (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await cli(["demo"])).code).toBe(0);
  }, 180_000);
  afterAll(() => t.dispose());

  it("[G-7] lists the filings of national-scope deposits with their state", async () => {
    const r = await cli(["filings", "list", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.filings.map((f: { status: string }) => f.status).sort()).toEqual(
      expect.arrayContaining(["returned", "submitted", "verified"]),
    );
    const returned = await cli(["filings", "list", "--status", "returned"]);
    expect(returned.out).toContain("街道历年文书档案寄存");
  });

  it("[G-12] suspends an agency only with a reason, and records it", async () => {
    const none = await cli(["agency", "suspend", AGENCY]);
    expect(none.code).not.toBe(0);
    const ok = await cli(["agency", "suspend", AGENCY, "--reason", "专项检查发现重大隐患"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("suspended");
    const rows = await withDb(t, ({ db }) =>
      db
        .selectFrom("agencyStandingChange")
        .select(["action", "reason"])
        .orderBy("changedAt", "desc")
        .execute(),
    );
    expect(rows[0]).toEqual({ action: "suspend", reason: "专项检查发现重大隐患" });
    expect((await cli(["agency", "reinstate", AGENCY, "--reason", "整改完成"])).out).toContain("active");
    expect((await cli(["agency", "reinstate", AGENCY, "--reason", "x"])).code).not.toBe(0);
  });
});
