// Browser look at remote copies, loans and returns (D-3.12, D-10.6, D-11.1):
// the agency's overdue loans and the discrepancy report on a request page, the
// client's remote copies with digests and a download link.
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness.ts";

const SHOTS = process.env.DANGAN_SHOTS ?? "";
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

let h: Harness;
let agency: Page;
let client: Page;

describe("use services in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
    agency = await h.signedIn("custody.keeper");
    client = await h.signedIn("client.officer");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("[D-10.6] the agency's loans list flags the overdue loan", async () => {
    await agency.goto("/loans?status=overdue");
    await agency.getByTestId("overdue").first().waitFor();
    expect(await agency.getByTestId("overdue").count()).toBe(1);
    await shot(agency, "loans-overdue");
    await agency.goto("/");
    await agency.getByText("超期未还出借").waitFor();
    await shot(agency, "agency-home");
  });

  it("[D-11.1] a request with a damaged item shows the check and the written report PDF", async () => {
    const loans = await (await agency.request.get("/api/use-services/loans?status=returned")).json();
    const back = loans.items[0];
    await agency.goto(`/use-requests/${back.requestId}`);
    await agency.getByTestId("report-pdf").waitFor();
    await agency.getByTestId("reshelve-panel").waitFor();
    await shot(agency, "request-returned-loan");
    const href = await agency.getByTestId("report-pdf").getAttribute("href");
    const pdf = await agency.request.get(href!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    if (SHOTS) (await import("node:fs")).writeFileSync(`${SHOTS}/report.pdf`, await pdf.body());
  });

  it("[D-10.6] the loan panel shows consent, the loan record and the masked receiver ID", async () => {
    const loans = await (await agency.request.get("/api/use-services/loans?status=overdue")).json();
    await agency.goto(`/use-requests/${loans.items[0].requestId}`);
    await agency.getByTestId("loan-panel").waitFor();
    await agency.getByText("委托方档案室（浦东新区世纪大道100号3楼）").first().waitFor();
    await shot(agency, "request-overdue-loan");
    await agency.goto("/scan-jobs");
    await agency.getByText("CAM-R1").first().waitFor();
    await shot(agency, "scan-jobs");
  });

  it("[D-11.1][D-11.2] the keeper checks a return jointly, then re-shelves its box by scanning the home location", async () => {
    const list = await (await agency.request.get("/api/use-requests?status=returning")).json();
    const id = list.items[0].id;
    await agency.goto(`/use-requests/${id}`);
    await agency.getByTestId("confirm-return").waitFor();
    await shot(agency, "return-check-form");
    await agency.getByText("归还人与本机构经办人已共同清点确认").click();
    await agency.getByTestId("confirm-return").click();
    await agency.getByTestId("reshelve-scan").waitFor();
    const s = await (await agency.request.get(`/api/use-services/requests/${id}`)).json();
    const input = agency.getByPlaceholder("扫描原库位条码");
    await input.fill("X-NOT-A-HOME");
    await input.press("Enter");
    await agency.getByText(/不是待归位档案盒的原登记位置/).waitFor();
    for (const b of s.boxes) {
      await input.fill(b.homeCode);
      await input.press("Enter");
      await agency.getByText(`档案盒 ${b.boxNo} 已归位至 ${b.homeCode}`).waitFor();
    }
    await shot(agency, "reshelved");
    const after = await (await agency.request.get(`/api/use-services/requests/${id}`)).json();
    expect(after.facts.boxesNotReshelved).toEqual([]);
  });

  it("[D-3.12] the client downloads its remote copy, shown with SM3 and SHA-256", async () => {
    await client.goto("/remote-copies");
    await client.getByTestId("download").first().waitFor();
    expect(await client.getByText(/^SM3 /).count()).toBeGreaterThan(0);
    await shot(client, "client-remote-copies");
    const href = await client.getByTestId("download").first().getAttribute("href");
    const file = await client.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()["x-content-sm3"]).toMatch(/^[0-9a-f]{64}$/);
    await client.goto("/");
    await client.getByText("超期未还出借").waitFor();
    await shot(client, "client-home");
  });

  it("[Z-7.3][D-10.8] the client sees a held page with its mark outlined and clears the false alarm", async () => {
    await client.goto("/");
    await client.getByTestId("screening-alert").waitFor();
    await client.goto("/screening?status=open");
    await client.getByTestId("screening-view").first().click();
    const img = client.getByTestId("screening-image").locator("img");
    await img.waitFor();
    await client.waitForFunction(
      () =>
        (document.querySelector("[data-testid=screening-image] img") as HTMLImageElement | null)
          ?.naturalWidth,
    );
    await shot(client, "screening-alert");
    await client.getByPlaceholder(/解密通知/).fill("该页已于2020年解密，见解密通知");
    await client.getByTestId("screening-clear").click();
    await client.locator(".ant-popconfirm .ant-btn-primary").click();
    await client
      .getByText("误报已解除")
      .first()
      .waitFor({ state: "attached" })
      .catch(() => {});
    const hits = await (await client.request.get("/api/screening/hits?source=remote_copy")).json();
    expect(hits.items[0]).toMatchObject({
      status: "cleared",
      decisionNote: "该页已于2020年解密，见解密通知",
    });
  });

  it("[D-10.6] the client's loans page reads in English too", async () => {
    await client.evaluate(() => localStorage.setItem("dangan.locale", "en-US"));
    await client.goto("/loans");
    await client.getByText(/needs the client's written consent/).waitFor();
    await client.getByText("DY2026-0008").waitFor();
    await shot(client, "client-loans-en");
  });
});
