// Browser tests of oversight: the audit hash chain and the clause catalogue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLogPage } from "./pages/AuditLogPage.ts";
import { ClausesPage } from "./pages/ClausesPage.ts";
import { type Harness, startHarness } from "./support/harness.ts";

let h: Harness;

describe("oversight in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("verifies the audit hash chain from the audit log page and reports it intact", async () => {
    const page = await h.signedIn("city.admin");
    const audit = new AuditLogPage(page);
    await audit.open();
    await audit.verifyChain();
    const result = audit.result();
    expect(await result.getAttribute("data-ok")).toBe("true");
    const text = await result.textContent();
    expect(text).toContain("哈希链完整");
    expect(text).toMatch(/共校验 \d+ 条事件/);
    expect(text).toMatch(/#\d+ [0-9a-f]{64}/);
  });

  it("[G-8] browses the published clause catalogue down to D-9.9", async () => {
    const page = await h.signedIn("pudong.inspector");
    const clauses = new ClausesPage(page);
    await clauses.open();
    await clauses.search("D-9.9");
    await clauses.card("D-9.9").waitFor();
    await expect.poll(() => page.locator(".clause-card").count()).toBe(1);

    await clauses.openClause("D-9.9");
    expect(await clauses.heading().textContent()).toBe("D-9.9");
    expect(new URL(page.url()).pathname).toBe("/clauses/D-9.9");
    expect(await page.locator("main").textContent()).toContain("平台职责");
  });
});
