// The intake batch list (/intake) and its "new batch" modal.
import type { Page } from "playwright-core";

export class IntakeListPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/intake");
    await this.page.getByTestId("page-title").waitFor();
  }

  /** Starts a batch on a project (part of its name) with one catalogue (part of its title). */
  async newBatch(project: string, title: string, catalogue: string): Promise<void> {
    await this.page.locator("main button.ant-btn-primary").click();
    const form = this.page.getByTestId("new-batch-form");
    await form.waitFor();
    await this.page.locator("#projectId").click();
    await this.option(project).click();
    await this.page.locator("#title").fill(title);
    await this.page.locator("#catalogueIds").click();
    await this.option(catalogue).click();
    await this.page.keyboard.press("Escape");
    await this.page.locator(".ant-modal-footer .ant-btn-primary").click();
    await this.page.waitForURL(/\/intake\/[0-9a-f-]{36}/);
  }

  private option(text: string) {
    return this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
        hasText: text,
      })
      .first();
  }
}
