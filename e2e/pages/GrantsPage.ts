// Written grants (/grants): the list with issue and print, and the new-grant
// modal (project, grantee, modes, purpose, validity, picked items).
import type { Locator, Page } from "playwright-core";

export interface GrantDraft {
  project: string;
  grantee: string;
  idNumber: string;
  purpose: string;
  from: string;
  to: string;
  items: string[];
}

export class GrantsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/grants");
    await this.page.locator(".ant-table-row, .ant-empty").first().waitFor();
  }

  row(text: string): Locator {
    return this.page.locator(".ant-table-row", { hasText: text });
  }

  /** An option of the select dropdown that is open now. */
  private option(text: string): Locator {
    return this.page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
        hasText: text,
      })
      .first();
  }

  async draft(g: GrantDraft): Promise<void> {
    await this.page.getByRole("button", { name: "新建授权" }).click();
    const modal = this.page.locator(".ant-modal");
    await modal.locator("#projectId").click();
    await this.option(g.project).click();
    await modal.locator("#granteeName").fill(g.grantee);
    await modal.locator("#granteeIdNumber").fill(g.idNumber);
    await modal.locator("#purpose").fill(g.purpose);
    const range = modal.locator(".ant-picker-range input");
    await range.first().click();
    await range.first().fill(g.from);
    await range.first().press("Enter");
    await range.nth(1).fill(g.to);
    await range.nth(1).press("Enter");
    const search = modal.getByPlaceholder("档号、题名或盒号");
    for (const item of g.items) {
      await search.fill(item);
      await search.press("Enter");
      await modal.locator(".ant-table-row", { hasText: item }).locator("input[type=checkbox]").check();
    }
    await modal.getByRole("button", { name: /保\s*存/ }).click();
    await modal.waitFor({ state: "hidden" });
  }

  /** Issues the grant of the row (the client confirms its digest). */
  async issue(grantee: string): Promise<void> {
    const row = this.row(grantee);
    await row.getByRole("button", { name: "签发并确认" }).click();
    await row.locator(".ant-tag", { hasText: "有效" }).waitFor();
  }
}
