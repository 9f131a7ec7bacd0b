// Browser walk through one intake, from the client's catalogue import to the
// box on the agency's shelf, as custody.manager and client.officer in two
// browser contexts: each gate shows its clause, and the client sees its box.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoxesPage } from "./pages/BoxesPage.ts";
import { IntakeBatchPage } from "./pages/IntakeBatchPage.ts";
import { IntakeCatalogueImport } from "./pages/IntakeCatalogueImport.ts";
import { IntakeListPage } from "./pages/IntakeListPage.ts";
import { type Harness, startHarness } from "./support/harness.ts";

const PROJECT = "2026年度文书档案寄存托管";
const CATALOGUE = "浏览器测试交接目录";
const CSV = [
  "档号,题名,件数",
  "Z901-WS·2012-Y-BGS-0001,浏览器测试卷一,1",
  "Z901-WS·2012-Y-BGS-0002,浏览器测试卷二,1",
  "",
].join("\r\n");

let h: Harness;
let agency: Page;
let client: Page;
let a: IntakeBatchPage;
let c: IntakeBatchPage;
let batchId: string;
let barcode: string;

describe("intake in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
    agency = await h.signedIn("custody.manager");
    client = await h.signedIn("client.officer");
    a = new IntakeBatchPage(agency);
    c = new IntakeBatchPage(client);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("[D-8.3] the client imports the handover catalogue through the catalogue import page", async () => {
    const res = await client.request.get("/api/projects?serviceType=custody&status=active");
    const project = (await res.json()).items.find((p: { name: string }) => p.name === PROJECT);
    await new IntakeCatalogueImport(client).importCsv(project.id, CATALOGUE, CSV);
  });

  it("[D-8.1] refuses unshelving until a client person is named, and records both parties' people", async () => {
    const list = new IntakeListPage(agency);
    await list.open();
    await list.newBatch(PROJECT, "浏览器测试入库批次", CATALOGUE);
    batchId = a.idFromUrl()!;
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    await agency.getByTestId("intake-steps").waitFor();
    expect(await a.status()).toBe("site_visit");

    await a.startStep("unshelve");
    await a.confirmModal();
    await a.modalError().locator('[data-clause="D-8.1"]').waitFor();
    await a.pickPerson("client", "周红");
    await a.submitStep("condition_check");
    await a.openTab("records");
    const people = agency.getByTestId("step-records").locator('[data-action="unshelve"] [data-side]');
    expect(await people.evaluateAll((els) => els.map((e) => e.getAttribute("data-side")).sort())).toEqual([
      "agency",
      "client",
    ]);
  });

  it("[D-8.4] holds the box with a mouldy item until the client records its treatment", async () => {
    await a.startStep("check_condition");
    await a.stepForm().getByTestId("findings").locator(".ant-select").first().click();
    await a.option("霉变").click();
    await a.submitStep("boxing");
    await agency.getByTestId("boxing-panel").waitFor();
    await agency.getByTestId("boxing-panel").getByRole("button", { name: "全部未装箱档案" }).click();
    await agency.getByTestId("boxing-panel").getByRole("button", { name: "装箱并编号" }).click();
    const row = agency.getByTestId("boxes-tab").locator('tbody tr[data-row-key] [data-status="treatment"]');
    await row.waitFor();
    barcode = (await agency
      .getByTestId("boxes-tab")
      .locator("tbody tr[data-row-key] .mono")
      .first()
      .textContent())!;
    expect(barcode).toMatch(/^P\d{4}-\d{4}-\d{4}$/);

    await a.startStep("finish_boxing");
    await a.pickPerson("client", "周红");
    await a.submitStep("sealing");
    await a.blockedClause("load").and(agency.locator('[data-clause="D-8.4"]')).waitFor();

    await c.open(batchId, "conditions");
    await client.getByTestId("conditions-tab").getByRole("button", { name: "记录技术处理" }).click();
    await client.locator("#method").fill("低温冷冻杀菌");
    await client.locator("#treatedBy").fill("上海市档案保护技术中心");
    await c.confirmModal();
    await client.getByTestId("conditions-tab").getByText("低温冷冻杀菌", { exact: false }).waitFor();
  });

  it("[D-8.6] seals the box scanned by its barcode, only after its outside inspection, before loading", async () => {
    await a.open(batchId);
    await a.blockedClause("load").and(agency.locator('[data-clause="D-8.6"]')).waitFor();
    await a.scan(barcode.toLowerCase());
    await a.boxTask("seal").waitFor();
    await agency.locator("#sealNumber").fill("FT-E2E-001");
    await a.confirmModal();
    await a.modalError().locator('[data-clause="D-8.6"]').waitFor();
    await agency.locator("#outsideOk").check();
    await a.confirmModal();
    await a.boxTask("seal").waitFor({ state: "detached" });
    await a.boxRow(barcode).locator('[data-status="sealed"]').waitFor();
  });

  it("[D-8.7] refuses agency transport without a client escort", async () => {
    await a.startStep("load");
    await a.stepForm().getByText("受托机构运送").click();
    await a.confirmModal();
    await a.modalError().locator('[data-clause="D-8.7"]').waitFor();
    await a.pickPerson("client", "周红");
    await a.submitStep("transport");
    await a.startStep("arrive");
    await a.submitStep("inspection");
  });

  it("[D-8.8] reports a damaged box to the client, who handles it with the agency", async () => {
    await a.scan(barcode);
    await a.boxTask("inspect").waitFor();
    await agency.locator("#damaged").click();
    await a.confirmModal();
    await a.boxTask("inspect").waitFor({ state: "detached" });
    await a.boxRow(barcode).getByText("异常").waitFor();
    await a.startStep("finish_inspection");
    await a.submitStep("repacking");

    await c.open(batchId, "handover");
    const anomalies = client.getByTestId("anomalies");
    await anomalies.getByText("待处置").waitFor();
    await anomalies.getByRole("button", { name: "共同处置" }).click();
    await client.locator(".ant-modal textarea").fill("双方核对：箱角受压，档案无损，已更换档案箱。");
    await c.confirmModal();
    await anomalies.getByText("已处置").waitFor();
  });

  it("[D-9.1][D-9.11] shelves the box at a location and shows the client where its box is", async () => {
    await a.open(batchId);
    await a.startStep("skip_repacking");
    await a.submitStep("shelving");
    await a.scan(barcode);
    await a.boxTask("shelve").waitFor();
    await agency.locator("#locationId").click();
    await agency
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
      .first()
      .click();
    await a.confirmModal();
    await a.boxTask("shelve").waitFor({ state: "detached" });
    await a.boxRow(barcode).locator('[data-status="shelved"]').waitFor();
    await a.startStep("complete");
    await a.submitStep("completed");

    const boxes = new BoxesPage(client);
    await boxes.open(`?q=${encodeURIComponent(barcode)}`);
    await boxes.openBox(barcode);
    expect(await boxes.location().textContent()).toMatch(/一号库房.*A-\d\d/);
    expect(await boxes.movements()).toEqual(["intake", "shelve"]);
  });
});
