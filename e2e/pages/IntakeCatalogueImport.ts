// The catalogue import page (/projects/:id/catalogues/import) as the intake
// test uses it: upload a CSV and wait until the import succeeded.
import type { Page } from "playwright-core";

export class IntakeCatalogueImport {
  constructor(readonly page: Page) {}

  async importCsv(projectId: string, title: string, csv: string): Promise<void> {
    await this.page.goto(`/projects/${projectId}/catalogues/import`);
    await this.page.locator("input[type=file]").setInputFiles({
      name: `${title}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(`\ufeff${csv}`, "utf8"),
    });
    await this.page.locator("#title").fill(title);
    await this.page.locator("main button[type=submit]").click();
    await this.page
      .locator('[data-testid="import-progress"][data-status="succeeded"]')
      .waitFor({ timeout: 30_000 });
  }
}
