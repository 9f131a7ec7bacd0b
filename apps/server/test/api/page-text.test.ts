// Full text of digitized pages (Z-7.4 deliveries, D-10.1/D-10.2 use) through the
// HTTP API: a checked QC delivery of generated Chinese pages is read by the
// background OCR job (one page at a time, progress polled, the server still
// answering), its pages are found by a two-character word in the client's own
// scope only, and a volume comes back as a searchable PDF whose invisible text
// layer poppler extracts (DA/T 31 allows PDF access copies).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { renderPage } from "../support/marked-pages.ts";
import { multipart, zip } from "../support/qc-archives.ts";

let t: TestApp;
let agency: Client;
let officer: Client;
let inspector: Client;
let stranger: Client;
let otherClient: Client;
let projectId: string;
let batchId: string;
let deliveryId: string;
const V1 = "Z109-KJ·2008-Y-JJ-0001";
const V2 = "Z109-KJ·2008-Y-JJ-0002";
const TITLES: Record<string, string> = {
  [`${V1}/${V1}-0001.tif`]: "关于开展档案数字化质量检查的函",
  [`${V1}/${V1}-0002.tif`]: "关于加强机关档案安全管理的意见",
  [`${V2}/${V2}-0001.tif`]: "关于印发城市更新项目管理办法的通知",
};
const dir = mkdtempSync(join(tmpdir(), "page-text-"));

async function tiffPage(title: string, seed: number) {
  const p = await renderPage(
    {
      dpi: 200,
      mark: null,
      font: "WenQuanYi Micro Hei",
      markPt: 16,
      colour: "black",
      place: "top-left",
      rotateDeg: 0,
      noise: 0,
      title,
      letterhead: false,
    },
    seed,
  );
  return sharp(p.png)
    .tiff({ compression: "lzw", xres: 200 / 25.4, yres: 200 / 25.4 })
    .toBuffer();
}

const status = async (as: Client, id = deliveryId) => {
  const r = await as.get(`/api/digitization-qc/deliveries/${id}/page-text`);
  return r;
};

describe(`full text of QC deliveries (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    agency = await t.as("digit.manager");
    officer = await t.as("client.officer");
    inspector = await t.as("city.inspector");
    stranger = await t.as("custody.manager");
    otherClient = await t.as("client2.officer");
    const b = await t.services.db
      .selectFrom("digitizationBatch")
      .select(["id", "projectId"])
      .where("code", "=", "B-001")
      .executeTakeFirstOrThrow();
    batchId = b.id;
    projectId = b.projectId;
    // The demo's own delivery (pages without text) is read first; let it finish.
    await t.services.digitizationQc.deliveries.idle();
    await t.services.pageText.idle();
  }, 120_000);
  afterAll(() => t.close());

  it("[Z-7.4] the demo's own delivery has words to find", async () => {
    const demo = await officer.get(`/api/page-text/search?q=${encodeURIComponent("移交清单")}`);
    expect(
      demo.body.items.map((i: { referenceCode: string; seq: number }) => [i.referenceCode, i.seq]),
    ).toEqual([["Z109-KJ·2008-Y-JJ-0001", 1]]);
  });

  it("[Z-7.4] reads every image page of a checked delivery in a background job with progress, the server still answering", async () => {
    const files: Record<string, Buffer> = {
      "catalogue.csv": Buffer.from(`档号,页数\n${V1},2\n${V2},1\n`),
    };
    let seed = 1;
    for (const [path, title] of Object.entries(TITLES)) files[path] = await tiffPage(title, seed++);
    // A state PDF is delivered too: it is not OCR'd.
    files[`${V2}/${V2}-0002.pdf`] = Buffer.from("%PDF-1.4\n% not really a page\n%%EOF\n");
    const m = multipart(
      "B-001-全文.zip",
      zip(Object.entries(files).map(([name, data]) => ({ name, data, deflate: true }))),
    );
    const up = await agency.request({
      method: "POST",
      url: `/api/digitization-batches/${batchId}/deliveries`,
      payload: m.payload,
      headers: m.headers,
    });
    expect(up.statusCode).toBe(202);
    deliveryId = up.json().id;
    await t.services.digitizationQc.deliveries.idle();
    expect((await agency.get(`/api/digitization-qc/deliveries/${deliveryId}`)).body.status).toBe("checked");

    // The job was queued when the delivery became checked; poll it as the page does.
    const seen: { status: string; processed: number; total: number }[] = [];
    let slowest = 0;
    for (let i = 0; i < 600; i++) {
      const started = performance.now();
      const r = await status(officer);
      slowest = Math.max(slowest, performance.now() - started);
      expect(r.status).toBe(200);
      const job = r.body.job;
      expect(job).not.toBeNull();
      seen.push({ status: job.status, processed: job.processedPages, total: job.totalPages });
      if (job.status === "done" || job.status === "failed") break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const last = seen.at(-1)!;
    expect(last).toEqual({ status: "done", processed: 3, total: 3 });
    expect(seen.some((s) => s.status === "running" && s.processed < 3)).toBe(true);
    for (const s of seen) expect(s.processed).toBeLessThanOrEqual(Math.max(s.total, 0) || 3);
    // One page at a time on one worker thread: a status request never waits for a page (~2 s).
    expect(slowest).toBeLessThan(2500);

    const st = await status(officer);
    expect(st.body).toMatchObject({ imagePages: 3, pagesWithText: 3, deliveryStatus: "checked" });
    expect(st.body.job).toMatchObject({ failedPages: 0, engine: expect.stringContaining("PP-OCRv4") });
    expect(st.body.permissions.start).toBe(false); // the client reads; the agency starts
    expect((await status(agency)).body.permissions.start).toBe(true);

    const rows = await t.services.db
      .selectFrom("pageText as pt")
      .innerJoin("digitizationDeliveryFile as f", "f.id", "pt.fileId")
      .select(["f.path", "pt.text", "pt.textBigrams", "pt.readMs", "pt.referenceCode", "pt.seq", "pt.lines"])
      .where("pt.deliveryId", "=", deliveryId)
      .orderBy("f.path")
      .execute();
    expect(rows.map((r) => r.path)).toEqual(Object.keys(TITLES).sort());
    for (const r of rows) {
      expect(r.text).toContain(TITLES[r.path]!.slice(2, 8));
      expect(r.lines.length).toBeGreaterThan(3);
      // The same bigrams as the catalogue's SQL twin (migration 0011).
      const twin = await t.services.db
        .selectNoFrom((eb) => eb.fn<string[]>("catalogue_search_bigrams", [eb.val(r.text)]).as("b"))
        .executeTakeFirstOrThrow();
      expect([...r.textBigrams].sort()).toEqual([...twin.b].sort());
    }
    expect(rows.find((r) => r.path.endsWith("-0002.tif"))).toMatchObject({ referenceCode: V1, seq: 2 });
    console.log(
      `OCR ms per page (${testDbMode()}): ${rows.map((r) => r.readMs).join(", ")}; slowest status request ${Math.round(slowest)} ms`,
    );

    const events = await t.services.db
      .selectFrom("auditEvent")
      .select(["action"])
      .where("action", "like", "page_text.%")
      .execute();
    const actions = new Set(events.map((e) => e.action));
    expect(actions.has("page_text.ocr_requested")).toBe(true);
    expect(actions.has("page_text.recorded")).toBe(true);
    expect(actions.has("page_text.ocr_completed")).toBe(true);
  }, 180_000);

  it("[D-10.1] finds a page by a two-character word on it, with the word marked in the snippet", async () => {
    const r = await officer.get(
      `/api/page-text/search?q=${encodeURIComponent("质量")}&projectId=${projectId}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    const hit = r.body.items[0];
    expect(hit).toMatchObject({
      deliveryId,
      referenceCode: V1,
      seq: 1,
      path: `${V1}/${V1}-0001.tif`,
      batchCode: "B-001",
    });
    expect(hit.snippet.text).toContain("质量");
    expect(hit.snippet.highlights.length).toBeGreaterThan(0);
    for (const [a, b] of hit.snippet.highlights) expect(hit.snippet.text.slice(a, b)).toBe("质量");

    const other = await officer.get(`/api/page-text/search?q=${encodeURIComponent("安全")}`);
    expect(other.body.items.map((i: { path: string }) => i.path)).toEqual([`${V1}/${V1}-0002.tif`]);
    // Longer words go through the bigrams and a recheck.
    const long = await officer.get(`/api/page-text/search?q=${encodeURIComponent("城市更新项目")}`);
    expect(long.body.items.map((i: { referenceCode: string }) => i.referenceCode)).toEqual([V2]);
    // A word whose bigrams all occur on a page but not together is not a match.
    const scattered = await officer.get(`/api/page-text/search?q=${encodeURIComponent("更新质量")}`);
    expect(scattered.body.total).toBe(0);
    // Paging.
    const paged = await officer.get(
      `/api/page-text/search?q=${encodeURIComponent("关于")}&pageSize=1&page=2`,
    );
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);

    expect((await officer.get("/api/page-text/search?q=质")).status).toBe(400);
    const spaced = await officer.get(`/api/page-text/search?q=${encodeURIComponent("质 量")}`);
    expect(spaced.status).toBe(400);
    expect(spaced.body.code).toBe("PAGE_TEXT_QUERY_TOO_SHORT");
  });

  it("[D-10.2][G-4] a client never sees another client's pages; the agency party and the regulator may search", async () => {
    const q = `/api/page-text/search?q=${encodeURIComponent("质量")}`;
    for (const c of [otherClient, stranger]) {
      const r = await c.get(q);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(0);
      expect(JSON.stringify(r.body)).not.toContain(V1);
      expect((await c.get(`${q}&projectId=${projectId}`)).body.total).toBe(0);
      expect((await status(c)).status).toBe(404);
      expect((await c.post(`/api/digitization-qc/deliveries/${deliveryId}/page-text`)).status).toBe(404);
      expect(
        (await c.get(`/api/digitization-qc/deliveries/${deliveryId}/searchable.pdf?referenceCode=${V1}`))
          .status,
      ).toBe(404);
    }
    expect((await agency.get(q)).body.total).toBe(1);
    expect((await inspector.get(q)).body.total).toBe(1);
    expect((await status(inspector)).status).toBe(200);
  });

  it("[Z-7.4] the agency restarts a job (pages already read are kept); the client may not; a job left running is failed at start-up", async () => {
    expect((await officer.post(`/api/digitization-qc/deliveries/${deliveryId}/page-text`)).status).toBe(403);
    const again = await agency.post(`/api/digitization-qc/deliveries/${deliveryId}/page-text`);
    expect(again.status).toBe(202);
    expect(again.body.status).toMatch(/queued|running/);
    const twice = await agency.post(`/api/digitization-qc/deliveries/${deliveryId}/page-text`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("PAGE_TEXT_JOB_RUNNING");
    await t.services.pageText.idle();
    const done = (await status(agency)).body.job;
    expect(done).toMatchObject({ status: "done", totalPages: 3, processedPages: 3 });

    // A process that died mid-job: start-up recovery fails it, and a restart resumes.
    await t.services.db
      .updateTable("pageTextJob")
      .set({ status: "running", heartbeatAt: new Date(Date.now() - 3_600_000) })
      .where("deliveryId", "=", deliveryId)
      .execute();
    expect(await t.services.pageText.recover()).toContain(deliveryId);
    const failed = (await status(agency)).body.job;
    expect(failed).toMatchObject({ status: "failed", error: { code: "OCR_INTERRUPTED" } });
    expect((await agency.post(`/api/digitization-qc/deliveries/${deliveryId}/page-text`)).status).toBe(202);
    await t.services.pageText.idle();
    expect((await status(agency)).body.job.status).toBe("done");
  }, 120_000);

  it("[Z-7.4][D-10.1] serves a volume and a page as searchable PDFs whose Chinese text poppler extracts", async () => {
    const res = await officer.request({
      method: "GET",
      url: `/api/digitization-qc/deliveries/${deliveryId}/searchable.pdf?referenceCode=${encodeURIComponent(V1)}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const file = join(dir, "volume.pdf");
    writeFileSync(file, res.rawPayload);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+2\b/);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text).toContain("档案数字化质量检查");
    expect(text).toContain("机关档案安全管理");
    // The page looks like the scan: rendered back, it matches the delivered image (the text layer is invisible).
    execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", file, join(dir, "p")]);
    const rendered = readFileSync(join(dir, "p-1.png"));
    const meta = await sharp(rendered).metadata();
    const original = await sharp(await tiffPage(TITLES[`${V1}/${V1}-0001.tif`]!, 1))
      .resize(meta.width, meta.height, { fit: "fill" })
      .greyscale()
      .raw()
      .toBuffer();
    const back = await sharp(rendered).greyscale().raw().toBuffer();
    let diff = 0;
    for (let i = 0; i < back.length; i++) diff += Math.abs(back[i]! - original[i]!);
    expect(diff / back.length).toBeLessThan(12);
    const ink = back.filter((v) => v < 128).length / back.length;
    expect(ink).toBeGreaterThan(0.002); // not blank

    const files = await officer.get(`/api/digitization-qc/deliveries/${deliveryId}/files?pageSize=200`);
    const page3 = files.body.items.find((f: { path: string }) => f.path === `${V2}/${V2}-0001.tif`);
    const one = await inspector.request({
      method: "GET",
      url: `/api/digitization-qc/files/${page3.id}/searchable.pdf`,
    });
    expect(one.statusCode).toBe(200);
    writeFileSync(join(dir, "page.pdf"), one.rawPayload);
    expect(
      execFileSync("pdftotext", [join(dir, "page.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, ""),
    ).toContain("城市更新项目管理办法");
    const pdfFile = files.body.items.find((f: { path: string }) => f.path.endsWith(".pdf"));
    expect((await officer.get(`/api/digitization-qc/files/${pdfFile.id}/searchable.pdf`)).status).toBe(404);
    expect((await otherClient.get(`/api/digitization-qc/files/${page3.id}/searchable.pdf`)).status).toBe(404);
    console.log(`searchable PDF kept in ${dir}`);
  }, 60_000);
});
