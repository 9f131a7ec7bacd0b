// The clause catalogue (/clauses) and a clause's page (/clauses/:id).
import type { Page } from "playwright-core";

export class ClausesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/clauses");
    await this.page.locator(".clause-card").first().waitFor();
  }

  async search(text: string): Promise<void> {
    const box = this.page.locator("main .ant-input-search input").first();
    await box.fill(text);
    await box.press("Enter");
  }

  card(id: string) {
    return this.page.locator(`.clause-card[data-clause-id="${id}"]`);
  }

  async openClause(id: string): Promise<void> {
    await this.card(id).locator(`a[href="/clauses/${id}"]`).click();
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByTestId("clause-id");
  }
}
