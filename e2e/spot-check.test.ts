// Browser walk through a yearly spot check (G-7): the Pudong regulator draws
// its sample from a recorded seed, starts the spot inspection of a sampled
// project, records a finding and orders rectification; the agency answers with
// evidence; the regulator accepts.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../apps/server/src/demo/demo-pdf.ts";
import { InspectionView, RectificationView, SpotCheckPlans } from "./pages/OversightPages.ts";
import { type Harness, startHarness } from "./support/harness.ts";

const SHOTS = process.env.DANGAN_SCREENSHOTS;

let h: Harness;
let regulator: Page;
let agency: Page;
let orderId: string;

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe("spot check in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
    regulator = await h.signedIn("pudong.admin");
    agency = await h.signedIn("custody.manager");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("[G-7] draws the yearly sample from a recorded seed and shows it reproducible", async () => {
    const plans = new SpotCheckPlans(regulator);
    await plans.draw(1, "e2e-2026");
    expect(await regulator.getByTestId("plan-seed-value").textContent()).toBe("e2e-2026");
    await regulator.getByText("可由种子复现").waitFor();
    await shot(regulator, "plan");
    await plans.startFirstSpot();
  });

  it("[G-7] records a finding on the pre-filled checklist and orders rectification", async () => {
    // The checklist arrives pre-filled from the system's data (failing evidence marked ✗).
    await regulator.getByText("✗", { exact: false }).first().waitFor();
    await regulator.locator('[data-testid="answer-D-9.3"]').waitFor();
    const view = new InspectionView(regulator);
    await view.addFinding("D-9.3", "库房堆放可燃物（浏览器测试）");
    await shot(regulator, "inspection");
    await view.orderRectification("清除可燃物并提交照片（浏览器测试）");
    orderId = regulator.url().split("/").pop()!;
    expect(await new RectificationView(regulator).status().textContent()).toContain("待整改");
  });

  it("[G-7] the agency answers with evidence and the regulator accepts", async () => {
    const a = new RectificationView(agency);
    await a.open(orderId);
    await a.uploadEvidence("整改照片.pdf", demoPdf("rectified"));
    await a.respond("已清除可燃物，附整改照片");
    await agency.getByText("待审核").waitFor();
    const r = new RectificationView(regulator);
    await r.open(orderId);
    await r.accept("复查合格");
    await regulator.getByTestId("order-status").getByText("已通过").waitFor();
    await shot(regulator, "order");
    await agency.goto("/");
    await agency.getByTestId("rectification-card").waitFor();
    await shot(agency, "home");
  });
});
