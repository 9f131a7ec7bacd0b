import { DEMO_PASSWORD } from "@dangan/server/demo";
import type { Page } from "playwright-core";

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/login");
    await this.page.locator("#username").waitFor();
  }

  /** Signs in and waits for the signed-in frame (the header's organisation name). */
  async signIn(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.locator("#username").fill(username);
    await this.page.locator("#password").fill(password);
    await this.page.locator("button[type=submit]").click();
    await this.page.getByTestId("header-org").waitFor();
  }

  error() {
    return this.page.getByTestId("error-alert");
  }
}
