// The digitization pages as the digitization walk uses them: the originals
// page (/digitization/originals: volumes, handover lists, batches, the board,
// the return check), a delivery's QC page and the project's acceptance tab.
import type { Locator, Page } from "playwright-core";

/** What antd puts up for a refused action: a notification with the server's message. */
async function failOnErrorToast(page: Page, doing: string): Promise<void> {
  const toast = page.locator(".ant-notification-notice-error").first();
  if (await toast.isVisible()) throw new Error(`${doing}: ${await toast.textContent()}`);
}

/** Pieces every antd page here shares: select options, modals, success toasts. */
class AntPage {
  constructor(readonly page: Page) {}

  /** An option of the select dropdown that is open now. */
  option(text: string): Locator {
    return this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
        hasText: text,
      })
      .first();
  }

  /** Picks `text` in the select `select` (a field id or a locator); closes a multiple select. */
  async pick(select: string | Locator, text: string): Promise<void> {
    const s = typeof select === "string" ? this.page.locator(`#${select}`) : select;
    // The last dropdown may still be closing, with the same options as this one.
    const open = this.page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden):visible");
    for (let i = 0; i < 50 && (await open.count()) > 0; i++) await this.page.waitForTimeout(100);
    await s.click();
    await this.option(text).click();
    if (await this.isMultiple(s)) await this.page.keyboard.press("Escape");
  }

  private async isMultiple(s: Locator): Promise<boolean> {
    return s.evaluate((el) => !!el.closest(".ant-select-multiple"));
  }

  modal(): Locator {
    return this.page.locator(".ant-modal-wrap:not([style*='display: none']) .ant-modal").last();
  }

  async confirmModal(): Promise<void> {
    await this.modal().locator(".ant-modal-footer .ant-btn-primary").click();
  }

  /** Clicks and waits for the success toast (or throws with the refusal's message). */
  async clickAndSucceed(target: Locator, doing: string): Promise<void> {
    const before = await this.page.locator(".ant-message-success").count();
    await target.click();
    await this.waitForSuccess(before, doing);
  }

  async waitForSuccess(before: number, doing: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if ((await this.page.locator(".ant-message-success").count()) > before) return;
      await failOnErrorToast(this.page, doing);
      await this.page.waitForTimeout(200);
    }
    throw new Error(`${doing}: no success message`);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.waitForLoadState("networkidle").catch(() => {});
    await this.page.screenshot({ path: `/tmp/e2e-digitization-${name}.png`, fullPage: true });
  }
}

export class OriginalsPage extends AntPage {
  async open(projectId: string, tab = "volumes"): Promise<void> {
    await this.page.goto(`/digitization/originals?project=${projectId}&tab=${tab}`);
    await this.page.locator(".ant-tabs-tab-active").waitFor();
  }

  // Volumes (Z-6.1, Z-6.2)

  async importVolumes(name: string, csv: string): Promise<void> {
    const before = await this.page.locator(".ant-message-success").count();
    await this.page.locator("input[type=file]").setInputFiles({
      name,
      mimeType: "text/csv",
      buffer: Buffer.from(`\ufeff${csv}`, "utf8"),
    });
    await this.waitForSuccess(before, "import the volume list");
  }

  volumeRow(referenceCode: string): Locator {
    return this.page.locator(".ant-table-tbody tr.ant-table-row", { hasText: referenceCode }).first();
  }

  async selectVolume(referenceCode: string): Promise<void> {
    await this.volumeRow(referenceCode).locator(".ant-checkbox-input").check();
  }

  async bulk(action: string): Promise<void> {
    await this.clickAndSucceed(this.page.getByRole("button", { name: action, exact: true }), action);
  }

  /** The agency's condition record of one volume (Z-6.4), from its row. */
  async recordCondition(referenceCode: string, stage: "接收时" | "归还时", condition: string): Promise<void> {
    await this.volumeRow(referenceCode).getByRole("button", { name: "记录状况" }).click();
    await this.pick("stage", stage);
    await this.pick("condition", condition);
    await this.clickAndSucceed(
      this.modal().locator(".ant-modal-footer .ant-btn-primary"),
      `record the condition (${stage})`,
    );
  }

  // Handover lists (Z-6.3, Z-8.1)

  listRow(code: string): Locator {
    return this.page.locator(".ant-table-tbody tr.ant-table-row", { hasText: code }).first();
  }

  async draftList(o: {
    direction: "出库移交" | "归还";
    clientHandler: string;
    agencyHandler: string;
    volume: string;
  }): Promise<void> {
    await this.page.getByRole("button", { name: "编制交接清单" }).click();
    await this.modal().locator("#direction").waitFor();
    await this.pick("direction", o.direction);
    await this.page.locator("#clientHandlerName").fill(o.clientHandler);
    await this.page.locator("#agencyHandlerName").fill(o.agencyHandler);
    await this.pick("volumeIds", o.volume);
    await this.clickAndSucceed(
      this.modal().locator(".ant-modal-footer .ant-btn-primary"),
      "draw up the list",
    );
  }

  drawer(): Locator {
    return this.page.locator(".ant-drawer-section:visible").last();
  }

  /** Opens a list's drawer and confirms it for the signed-in side. */
  async confirmList(code: string): Promise<void> {
    await this.listRow(code).click();
    await this.clickAndSucceed(this.page.getByTestId("confirm-list"), `confirm ${code}`);
  }

  async closeDrawer(): Promise<void> {
    await this.drawer().locator(".ant-drawer-close").click();
    await this.drawer().waitFor({ state: "hidden" });
  }

  // Batches and station handovers (Z-6.5, Z-7.2)

  async newBatch(code: string, title: string, volume: string): Promise<void> {
    await this.page.getByRole("button", { name: "新建批次" }).click();
    await this.modal().locator("#code").fill(code);
    await this.modal().locator("#title").fill(title);
    await this.pick("volumeIds", volume);
    await this.clickAndSucceed(
      this.modal().locator(".ant-modal-footer .ant-btn-primary"),
      "create the batch",
    );
  }

  async openBatch(code: string): Promise<void> {
    await this.page.locator(".ant-table-tbody tr.ant-table-row", { hasText: code }).first().click();
    await this.drawer().getByText("暂存（定库、定柜、定人）").waitFor();
  }

  async fixStorage(room: string, cabinet: string, custodian: string): Promise<void> {
    const d = this.drawer();
    await d.getByPlaceholder("库房").fill(room);
    await d.getByPlaceholder("档案柜").fill(cabinet);
    await this.pick(d.locator("#custodianPersonId"), custodian);
    await this.clickAndSucceed(d.getByRole("button", { name: "确定暂存" }), "fix the temporary storage");
  }

  async startBatch(): Promise<void> {
    await this.clickAndSucceed(this.drawer().getByRole("button", { name: "开始作业" }), "start the batch");
  }

  /** The station handover form in the batch drawer (Z-7.2). */
  async stationHandover(o: {
    from: string;
    to: string;
    volume: string;
    content: string;
    quantity: number;
    giver: string;
    receiver: string;
  }): Promise<void> {
    const d = this.drawer();
    await this.pick(d.locator("#from"), o.from);
    await this.pick(d.locator("#to"), o.to);
    await this.pick(d.locator("#volumeIds"), o.volume);
    await d.locator("#content").fill(o.content);
    await d.locator("#quantity").fill(String(o.quantity));
    await this.pick(d.locator("#giverPersonId"), o.giver);
    await this.pick(d.locator("#receiverPersonId"), o.receiver);
    await this.clickAndSucceed(
      d.locator("button[type=submit]", { hasText: "工位交接" }),
      `hand over ${o.from} → ${o.to}`,
    );
  }

  /** The board's column of a workstation (or "暂存"). */
  boardColumn(name: string): Locator {
    return this.page
      .getByTestId("workstation-board")
      .locator(":scope > .ant-col", { has: this.page.locator(".ant-card-head-title", { hasText: name }) });
  }

  // Return check (Z-8.1)

  returnCard(code: string): Locator {
    return this.page.locator(".ant-card.ant-card-small", {
      has: this.page.locator(".ant-card-head-title", { hasText: code }),
    });
  }
}

export class QcPages extends AntPage {
  async openDeliveries(projectId: string, batchId: string): Promise<void> {
    await this.page.goto(`/digitization/qc?project=${projectId}&tab=deliveries&batch=${batchId}`);
    await this.page.getByTestId("qc-upload").waitFor();
  }

  async upload(name: string, zip: Buffer): Promise<void> {
    const before = await this.page.locator(".ant-message-success").count();
    await this.page.locator("input[type=file]").setInputFiles({
      name,
      mimeType: "application/zip",
      buffer: zip,
    });
    await this.waitForSuccess(before, "upload the delivery");
  }

  async openDelivery(id: string, tab = "files"): Promise<void> {
    await this.page.goto(`/digitization/qc/deliveries/${id}?tab=${tab}`);
    await this.page.locator(".ant-tabs-tab-active").waitFor({ timeout: 30_000 });
  }
}

export class AcceptanceTab extends AntPage {
  async open(projectId: string): Promise<void> {
    await this.page.goto(`/projects/${projectId}/acceptance`);
    await this.item("quality").waitFor({ timeout: 20_000 });
  }

  item(key: string): Locator {
    return this.page.getByTestId(`acceptance-item-${key}`);
  }

  /** Whether the item shows as done (the green tick) rather than open. */
  async ok(key: string): Promise<boolean> {
    return (await this.item(key).locator(".anticon-check-circle").count()) > 0;
  }
}
