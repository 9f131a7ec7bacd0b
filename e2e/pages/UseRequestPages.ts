// Use requests: the new-request form (/use-requests/new?project=&items=), one
// request (/use-requests/:id: next actions, letter and ID check, reading
// sessions, attachments, the return check and re-shelving) and the use
// register (/use-requests).
import type { Locator, Page } from "playwright-core";

// Only a visible option: a dropdown that has just closed can still hold the
// same options (both attachment selects list the same files).
const option = (page: Page, text: string): Locator =>
  page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:visible", {
      hasText: text,
    })
    .first();

/** Waits until no select dropdown is open any more. */
const dropdownClosed = (page: Page): Promise<void> =>
  page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden):visible").first().waitFor({
    state: "hidden",
  });

export class NewUseRequestPage {
  constructor(readonly page: Page) {}

  async open(projectId: string, itemIds: string[]): Promise<void> {
    await this.page.goto(`/use-requests/new?project=${projectId}&items=${itemIds.join(",")}`);
    await this.page.locator("form").waitFor();
  }

  async select(label: string, text: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).click();
    await option(this.page, text).click();
  }

  async submit(fields: Record<string, string>): Promise<string> {
    for (const [label, value] of Object.entries(fields))
      await this.page.getByLabel(label, { exact: true }).fill(value);
    await this.page.getByRole("button", { name: "提交申请" }).click();
    await this.page.waitForURL(/\/use-requests\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }
}

export class UseRequestPage {
  constructor(readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/use-requests/${id}`);
    await this.page.locator(".ant-descriptions").waitFor();
  }

  status(): Locator {
    return this.page.locator("main .ant-tag").first();
  }

  async waitForStatus(text: string): Promise<void> {
    await this.page.locator("main .ant-tag", { hasText: text }).first().waitFor();
  }

  action(action: string): Locator {
    return this.page.locator(`button[data-action="${action}"]`);
  }

  async act(action: string, then: string): Promise<void> {
    await this.action(action).click();
    await this.waitForStatus(then);
  }

  /** Uploads a file as an attachment of the request, with its label. */
  async attach(label: string, filename: string, body: Buffer): Promise<void> {
    await this.page.getByLabel("说明（选填）").fill(label);
    await this.page
      .locator("input[type=file]")
      .setInputFiles({ name: filename, mimeType: "application/pdf", buffer: body });
    await this.page.locator(".ant-table-row", { hasText: filename }).waitFor();
  }

  async recordAdmission(letter: string, idCard: string, idNumber: string): Promise<void> {
    await this.page.getByLabel("介绍信附件").click();
    await option(this.page, letter).click();
    await dropdownClosed(this.page);
    await this.page.getByLabel("证件附件").click();
    await option(this.page, idCard).click();
    await dropdownClosed(this.page);
    await this.page.getByLabel("证件号码").fill(idNumber);
    await this.page.getByRole("button", { name: /登\s*记/ }).click();
    await this.page.getByText("介绍信与证件核验: 已登记").waitFor();
  }

  async startSession(room: string, camera: string): Promise<void> {
    await this.page.getByLabel("阅览室").click();
    await option(this.page, room).click();
    await this.page.getByLabel("监控探头").click();
    await option(this.page, camera).click();
    await this.page.keyboard.press("Escape");
    await this.page.getByRole("button", { name: "开始阅览" }).click();
    await this.page.getByRole("button", { name: "结束阅览" }).waitFor();
  }

  async endSession(): Promise<void> {
    await this.page.getByRole("button", { name: "结束阅览" }).click();
    await this.page.getByRole("button", { name: "结束阅览" }).waitFor({ state: "detached" });
  }

  returnPanel(): Locator {
    return this.page.getByTestId("return-panel");
  }

  reshelvePanel(): Locator {
    return this.page.getByTestId("reshelve-panel");
  }

  /**
   * Checks every item of the return as 完好, with the returner's name and the
   * count they declare, confirms jointly and waits for the passed check.
   */
  async checkReturnAllPresent(returner: string, declared: number): Promise<void> {
    const panel = this.returnPanel();
    await panel.getByTestId("confirm-return").waitFor();
    const rows = panel.locator(".ant-table-row");
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const ok = rows.nth(i).locator(".ant-radio-button-wrapper", { hasText: "完好" });
      await ok.click();
      await rows.nth(i).locator(".ant-radio-button-wrapper-checked", { hasText: "完好" }).waitFor();
    }
    await panel.getByLabel("归还人", { exact: true }).fill(returner);
    await panel.getByLabel("归还人申报件数", { exact: true }).fill(String(declared));
    await panel.locator(".ant-tag", { hasText: `完好 ${n} / 共 ${n} 件` }).waitFor();
    await panel.getByText("归还人与本机构经办人已共同清点确认").click();
    await panel.getByTestId("confirm-return").click();
    await panel.getByTestId("return-check").getByText("核对无误").waitFor();
  }

  /** The boxes waiting in the re-shelving panel, with their home location codes as shown. */
  async boxesToReshelve(): Promise<{ boxNo: string; homeCode: string }[]> {
    const panel = this.reshelvePanel();
    await panel.getByTestId("reshelve-scan").waitFor();
    const rows = panel.locator(".ant-table-row");
    await rows.first().waitFor();
    const boxes: { boxNo: string; homeCode: string }[] = [];
    for (const row of await rows.all()) {
      const cells = row.locator("td");
      boxes.push({
        boxNo: (await cells.nth(0).textContent())?.trim() ?? "",
        homeCode: (await cells.nth(1).textContent())?.trim() ?? "",
      });
    }
    return boxes;
  }

  /** Scans a box's home location code and waits for the box to show 已归位. */
  async reshelve(boxNo: string, homeCode: string): Promise<void> {
    const input = this.page.getByPlaceholder("扫描原库位条码");
    await input.fill(homeCode);
    await input.press("Enter");
    await this.reshelvePanel()
      .locator(".ant-table-row", { hasText: boxNo })
      .locator(".ant-tag", { hasText: "已归位" })
      .waitFor();
  }
}

export class UseRegisterPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/use-requests${query}`);
    await this.page.locator(".ant-table-row, .ant-empty").first().waitFor();
  }

  row(requestNo: string): Locator {
    return this.page.locator(".ant-table-row", { hasText: requestNo });
  }
}
