// Browser walk of one digitization volume from handover to acceptance, as the
// client officer and the agency's digit.manager in two browser contexts, on the
// demo project "基建档案数字化加工（一期）" but with a volume and a batch of its
// own: the client imports and screens the volume and unshelves it (Z-6.1,
// Z-6.2); a handover list is drawn up and confirmed by both sides (Z-6.3); the
// agency records its condition (Z-6.4), puts it in a batch with fixed temporary
// storage (Z-6.5) and hands it to the scanning workstation and back (Z-7.2);
// a delivery of its images is checked and the client's sampled review accepts
// the batch (Z-7.4); the agency returns it on a list both confirm and the
// client checks the return against the handover list and closes it (Z-8.1);
// the project's acceptance tab lists the Z-8.2 items with what is still open
// (the demo's own batch, stopped volume, devices and media), so it cannot pass.
//
// Screenshots of each page go to /tmp/e2e-digitization-*.png.
import { crc32 } from "node:zlib";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AcceptanceTab, OriginalsPage, QcPages } from "./pages/digitizationPages.ts";
import { type Harness, startHarness } from "./support/harness.ts";

const PROJECT = "基建档案数字化加工（一期）";
const CODE = "Z109-KJ·2010-Y-JJ-0901";
const TITLE = "浏览器测试：综合办公楼消防验收文件";
const LABEL = `${CODE} ${TITLE}`;
const BATCH = "B-E2E";
const PAGES = 2;
const POLL = { timeout: 20_000, interval: 250 };

/** A small generated page: 200×280 px at 300 dpi, LZW TIFF (as the QC demo makes them). */
async function tiff(seed: number): Promise<Buffer> {
  const lines = Array.from(
    { length: 14 },
    (_, i) =>
      `<rect x="24" y="${30 + i * 16}" width="${90 + ((seed * 37 + i * 53) % 60)}" height="5" fill="#222"/>`,
  ).join("");
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="280"><rect width="100%" height="100%" fill="#fbfaf5"/>${lines}` +
      `<circle cx="150" cy="240" r="18" fill="none" stroke="#c00" stroke-width="4"/></svg>`,
  );
  return sharp(svg)
    .flatten({ background: "#ffffff" })
    .tiff({ compression: "lzw", xres: 300 / 25.4, yres: 300 / 25.4 })
    .toBuffer();
}

/** A stored (uncompressed) zip with UTF-8 names: enough for a delivery. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(0x0314, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

let h: Harness;
let client: Page;
let agency: Page;
let c: OriginalsPage;
let a: OriginalsPage;
let projectId: string;
let volumeId: string;
let batchId: string;
let outCode: string;
let deliveryId: string;

const get = async (page: Page, url: string) => {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return res.json();
};
const volume = async () =>
  (await get(client, `/api/digitization/volumes/${volumeId}/chain`)).volume as {
    status: string;
    screening: string;
    currentWorkstationId: string | null;
  };
const lists = async () =>
  (await get(client, `/api/digitization/projects/${projectId}/handover-lists`)).items as {
    id: string;
    code: string;
    direction: string;
    status: string;
  }[];
/** The newest list of a direction that holds our volume. */
const ourList = async (direction: "to_agency" | "to_client") => {
  for (const l of (await lists()).filter((x) => x.direction === direction).reverse()) {
    const d = await get(client, `/api/digitization/handover-lists/${l.id}`);
    if (d.lines.some((x: { volumeId: string }) => x.volumeId === volumeId)) return l;
  }
  return undefined;
};

describe("one digitization volume from handover to acceptance in the browser", () => {
  beforeAll(async () => {
    h = await startHarness();
    client = await h.signedIn("client.officer");
    agency = await h.signedIn("digit.manager");
    c = new OriginalsPage(client);
    a = new OriginalsPage(agency);
    const projects = await get(client, "/api/projects?serviceType=digitization&pageSize=100");
    projectId = projects.items.find((p: { name: string }) => p.name === PROJECT).id;
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("[Z-6.1] [Z-6.2] the client imports the volume list, screens the volume as cleared and unshelves it", async () => {
    await c.open(projectId, "volumes");
    await c.importVolumes("待数字化案卷清单.csv", `档号,题名,件数,页数\r\n${CODE},${TITLE},3,${PAGES}\r\n`);
    const row = c.volumeRow(CODE);
    await row.waitFor();
    expect(await row.textContent()).toContain("待筛查");
    const found = await get(
      client,
      `/api/digitization/projects/${projectId}/volumes?q=${encodeURIComponent(CODE)}`,
    );
    volumeId = found.items[0].id;

    await c.selectVolume(CODE);
    await c.bulk("筛查：不涉密");
    await expect.poll(async () => (await volume()).screening, POLL).toBe("cleared");
    await row.getByText("不涉密").waitFor();
    await c.selectVolume(CODE);
    await c.bulk("调档下架");
    await expect.poll(async () => (await volume()).status, POLL).toBe("unshelved");
    await row.getByText("已下架").waitFor();
    await c.screenshot("1-volumes");
  });

  it("[Z-6.3] the client and the agency confirm the handover list", async () => {
    await c.open(projectId, "lists");
    await c.draftList({ direction: "出库移交", clientHandler: "陈静", agencyHandler: "郭亮", volume: LABEL });
    outCode = (await ourList("to_agency"))!.code;
    expect(outCode).toMatch(/^JJ-/);
    await c.listRow(outCode).getByText("待双方确认").waitFor();
    await c.confirmList(outCode);
    await client.getByTestId("confirm-list").waitFor({ state: "detached" });
    expect(await c.drawer().textContent()).toContain(CODE);
    await c.screenshot("2-handover-list-client");
    await c.closeDrawer();

    await a.open(projectId, "lists");
    await a.confirmList(outCode);
    await a.drawer().getByText("双方已确认").waitFor();
    const confirmations = await a.drawer().locator(".ant-descriptions").textContent();
    expect(confirmations).toContain("周红");
    expect(confirmations).toContain("郭亮");
    await a.screenshot("3-handover-list-confirmed");
    await a.closeDrawer();
    await expect.poll(async () => (await volume()).status, POLL).toBe("at_agency");
  });

  it("[Z-6.4] [Z-6.5] the agency records the condition on receipt, batches the volume and fixes its temporary storage", async () => {
    await a.open(projectId, "volumes");
    await a.volumeRow(CODE).getByText("在机构").waitFor();
    await a.recordCondition(CODE, "接收时", "完好");

    await a.open(projectId, "batches");
    await a.newBatch(BATCH, "浏览器测试批次", LABEL);
    const batches = await get(agency, `/api/digitization/projects/${projectId}/batches`);
    batchId = batches.items.find((b: { code: string }) => b.code === BATCH).id;
    await a.openBatch(BATCH);
    await a.fixStorage("B1-03 暂存室", "A-09 档案柜", "郭亮");
    await a.drawer().getByText("A-09 档案柜").first().waitFor();
    await a.startBatch();
    await a.drawer().getByText("作业中").waitFor();
    await a.screenshot("4-batch");
  });

  it("[Z-7.2] the volume moves to the scanning workstation by a recorded handover and shows on the board", async () => {
    await a.stationHandover({
      from: "暂存",
      to: "扫描工位",
      volume: CODE,
      content: "消防验收文件 1 卷，待扫描",
      quantity: 1,
      giver: "郭亮",
      receiver: "罗佳",
    });
    await expect.poll(async () => (await volume()).currentWorkstationId, POLL).not.toBeNull();
    await a
      .drawer()
      .locator(".ant-table-tbody tr", { hasText: CODE })
      .getByText("扫描工位")
      .first()
      .waitFor();

    await a.open(projectId, "board");
    const scanning = a.boardColumn("扫描工位");
    await scanning.getByText(CODE).waitFor();
    await a.screenshot("5-board");
  });

  it("[Z-7.4] a delivery of the volume's images is checked and the client's sampled review accepts the batch", async () => {
    // The agency hands in the images as a zip through the upload button.
    const files = [];
    for (let n = 1; n <= PAGES; n++)
      files.push({ name: `${CODE}/${CODE}-000${n}.tif`, data: await tiff(100 + n) });
    const qc = new QcPages(agency);
    await qc.openDeliveries(projectId, batchId);
    await qc.upload(`${BATCH}-第1次交付.zip`, zip(files));
    const row = agency.locator(".ant-table-tbody tr.ant-table-row", { hasText: `${BATCH} · 1` }).first();
    await row.waitFor();
    const listed = await get(agency, `/api/digitization-qc/deliveries?batchId=${batchId}`);
    deliveryId = listed.items[0].id;
    await expect
      .poll(async () => (await get(agency, `/api/digitization-qc/deliveries/${deliveryId}`)).status, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe("checked");
    await qc.screenshot("6-qc-deliveries");

    // The client draws the sample, looks at each image and decides the batch.
    const review = new QcPages(client);
    await review.openDelivery(deliveryId, "sample");
    await review.clickAndSucceed(client.getByTestId("qc-draw"), "draw the sample");
    const items = client.getByTestId("qc-sample-item");
    await items.first().waitFor();
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      await items.nth(i).click();
      await client.getByTestId("qc-preview").waitFor();
      // Marking an image reviewed shows no message: its tag in the list does.
      await client.getByTestId("qc-reviewed").click();
      await items.nth(i).getByText("已审核").waitFor({ timeout: 20_000 });
    }
    await review.screenshot("7-qc-sample");
    await review.clickAndSucceed(client.getByRole("button", { name: "判定通过" }), "accept the batch");
    await client.locator(".ant-alert-success").first().waitFor();
    const sample = await get(client, `/api/digitization-qc/deliveries/${deliveryId}/sample`);
    expect(sample.sample.verdict).toBe("accepted");
    await review.screenshot("8-qc-accepted");
  });

  it("[Z-8.1] the agency returns the volume on a list both confirm, and the client checks the return and closes the handover", async () => {
    // Back from the scanning workstation to temporary storage (Z-7.2), then the condition on return (Z-6.4).
    await a.open(projectId, "batches");
    await a.openBatch(BATCH);
    await a.stationHandover({
      from: "扫描工位",
      to: "暂存",
      volume: CODE,
      content: "消防验收文件 1 卷，扫描完成交回暂存",
      quantity: 1,
      giver: "罗佳",
      receiver: "郭亮",
    });
    await expect.poll(async () => (await volume()).currentWorkstationId, POLL).toBeNull();
    await a.open(projectId, "volumes");
    await a.recordCondition(CODE, "归还时", "完好");

    await a.open(projectId, "lists");
    await a.draftList({ direction: "归还", clientHandler: "陈静", agencyHandler: "郭亮", volume: LABEL });
    const back = (await ourList("to_client"))!;
    expect(back.code).toMatch(/^GH-/);
    await a.confirmList(back.code);
    await a.closeDrawer();
    await c.open(projectId, "lists");
    await c.confirmList(back.code);
    await c.drawer().getByText("双方已确认").waitFor();
    await c.closeDrawer();
    await expect.poll(async () => (await volume()).status, POLL).toBe("returned");

    await c.open(projectId, "return");
    const card = c.returnCard(outCode);
    await card.waitFor();
    await card.getByText(CODE).waitFor();
    await c.clickAndSucceed(card.getByRole("button", { name: "保存核对结果" }), "save the return check");
    await c.clickAndSucceed(card.getByRole("button", { name: "办理归还注销" }), "close the handover");
    await expect.poll(async () => (await ourList("to_agency"))?.status, POLL).toBe("closed");
    await card.getByText("已注销").waitFor();
    // Our list is no longer among the open points; the demo's are.
    const points = client.locator(".ant-card.ant-card-small", { hasText: "未完成事项" }).first();
    expect(await points.textContent()).not.toContain(outCode);
    await c.screenshot("9-return");

    await client.goto(`/digitization/volumes/${volumeId}`);
    await client.getByText(`案卷交接链：${CODE}`).waitFor();
    for (const ev of ["委托方调档下架", "出库交接清单", "工位交接", "归还交接清单"])
      await client.getByText(ev).first().waitFor();
    await c.screenshot("10-chain");
  });

  it("[Z-8.2] the acceptance tab lists the Z-8.2 items and what is still open, so it cannot pass yet", async () => {
    const tab = new AcceptanceTab(client);
    await tab.open(projectId);
    for (const key of ["devices", "media_handover", "cctv_recordings", "originals_returned", "quality"])
      await tab.item(key).waitFor();
    for (const clause of ["Z-8.3", "Z-7.7", "Z-5.5", "Z-8.1", "Z-7.4"])
      expect(await client.locator(`main [data-testid^=acceptance-item-]`).allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(clause)]),
      );
    // Our batch passed QC and our volume came back: neither is open any more.
    const quality = (await tab.item("quality").textContent())!;
    expect(quality).not.toContain(BATCH);
    expect(quality).toContain("B-001");
    const originals = (await tab.item("originals_returned").textContent())!;
    expect(originals).not.toContain(CODE);
    expect(originals).not.toContain(outCode);
    expect(originals).toMatch(/原件未归还|暂停未处理/);
    expect(await tab.ok("originals_returned")).toBe(false);
    expect(await tab.ok("quality")).toBe(false);
    // With items open, "验收通过" stays disabled.
    expect(await client.getByTestId("acceptance-pass").isDisabled()).toBe(true);
    await tab.screenshot("11-acceptance");
  });
});
