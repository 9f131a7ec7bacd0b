// Page objects for oversight: the yearly plan, an inspection and a rectification order.
import type { Page } from "playwright-core";

export class SpotCheckPlans {
  constructor(readonly page: Page) {}

  async draw(rate: number, seed: string): Promise<void> {
    await this.page.goto("/oversight?tab=plans");
    await this.page.locator("input#rate").fill(String(rate));
    await this.page.locator("input#seed").fill(seed);
    await this.page.getByTestId("draw-plan").click();
    await this.page.getByTestId("plan-seed-value").waitFor();
  }

  /** Starts the spot inspection of the first sampled project that has none. */
  async startFirstSpot(): Promise<void> {
    await this.page.locator('[data-testid^="start-spot-"]').first().click();
    await this.page.getByTestId("complete-inspection").waitFor();
  }
}

export class InspectionView {
  constructor(readonly page: Page) {}

  async addFinding(clause: string, description: string): Promise<void> {
    await this.page.getByTestId("finding-clause").click();
    await this.page.keyboard.type(clause);
    await this.page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
    await this.page.getByTestId("finding-description").fill(description);
    await this.page.getByTestId("add-finding").click();
    await this.page.getByTestId("issue-order").first().waitFor();
  }

  async orderRectification(requirement: string): Promise<void> {
    await this.page.getByTestId("issue-order").first().click();
    await this.page.getByTestId("order-requirement").fill(requirement);
    await this.page.locator(".ant-modal:visible .ant-btn-primary").click();
    await this.page.getByTestId("order-status").waitFor();
  }
}

export class RectificationView {
  constructor(readonly page: Page) {}

  async open(id: string): Promise<void> {
    await this.page.goto(`/oversight/rectifications/${id}`);
    await this.page.getByTestId("order-status").waitFor();
  }

  status() {
    return this.page.getByTestId("order-status");
  }

  async uploadEvidence(filename: string, content: Buffer): Promise<void> {
    await this.page
      .locator("input[type=file]")
      .setInputFiles({ name: filename, mimeType: "application/pdf", buffer: content });
    await this.page.getByTestId("attachments").getByText(filename).waitFor();
  }

  async respond(text: string): Promise<void> {
    await this.page.getByTestId("order-response").fill(text);
    await this.page.getByTestId("submit-response").click();
  }

  async accept(note: string): Promise<void> {
    await this.page.getByTestId("decision-note").fill(note);
    await this.page.getByTestId("accept-order").click();
  }
}
