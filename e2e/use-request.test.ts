// Browser walk of a third-party on-site request from grant to return: the
// client officer drafts and issues a written grant for an auditor (D-10.2),
// the agency records the auditor's request under it, accepts, takes the box
// out of the vault (D-9.11), records the letter of introduction and the ID
// check (D-10.3, D-10.9), reads in the covered reading room (D-10.6), finishes
// the service, and the use register shows the request coming back (D-10.4).
// The keeper then checks the return item by item with the auditor and confirms
// it jointly (D-11.1), scans the box back onto its home location (D-11.2) and
// closes the request, which the use register then lists as closed.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GrantsPage } from "./pages/GrantsPage.ts";
import { NewUseRequestPage, UseRegisterPage, UseRequestPage } from "./pages/UseRequestPages.ts";
import { type Harness, startHarness } from "./support/harness.ts";

const PROJECT = "2026年度文书档案寄存托管";
const AUDITOR = { name: "赵文博", id: "310105198511203318", org: "上海众华会计师事务所" };
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const day = (months = 0) => {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

let h: Harness;
let client: Page;
let agency: Page;
let projectId: string;
let items: { id: string; referenceCode: string }[];
let requestId: string;
let requestNo: string;

describe("a third-party on-site request in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
    client = await h.signedIn("client.officer");
    agency = await h.signedIn("custody.keeper");
    const projects = await (await client.request.get("/api/projects?pageSize=100")).json();
    projectId = projects.items.find((p: { name: string }) => p.name === PROJECT).id;
    // Two items of a box on its shelf (the demo has others out for reading).
    const all = await (
      await client.request.get(`/api/use-requests/items?projectId=${projectId}&pageSize=100`)
    ).json();
    const boxes = await (await agency.request.get("/api/boxes?status=shelved&pageSize=100")).json();
    const shelved = new Set(boxes.items.map((b: { boxNo: string }) => b.boxNo));
    items = all.items.filter((i: { boxNo: string | null }) => i.boxNo && shelved.has(i.boxNo)).slice(0, 2);
    expect(items).toHaveLength(2);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("[D-10.2] the client drafts and issues a written grant for the auditor", async () => {
    const grants = new GrantsPage(client);
    await grants.open();
    await grants.draft({
      project: PROJECT,
      grantee: AUDITOR.name,
      idNumber: AUDITOR.id,
      purpose: "年度财务审计，现场查阅文书档案",
      from: day(),
      to: day(1),
      items: items.map((i) => i.referenceCode),
    });
    await expect.poll(() => grants.row(AUDITOR.name).textContent()).toContain("草稿");
    await grants.issue(AUDITOR.name);
    expect(await grants.row(AUDITOR.name).textContent()).toContain("2");
  });

  it("[D-10.5] the agency records the auditor's request under the grant", async () => {
    const form = new NewUseRequestPage(agency);
    await form.open(
      projectId,
      items.map((i) => i.id),
    );
    await agency.getByText(`选择档案（2）`).waitFor();
    await form.select("依据授权", AUDITOR.name);
    await form.select("申请身份", "第三方（凭授权）");
    requestId = await form.submit({
      利用者: AUDITOR.name,
      所在单位: AUDITOR.org,
      证件号码: AUDITOR.id,
      目的: "审计查阅",
    });
    const r = new UseRequestPage(agency);
    await r.waitForStatus("已提交");
    requestNo = (await agency.getByTestId("page-title").textContent())!.replace(/.*\s/, "");
    expect(requestNo).toMatch(/^DY\d{4}-\d{4}$/);
  });

  it("[D-10.3] [D-10.6] [D-10.9] accepts, retrieves, checks letter and ID, reads in a covered room", async () => {
    const r = new UseRequestPage(agency);
    await r.act("accept", "已受理");
    await r.act("retrieve", "已调出");
    await agency.getByText("已出库").first().waitFor();
    await r.attach("介绍信", "介绍信.pdf", pdf("letter"));
    await r.attach("身份证件", "身份证.pdf", pdf("id card"));
    await r.recordAdmission("介绍信", "身份证件", AUDITOR.id);
    await r.startSession("查阅室", "CAM-R1");
    await r.waitForStatus("服务中");
    expect(await r.action("finish_service").isDisabled()).toBe(true);
    await r.endSession();
    await r.act("finish_service", "待归还核对");
    const steps = await agency.locator(".ant-timeline").textContent();
    for (const s of ["提交申请", "受理", "出库调档", "开始服务", "结束服务"]) expect(steps).toContain(s);
  });

  it("[D-10.4] the use register shows the request returning, for the agency and the client", async () => {
    for (const page of [agency, client]) {
      const register = new UseRegisterPage(page);
      await register.open("?status=returning");
      const row = register.row(requestNo);
      await row.waitFor();
      expect(await row.textContent()).toContain(AUDITOR.name);
      expect(await row.locator("a").first().getAttribute("href")).toBe(`/use-requests/${requestId}`);
    }
  });

  it("[D-11.1][D-11.2] the keeper checks the return jointly, re-shelves the box at home and closes the request", async () => {
    const r = new UseRequestPage(agency);
    await r.open(requestId);
    await r.waitForStatus("待归还核对");
    await r.checkReturnAllPresent(AUDITOR.name, items.length);
    await r.waitForStatus("已归还");
    expect(await r.status().textContent()).toBe("已归还");
    // Closing waits for the box to be back at its recorded location.
    expect(await r.action("close").isDisabled()).toBe(true);
    const boxes = await r.boxesToReshelve();
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(b.homeCode).not.toBe("—");
      await r.reshelve(b.boxNo, b.homeCode);
    }
    await r.reshelvePanel().getByTestId("reshelve-scan").waitFor({ state: "detached" });
    await r.act("close", "已办结");
    expect(await r.status().textContent()).toBe("已办结");
    const steps = await agency.locator(".ant-timeline").textContent();
    for (const s of ["归还核对无误", "归位办结"]) expect(steps).toContain(s);
    const register = new UseRegisterPage(agency);
    await register.open("?status=closed");
    const row = register.row(requestNo);
    await row.waitFor();
    expect(await row.textContent()).toContain(AUDITOR.name);
    expect(await row.locator("a").first().getAttribute("href")).toBe(`/use-requests/${requestId}`);
  });
});
