// One intake batch (/intake/:id): the steps bar, the next actions with their
// refusals, the step modal (people of both parties and the step's record),
// the tabs, the barcode field and the per-box task modal.
import type { Locator, Page } from "playwright-core";

export class IntakeBatchPage {
  constructor(readonly page: Page) {}

  idFromUrl(): string | undefined {
    return new URL(this.page.url()).pathname.match(/^\/intake\/([0-9a-f-]{36})/)?.[1];
  }

  async open(id: string, tab?: string): Promise<void> {
    await this.page.goto(`/intake/${id}${tab ? `?tab=${tab}` : ""}`);
    await this.page.getByTestId("intake-steps").waitFor();
  }

  /** The batch's current step (its state), from the header tag. */
  status(): Promise<string | null> {
    return this.page.locator("main [data-status]").first().getAttribute("data-status");
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page
      .locator(`main h3 ~ [data-status="${status}"], main .ant-tag[data-status="${status}"]`)
      .first()
      .waitFor();
  }

  action(action: string): Locator {
    return this.page.getByTestId("next-actions").locator(`[data-action="${action}"]`);
  }

  /** The clause tag under a blocked action. */
  blockedClause(action: string): Locator {
    return this.action(action).locator("[data-clause]");
  }

  /** Opens the step modal of an action. */
  async startStep(action: string): Promise<void> {
    await this.action(action).locator("button").click();
    await this.stepForm().waitFor();
  }

  stepForm(): Locator {
    return this.page.getByTestId("step-form");
  }

  /** Picks a person of one party in the open step modal. */
  async pickPerson(side: "client" | "agency", name: string): Promise<void> {
    await this.page.locator(`#${side}People`).click();
    await this.option(name).click();
    await this.page.keyboard.press("Escape");
  }

  /** An option of the select dropdown that is open now. */
  option(text: string): Locator {
    return this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
        hasText: text,
      })
      .first();
  }

  async confirmModal(): Promise<void> {
    await this.page
      .locator(".ant-modal-wrap:not([style*='display: none']) .ant-modal-footer .ant-btn-primary")
      .last()
      .click();
  }

  /** Confirms the step modal and waits for the batch to reach `next`. */
  async submitStep(next: string): Promise<void> {
    await this.confirmModal();
    await this.stepForm().waitFor({ state: "detached" });
    await this.page.locator(`main .ant-tag[data-status="${next}"]`).first().waitFor();
  }

  /** The refusal inside the open modal. */
  modalError(): Locator {
    return this.page.locator(".ant-modal [data-testid=error-alert]");
  }

  async openTab(key: string): Promise<void> {
    await this.page.locator(`.ant-tabs-tab[data-node-key="${key}"]`).click();
  }

  scanInput(): Locator {
    return this.page.getByTestId("scan-input");
  }

  /**
   * Types a barcode as a handheld scanner does: the characters, then Enter.
   * A closing modal hands focus back to its opener, so wait until the field
   * holds the whole code before the Enter.
   */
  async scan(barcode: string): Promise<void> {
    const input = this.scanInput();
    await input.click();
    await input.pressSequentially(barcode);
    await this.page.waitForFunction(
      ([sel, code]) => (document.querySelector(sel!) as HTMLInputElement | null)?.value === code,
      ['input[data-testid="scan-input"]', barcode] as const,
    );
    await input.press("Enter");
  }

  boxTask(task: string): Locator {
    return this.page.getByTestId(`box-task-${task}`);
  }

  /** The row of a box in the boxes tab. */
  boxRow(boxNo: string): Locator {
    return this.page.getByTestId("boxes-tab").locator("tbody tr", { hasText: boxNo }).first();
  }

  boxStatus(boxNo: string): Promise<string | null> {
    return this.boxRow(boxNo).locator("[data-status]").getAttribute("data-status");
  }
}
