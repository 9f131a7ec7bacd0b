// Two-factor sign-in in the browser (ASVS 2.8): set up from the account menu
// (QR code, key, confirmation code, recovery codes shown once), then the sign-in
// page's second step: a wrong code is refused in Chinese, a recovery code signs in.
import { base32Decode, totp } from "@dangan/domain";
import { DEMO_PASSWORD } from "@dangan/server/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/LoginPage.ts";
import { type Harness, startHarness } from "./support/harness.ts";

let h: Harness;

describe("two-factor sign-in in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("[ASVS 2.8.1, 2.2.4] sets up TOTP on the account page and asks for the second factor at sign-in", async () => {
    const page = await h.signedIn("client.leader");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "两步验证" }).click();
    const section = page.getByTestId("mfa-section");
    await section.getByText("未启用").waitFor();
    await section.getByRole("button", { name: "设置两步验证" }).click();
    await section.locator("canvas, svg").first().waitFor(); // the QR code
    const secret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByTestId("mfa-confirm-code").fill(totp(base32Decode(secret), Date.now()));
    await section.getByRole("button", { name: "确认并启用" }).click();
    const codes = ((await page.getByTestId("mfa-recovery-codes").textContent()) ?? "").match(
      /[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/g,
    );
    expect(codes).toHaveLength(8);
    await page.getByRole("button", { name: "我已保存" }).click();
    await section.getByText("已启用").waitFor();

    // A new visitor: the password, then the second step.
    const next = await h.visit();
    const login = new LoginPage(next);
    await next.locator("#username").fill("client.leader");
    await next.locator("#password").fill(DEMO_PASSWORD);
    await next.locator("button[type=submit]").click();
    const step = next.getByTestId("mfa-step");
    await step.waitFor();
    const wrong = totp(base32Decode(secret), Date.now()) === "000000" ? "111111" : "000000";
    await next.locator("#code").fill(wrong);
    await step.locator("button[type=submit]").click();
    await login.error().waitFor();
    expect(await login.error().textContent()).toContain("验证码错误");

    await step.getByText("改用恢复码").click();
    await next.locator("#recoveryCode").fill(codes?.[0] ?? "");
    await step.locator("button[type=submit]").click();
    await next.getByTestId("header-org").waitFor();
  });
});
