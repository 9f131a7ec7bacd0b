// The "register a project" form (/projects/new). Fields are found by their
// form ids (project_<field>), so the page object works in either language.
import type { Page } from "playwright-core";

export interface ProjectInput {
  name: string;
  /** The service type's label as shown, e.g. "档案寄存托管". */
  serviceTypeLabel: string;
  /** Part of the agency's name. */
  agency: string;
  nationalScope?: boolean;
  leader: string;
  department: string;
}

export class NewProjectPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/projects/new");
    await this.page.locator("#project_name").waitFor();
  }

  async fill(p: ProjectInput): Promise<void> {
    await this.page.locator("#project_name").fill(p.name);
    await this.page.locator("#project_serviceType").getByText(p.serviceTypeLabel, { exact: true }).click();
    await this.page.locator("#project_agencyOrgId").click();
    await this.page.locator(".ant-select-item-option", { hasText: p.agency }).click();
    if (p.nationalScope) await this.page.locator("#project_hasNationalScope").click();
    await this.page.locator("#project_responsibleLeader").fill(p.leader);
    await this.page.locator("#project_responsibleDepartment").fill(p.department);
  }

  async submit(): Promise<void> {
    await this.page.locator("form#project button[type=submit]").click();
  }

  /** The refusal shown on the form. */
  error() {
    return this.page.getByTestId("error-alert");
  }

  /** The clause tag inside the refusal, linking to the clause page. */
  errorClause(id: string) {
    return this.error().locator(`a[data-clause="${id}"]`);
  }
}
