// One server and one browser per test file; each page gets a fresh browser
// context (no cookies, no stored language), as a new visitor would.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { LoginPage } from "../pages/LoginPage.ts";
import { launchBrowser, newContext } from "./browser.ts";
import { startTestServer, type TestServer } from "./server.ts";

export interface Harness {
  server: TestServer;
  browser: Browser;
  /** A page in a fresh context, on the sign-in page. */
  visit(): Promise<Page>;
  /** A page in a fresh context, signed in as a demo user. */
  signedIn(username: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startTestServer();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];

  const visit = async () => {
    const context = await newContext(browser, server.url);
    contexts.push(context);
    const page = await context.newPage();
    await new LoginPage(page).open();
    return page;
  };

  return {
    server,
    browser,
    visit,
    async signedIn(username) {
      const page = await visit();
      await new LoginPage(page).signIn(username);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}
