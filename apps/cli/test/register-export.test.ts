// `dangan register export`: the use register (D-10.4) of the demo world to an
// .xlsx file, for all requests, one project and a period.
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
let project: string;
const cli = (args: string[]) => dangan([...args, ...t.args]);

/** Header and data rows of the first sheet. */
async function sheet(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => {
    rows.push(
      (r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ""))),
    );
  });
  return { name: wb.worksheets[0]!.name, header: rows[0]!, rows: rows.slice(1) };
}

describe(`dangan register export (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await cli(["demo"])).code).toBe(0);
    project = await withDb(t, async ({ db }) => {
      const r = await db
        .selectFrom("useRequest as r")
        .innerJoin("project as p", "p.id", "r.projectId")
        .select("p.code")
        .executeTakeFirstOrThrow();
      return r.code;
    });
  });
  afterAll(() => t.dispose());

  it("[D-10.4] writes every request with acceptance, retrieval, return, user and content", async () => {
    const out = join(t.dataDir, "register.xlsx");
    const r = await cli(["register", "export", "--out", out]);
    expect(r.code).toBe(0);
    const total = await withDb(t, async ({ db }) =>
      Number(
        (
          await db
            .selectFrom("useRequest")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(total).toBeGreaterThanOrEqual(5);
    expect(r.out).toContain(`${total} request(s)`);
    const x = await sheet(out);
    expect(x.name).toBe("档案调阅利用登记簿");
    expect(x.rows).toHaveLength(total);
    const col = (h: string) => x.header.findIndex((c) => c.startsWith(h));
    const closed = x.rows.find((row) => row[col("状态")] === "已办结");
    expect(closed).toBeDefined();
    for (const h of ["受理", "调出", "归还", "利用者", "内容"]) expect(closed![col(h)]).not.toBe("");
    const auditor = x.rows.find((row) => row[col("利用者")] === "陈立新");
    expect(auditor?.[col("身份")]).toBe("第三方");
    expect(auditor?.[col("授权书")]).not.toBe("");
  });

  it("[D-10.4] filters by project and by period; refuses a malformed day", async () => {
    const one = join(t.dataDir, "one.xlsx");
    expect((await cli(["register", "export", "--out", one, "--project", project])).code).toBe(0);
    expect((await sheet(one)).rows.length).toBeGreaterThan(0);
    const none = join(t.dataDir, "none.xlsx");
    const later = await cli(["register", "export", "--out", none, "--from", "2099-01-01"]);
    expect(later.code).toBe(0);
    expect((await sheet(none)).rows).toHaveLength(0);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const now = join(t.dataDir, "today.xlsx");
    await cli(["register", "export", "--out", now, "--from", today, "--to", today]);
    expect((await sheet(now)).rows.length).toBeGreaterThanOrEqual(5);
    const bad = await cli(["register", "export", "--out", none, "--from", "1 May"]);
    expect(bad.code).toBe(2);
    expect((await cli(["register", "export", "--out", none, "--project", "NOPE"])).code).toBe(2);
  });
});
