// The signed-in frame: header, side menu, language switch.
import type { Page } from "playwright-core";

export class AppShell {
  constructor(readonly page: Page) {}

  orgName() {
    return this.page.getByTestId("header-org");
  }

  menu() {
    return this.page.locator(".ant-layout-sider .ant-menu");
  }

  menuItem(text: string) {
    return this.menu().locator(".ant-menu-item", { hasText: text });
  }

  async switchLanguage(label: "中文" | "EN"): Promise<void> {
    await this.page.getByTestId("lang-switch").getByText(label, { exact: true }).click();
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator("html").getAttribute("lang");
  }
}
