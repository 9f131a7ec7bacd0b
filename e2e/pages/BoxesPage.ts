// The box list (/boxes: "my boxes" for a client) and one box (/boxes/:id).
import type { Page } from "playwright-core";

export class BoxesPage {
  constructor(readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/boxes${query}`);
    await this.page.getByTestId("page-title").waitFor();
  }

  row(barcode: string) {
    return this.page.locator("main tbody tr", { hasText: barcode }).first();
  }

  async openBox(barcode: string): Promise<void> {
    await this.row(barcode).locator("a").first().click();
    await this.page.getByTestId("box-facts").waitFor();
  }

  location() {
    return this.page.getByTestId("box-location");
  }

  /** Movement kinds in the box's register, oldest first. */
  movements(): Promise<(string | null)[]> {
    return this.page
      .getByTestId("box-movements")
      .locator("[data-kind]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
  }
}
