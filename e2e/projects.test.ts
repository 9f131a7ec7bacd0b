// Browser tests of the client's work: signing in, registering projects, the
// G-3 refusal on the form, the language switch and the project's audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppShell } from "./pages/AppShell.ts";
import { LoginPage } from "./pages/LoginPage.ts";
import { NewProjectPage } from "./pages/NewProjectPage.ts";
import { ProjectPage } from "./pages/ProjectPage.ts";
import { type Harness, startHarness } from "./support/harness.ts";

const CLIENT = "上海申城建设集团有限公司（演示）";
const CUSTODY_AGENCY = "上海安存档案寄存托管有限公司";
const FOREIGN_AGENCY = "华美国际档案服务";

let h: Harness;

describe("client projects in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("[G-4] signs in to the Chinese UI and lands in the client's own workspace", async () => {
    const page = await h.visit();
    const shell = new AppShell(page);
    expect(await shell.htmlLang()).toBe("zh-CN");
    expect(await page.locator("button[type=submit]").textContent()).toMatch(/登\s*录/);

    await new LoginPage(page).signIn("client.officer");
    expect(await shell.orgName().textContent()).toBe(CLIENT);
    await shell.menuItem("本单位外包项目").waitFor();
    await page.getByRole("heading", { name: "委托方工作台" }).waitFor();
  });

  it("refuses a wrong password in Chinese", async () => {
    const page = await h.visit();
    const login = new LoginPage(page);
    await page.locator("#username").fill("client.officer");
    await page.locator("#password").fill("not-the-password");
    await page.locator("button[type=submit]").click();
    await login.error().waitFor();
    expect(await login.error().textContent()).toContain("用户名或密码错误");
  });

  it("[G-2][G-4] registers a custody project with a registered agency", async () => {
    const page = await h.signedIn("client.officer");
    const form = new NewProjectPage(page);
    await form.open();
    await form.fill({
      name: "浏览器测试：文书档案寄存",
      serviceTypeLabel: "档案寄存托管",
      agency: CUSTODY_AGENCY,
      leader: "吴志强",
      department: "档案室",
    });
    await form.submit();

    const project = new ProjectPage(page);
    await expect.poll(() => project.idFromUrl()).toMatch(/^[0-9a-f-]{36}$/);
    // The project page is a lazily loaded chunk: give it longer than expect.poll's 1 s default.
    await expect
      .poll(() => project.title().textContent(), { timeout: 20_000 })
      .toBe("浏览器测试：文书档案寄存");
    expect(await project.status().textContent()).toBe("草拟");
  });

  it("[G-3] shows the refusal of a national-scope project to a foreign-backed agency", async () => {
    const page = await h.signedIn("client.officer");
    const form = new NewProjectPage(page);
    await form.open();
    await form.fill({
      name: "国家档案馆收集范围内档案寄存",
      serviceTypeLabel: "档案寄存托管",
      agency: FOREIGN_AGENCY,
      nationalScope: true,
      leader: "吴志强",
      department: "档案室",
    });
    await form.submit();

    await form.error().waitFor();
    const clause = form.errorClause("G-3");
    await clause.waitFor();
    expect(await clause.textContent()).toContain("G-3");
    expect(await clause.getAttribute("href")).toBe("/clauses/G-3");
    expect(await form.error().textContent()).toContain("不得委托给具有外资背景的机构");
    expect(await form.error().getAttribute("data-code")).toBe("NATIONAL_SCOPE_FOREIGN_AGENCY");
    expect(new URL(page.url()).pathname).toBe("/projects/new");
  });

  it("switches the whole UI to en-US and keeps the choice after a reload", async () => {
    const page = await h.signedIn("client.officer");
    const shell = new AppShell(page);
    await shell.switchLanguage("EN");
    await expect.poll(() => shell.htmlLang()).toBe("en-US");
    await shell.menuItem("Our projects").waitFor();
    await page.getByRole("heading", { name: "Client overview" }).waitFor();

    await page.reload();
    await shell.menuItem("Our projects").waitFor();
    expect(await shell.htmlLang()).toBe("en-US");
    expect(await shell.menu().textContent()).not.toMatch(/[\u4e00-\u9fff]/);

    await shell.switchLanguage("中文");
    await shell.menuItem("本单位外包项目").waitFor();
  });

  it("[G-4] shows a new project's audit trail with its creation event and who did it", async () => {
    const page = await h.signedIn("client.officer");
    const form = new NewProjectPage(page);
    await form.open();
    await form.fill({
      name: "审计轨迹测试项目",
      serviceTypeLabel: "档案寄存托管",
      agency: CUSTODY_AGENCY,
      leader: "吴志强",
      department: "档案室",
    });
    await form.submit();
    const project = new ProjectPage(page);
    await expect.poll(() => project.idFromUrl()).toMatch(/^[0-9a-f-]{36}$/);

    await project.openTab("审计轨迹");
    const created = project.auditEvents("project.created");
    await created.first().waitFor();
    expect(await created.count()).toBe(1);
    const row = await created.first().textContent();
    expect(row).toContain("登记项目");
    expect(row).toContain("周红");
    expect(row).toContain("审计轨迹测试项目");
  });
});
