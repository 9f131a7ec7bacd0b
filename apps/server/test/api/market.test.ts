import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;

interface FeeRow {
  projectName: string;
  unit: string;
  unitPrice: number;
  flag: string | null;
  agencyName: string;
}

describe(`market view (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it("[G-5] gives the regulator fees per box-year with a dumping price flagged", async () => {
    const city = await t.as("city.inspector");
    const res = (await city.get("/api/market/fees?serviceType=custody")).body;
    const rows = res.items as FeeRow[];
    const demo = rows.find((r) => r.projectName === "2026年度文书档案寄存托管");
    expect(demo).toMatchObject({ unit: "box_year", unitPrice: 216, flag: null });
    const cheap = rows.find((r) => r.projectName === "下属企业档案集中寄存（比选中）");
    expect(cheap).toMatchObject({ unitPrice: 36, flag: "dumping" });
    expect(res.bands[0]).toMatchObject({ serviceType: "custody", unit: "box_year" });
    expect(res.districts.length).toBeGreaterThan(1);
    // A looser rule (k) flags nothing: the threshold is the regulator's to set.
    const loose = (await city.get("/api/market/fees?serviceType=custody&k=20")).body.items as FeeRow[];
    expect(loose.every((r) => r.flag === null)).toBe(true);
  });

  it("[G-5] keeps contract prices in the caller's scope: a client sees only its own contracts", async () => {
    const client2 = await t.as("client2.officer");
    const rows = (await client2.get("/api/market/fees")).body.items as FeeRow[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.projectName)).not.toContain("2026年度文书档案寄存托管");
  });

  it("[Z-5.2][G-11] compares candidate agencies side by side: qualifications, incidents, acceptance results and prices", async () => {
    const client = await t.as("client.officer");
    const ids = ["上海安存档案寄存托管有限公司（演示）", "上海恒久档案托管有限公司（演示）"].map(
      (n) => t.ids[n],
    );
    const res = await client.get(`/api/market/compare?agencyIds=${ids.join(",")}`);
    expect(res.status).toBe(200);
    const hengjiu = res.body.items.find((a: { name: string }) => a.name.startsWith("上海恒久"));
    expect(hengjiu).toMatchObject({ titledStaffCount: 2, incidentCount: 1, registrationStatus: "active" });
    // G-11: the demo's failed final acceptance of 2010—2020年工程档案寄存 counts against it.
    expect(hengjiu).toMatchObject({ acceptancesPassed: 0, acceptancesFailed: 1 });
    // Z-5.2: equipment — the custody agencies have vault equipment, no digitization devices.
    const ancun = res.body.items.find((a: { name: string }) => a.name.startsWith("上海安存"));
    expect(ancun.equipmentCount).toBeGreaterThan(0);
    expect(ancun.deviceCount).toBe(0);
    const digit = await client.get(
      `/api/market/compare?agencyIds=${t.ids["上海数典档案数字化服务有限公司（演示）"]}`,
    );
    expect(digit.body.items[0].deviceCount).toBeGreaterThan(0);
    expect(hengjiu.prices[0]).toMatchObject({ serviceType: "custody", unit: "box_year", contracts: 2 });
    expect(hengjiu.prices[0].median).toBeCloseTo(199.5);
    expect(JSON.stringify(res.body)).not.toContain("街道人事档案托管");
  });

  it("[G-5] exports the normalised fees to Excel", async () => {
    const res = await (await t.as("city.admin")).request({
      method: "GET",
      url: "/api/market/fees/export.xlsx",
    });
    expect(res.statusCode).toBe(200);
  });
});
