// The audit log (/audit) and its hash-chain verification.
import type { Page } from "playwright-core";

export class AuditLogPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/audit");
    await this.page.locator("main table tbody tr[data-row-key]").first().waitFor();
  }

  async verifyChain(): Promise<void> {
    await this.page.getByTestId("verify-chain").click();
    await this.result().waitFor();
  }

  result() {
    return this.page.getByTestId("verify-result");
  }
}
