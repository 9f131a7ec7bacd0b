// One project (/projects/:id/:tab).
import type { Page } from "playwright-core";

export type ProjectTab = "overview" | "contract" | "ledger" | "attachments" | "confirmations" | "audit";

export class ProjectPage {
  constructor(readonly page: Page) {}

  /** The project id from the current URL. */
  idFromUrl(): string | undefined {
    return new URL(this.page.url()).pathname.match(/^\/projects\/([0-9a-f-]{36})/)?.[1];
  }

  async open(id: string, tab: ProjectTab = "overview"): Promise<void> {
    await this.page.goto(`/projects/${id}/${tab}`);
    await this.title().waitFor();
  }

  title() {
    return this.page.getByTestId("page-title");
  }

  status() {
    return this.page.locator("main [data-status]").first();
  }

  async openTab(label: string): Promise<void> {
    await this.page.locator(".ant-tabs-tab", { hasText: label }).click();
  }

  auditTrail() {
    return this.page.getByTestId("audit-trail");
  }

  /** Rows of the audit trail whose action tag is `action`, e.g. "project.created". */
  auditEvents(action: string) {
    return this.auditTrail().locator("tbody tr", { has: this.page.locator(`[data-action="${action}"]`) });
  }
}
