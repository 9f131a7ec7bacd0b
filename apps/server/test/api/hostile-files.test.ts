// Hostile files uploaded to the real routes: each is refused with a clear 4xx
// or a refused import naming the row, nothing is half-written (no catalogue,
// no rows, no leftover upload), the configured limits hold, and exports
// neutralise cells a spreadsheet would run as formulas.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cataloguesConfig } from "../../src/modules/catalogues/catalogues.config.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import {
  corrupted,
  csv,
  FORMULA_TITLES,
  gbkCsv,
  giganticCellCsv,
  giganticRowCsv,
  goodXlsx,
  invalidUtf8Csv,
  multipart,
  truncated,
  zipBombXlsx,
} from "../support/hostile-files.ts";
import { custodyProjectId, gb18030, HEADER, importFile, rows, upload } from "./catalogues-fixtures.ts";
import { makeVault } from "./environment-fixture.ts";

const MAX_ROWS = 200;
const MAX_UPLOAD = 2 * 1024 * 1024;
let t: TestApp;
let officer: Client;
let projectId: string;
let importDir: string;

async function written() {
  const db = t.services.db;
  const [c, i] = await Promise.all([
    db
      .selectFrom("handoverCatalogue")
      .select(db.fn.countAll<string>().as("n"))
      .where("projectId", "=", projectId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("catalogueItem")
      .select(db.fn.countAll<string>().as("n"))
      .where("projectId", "=", projectId)
      .executeTakeFirstOrThrow(),
  ]);
  return { catalogues: Number(c.n), items: Number(i.n) };
}

/** Imports a hostile file; expects it refused (or failed) with a problem, and nothing written or left behind. */
async function refused(name: string, content: Buffer | string, query: Record<string, string> = {}) {
  const before = await written();
  const { status, job } = await importFile(t, officer, projectId, name, content, query);
  if (status !== 202) {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(job.code).toBeTruthy();
    expect(job.message?.zh && job.message?.en).toBeTruthy();
  } else {
    expect(["refused", "failed"]).toContain(job.status);
    expect(job.error?.message?.zh && job.error?.message?.en).toBeTruthy();
  }
  expect(await written()).toEqual(before);
  expect(readdirSync(importDir)).toEqual([]);
  return job;
}

const problemText = (job: {
  problems?: { message: { en: string } }[];
  error?: { message: { en: string } };
}) => [...(job.problems ?? []).map((p) => p.message.en), job.error?.message.en ?? ""].join(" | ");

describe(`hostile files (${testDbMode()})`, () => {
  beforeAll(async () => {
    importDir = mkdtempSync(join(tmpdir(), "dangan-hostile-imports-"));
    t = await startTestApp({
      config: {
        maxUploadBytes: MAX_UPLOAD,
        catalogues: {
          ...cataloguesConfig({}, importDir),
          importDir,
          maxRows: MAX_ROWS,
          maxUnpackedBytes: 4 * 1024 * 1024,
        },
      },
    });
    officer = await t.as("client.officer");
    projectId = await custodyProjectId(officer);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    rmSync(importDir, { recursive: true, force: true });
  });

  it("[D-8.3] refuses truncated and corrupt xlsx files as unreadable, writing nothing", async () => {
    const good = await goodXlsx(30);
    for (const file of [
      truncated(good),
      truncated(good, 0.1),
      corrupted(good),
      Buffer.from("PK\u0003\u0004garbage"),
    ]) {
      const job = await refused("目录.xlsx", file);
      expect(job.problems?.[0]?.code ?? job.error?.code).toBeTruthy();
    }
  });

  it("[reliability] refuses an xlsx zip bomb once it unpacks past the configured limit", async () => {
    const bomb = await zipBombXlsx(40);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const job = await refused("炸弹.xlsx", bomb);
    expect(problemText(job)).toMatch(/zip bomb|unpacks to more than/);
  });

  it("[D-8.3] refuses a gigantic cell and a gigantic row by their row, without reading them into memory", async () => {
    const cell = await refused("大单元格.csv", giganticCellCsv(1_100_000));
    expect(problemText(cell)).toMatch(/row 3 is longer than a million characters/);
    const row = await refused("大行.csv", giganticRowCsv(200_000));
    expect(problemText(row)).toMatch(/row 3 has more than 16384 columns/);
  });

  it("[D-8.3] refuses more rows than configured", async () => {
    const job = await refused("超长.csv", csv(rows(MAX_ROWS + 50)));
    expect(problemText(job)).toMatch(new RegExp(`more than ${MAX_ROWS} rows`));
  });

  it("[D-8.3] refuses invalid UTF-8 and GBK mislabelled as UTF-8, and reads GBK when detected", async () => {
    const bad = await refused("坏编码.csv", invalidUtf8Csv(), { encoding: "utf-8" });
    expect(problemText(bad)).toMatch(/not valid UTF-8/);
    const mislabelled = await refused("gbk.csv", gbkCsv(), { encoding: "utf-8" });
    expect(problemText(mislabelled)).toMatch(/not valid UTF-8/);
    const { job } = await importFile(t, officer, projectId, "gbk.csv", gbkCsv(), { encoding: "auto" });
    expect(job.status).toBe("succeeded");
    expect(job.detectedEncoding).toBe("gb18030");
    await officer.post(`/api/catalogues/${job.catalogueId}/withdraw`);
  });

  it("[reliability] exports neutralise titles that start with =, +, - or @ (formula injection)", async () => {
    const body = rows(FORMULA_TITLES.length, "Z109", 900).map((r, i) => {
      r[2] = FORMULA_TITLES[i]!;
      return r;
    });
    const { job } = await importFile(t, officer, projectId, "公式.csv", csv(body));
    expect(job.status, JSON.stringify(job.problems ?? job.error)).toBe("succeeded");
    const res = await officer.request({
      method: "GET",
      url: `/api/catalogues/${job.catalogueId}/items/export.xlsx`,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const titles: unknown[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula));
      titles.push(row.getCell(3).value);
    });
    expect(titles.sort()).toEqual(FORMULA_TITLES.map((f) => `'${f}`).sort());

    // The problem report of a refused import quotes the offending cells: neutralised too.
    const bad = rows(2, "Z109", 950);
    bad[0]![4] = "=cmd|' /C calc'!A0";
    const refusedJob = await refused("坏公式.csv", csv(bad));
    const report = await officer.request({
      method: "GET",
      url: `/api/catalogue-imports/${refusedJob.id}/problems.xlsx`,
    });
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(report.rawPayload as never);
    const values: string[] = [];
    rb.worksheets[0]!.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        values.push(String(c.value));
      }),
    );
    expect(values.filter((v) => /^[=+\-@]/.test(v))).toEqual([]);
    expect(values).toContain("'=cmd|' /C calc'!A0");
    await officer.post(`/api/catalogues/${job.catalogueId}/withdraw`);
  });

  it("[reliability] refuses uploads past the configured size with 413, leaving no file or blob behind", async () => {
    const before = await written();
    const big = Buffer.concat([
      Buffer.from(`${HEADER.join(",")}\r\n`),
      Buffer.alloc(MAX_UPLOAD + 1024, 0x41),
    ]);
    // Catalogue imports have their own limit (512 MB by default); attachments use the general one.
    const attach = await officer.request({
      method: "POST",
      url: `/api/attachments?entityType=project&entityId=${projectId}`,
      ...multipart(big, "big.pdf"),
    });
    expect(attach.statusCode).toBe(413);
    expect(attach.json().code).toBe("PAYLOAD_TOO_LARGE");
    const blobs = await t.services.db
      .selectFrom("attachment")
      .select("id")
      .where("filename", "=", "big.pdf")
      .execute();
    expect(blobs).toEqual([]);
    expect(await written()).toEqual(before);
    const small = await upload(officer, projectId, "x.csv", "a");
    expect(small.status).toBe(202);
    await t.services.catalogueImports.idle();
  });

  it("[D-9.4] sensor CSV: reads a GBK export, and refuses binary noise by row with nothing stored", async () => {
    const v = await makeVault(t);
    const keeper = await t.as("custody.keeper");
    const add = await keeper.post(`/api/environment/vaults/${v.vaultId}/sensors`, {
      code: "GBK-1",
      name: "传感器",
    });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    const text = "传感器编号,时间,温度,湿度\r\nGBK-1,2026-01-05 08:00,18.5,50\r\n";
    const gbk = await keeper.request({
      method: "POST",
      url: `/api/environment/vaults/${v.vaultId}/readings/import`,
      ...multipart(gb18030(text), "readings.csv"),
    });
    expect(gbk.statusCode, gbk.body).toBe(200);

    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const count = async () =>
      Number(
        (
          await t.services.db
            .selectFrom("environmentReading")
            .select(t.services.db.fn.countAll<string>().as("n"))
            .where("vaultId", "=", v.vaultId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await keeper.request({
      method: "POST",
      url: `/api/environment/vaults/${v.vaultId}/readings/import`,
      ...multipart(noise, "noise.csv"),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("IMPORT_INVALID");
    expect(res.json().details.problems[0].message.en).toBeTruthy();
    expect(await count()).toBe(before);
  });
});
