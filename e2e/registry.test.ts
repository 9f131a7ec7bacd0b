// Browser tests of the regulator's registry, filings and market view (G-7, G-12,
// G-5): a filing returned with questions, answered by the client and verified;
// the agency registry entry; a dumping price flagged. Screenshots to /tmp.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness.ts";

const DEPOSIT = "2026年度文书档案寄存托管";
const SHOTS = process.env.DANGAN_SHOTS ?? "/tmp";
let h: Harness;

describe("registry, filings and market in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("[G-7] returns a filing with questions, the client answers, the regulator verifies", async () => {
    const regulator = await h.signedIn("pudong.inspector");
    await regulator.goto("/filings");
    await regulator.getByRole("link", { name: /^BS-/ }).first().waitFor();
    await regulator.screenshot({ path: `${SHOTS}/h4-filings.png`, fullPage: true });
    await regulator
      .getByRole("row", { name: new RegExp(DEPOSIT) })
      .getByRole("link", { name: /^BS-/ })
      .click();
    await regulator.getByRole("button", { name: "退回补充" }).click();
    await regulator.getByRole("textbox", { name: "退回问题" }).fill("请补充移交清单");
    await regulator.getByRole("button", { name: /确\s*定|OK/ }).click();
    await regulator.getByText("已退回补充").first().waitFor();
    const url = regulator.url();

    const client = await h.signedIn("client.officer");
    await client.goto(new URL(url).pathname);
    await client.getByRole("button", { name: "答复并重新报送" }).click();
    await client.getByRole("textbox", { name: "答复" }).fill("已补充移交清单");
    await client.getByRole("button", { name: /确\s*定|OK/ }).click();
    await client.getByText("已补充移交清单").first().waitFor();

    await regulator.reload();
    await regulator.getByRole("button", { name: "核查通过" }).click();
    await regulator.getByText("核查通过").last().waitFor();
    await regulator.getByText("已核查").first().waitFor();
    await regulator.screenshot({ path: `${SHOTS}/h4-filing.png`, fullPage: true });
  });

  it("[G-12] shows the agency registry and an agency's entry with its standing history", async () => {
    const city = await h.signedIn("city.admin");
    await city.goto("/registry");
    await city.getByRole("link", { name: "上海记忆档案服务有限公司（演示）" }).click();
    await city.getByText("专项抽查发现库房消防设施不符合要求").waitFor();
    expect(await city.getByRole("button", { name: /恢\s*复/ }).count()).toBe(1);
    await city.screenshot({ path: `${SHOTS}/h4-agency.png`, fullPage: true });
    await city.goto("/registry");
    await city.screenshot({ path: `${SHOTS}/h4-registry.png`, fullPage: true });
  });

  it("[G-5] flags a dumping price in the market view, and shows the regulator's home", async () => {
    const city = await h.signedIn("city.inspector");
    await city.goto("/market");
    await city.getByText("疑似低价倾销").first().waitFor();
    await city.screenshot({ path: `${SHOTS}/h4-market.png`, fullPage: true });
    await city.goto("/");
    await city.getByText("待核查报送").waitFor();
    await city.screenshot({ path: `${SHOTS}/h4-home.png`, fullPage: true });
  });
});
