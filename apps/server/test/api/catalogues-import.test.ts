import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import {
  csvText,
  custodyProjectId,
  gb18030,
  HEADER,
  importFile,
  rows,
  upload,
  xlsx,
} from "./catalogues-fixtures.ts";

let t: TestApp;
let officer: Client;
let projectId: string;

const itemCount = async () =>
  Number(
    (
      await t.services.db
        .selectFrom("catalogueItem")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("projectId", "=", projectId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`handover catalogue import (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as("client.officer");
    projectId = await custodyProjectId(officer);
  });
  afterAll(() => t.close());

  it("[D-8.3] imports CSV in UTF-8, UTF-8 with BOM and GB18030, and XLSX, normalising every row", async () => {
    const cases: [string, string, Buffer | string, string | null][] = [
      ["UTF-8", "plain.csv", csvText(HEADER, rows(3, "A001")), "utf-8"],
      [
        "UTF-8 BOM",
        "bom.csv",
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(HEADER, rows(3, "A002")))]),
        "utf-8",
      ],
      ["GB18030", "excel-gbk.csv", gb18030(csvText(HEADER, rows(3, "A003"))), "gb18030"],
      ["XLSX", "book.xlsx", await xlsx(HEADER, rows(3, "A004")), null],
    ];
    for (const [name, file, content, encoding] of cases) {
      const { status, job } = await importFile(t, officer, projectId, file, content, {
        title: `目录 ${name}`,
      });
      expect(status, name).toBe(202);
      expect(job, name).toMatchObject({
        status: "succeeded",
        rowsRead: 3,
        rowsWritten: 3,
        detectedEncoding: encoding,
      });
      const c = await officer.get(`/api/catalogues/${job.catalogueId}`);
      expect(c.body).toMatchObject({ status: "draft", level: "item", rowCount: 3, quantityTotal: 3 });
      expect(c.body.digest).toMatch(/^[0-9a-f]{64}$/);
      const items = await officer.get(`/api/catalogues/${job.catalogueId}/items`);
      expect(items.body.items[0]).toMatchObject({
        rowNo: 1,
        title: "关于2011年度第1号工作的通知，含“引号”,逗号",
        retentionPeriod: "Y",
        category: "WS",
        carrier: "paper",
        boxNo: "B001",
      });
      expect(items.body.items[2].referenceCode).toMatch(/^A00\d-WS·2011-Y-0003$/);
    }
  });

  it("[D-8.3] keeps Chinese text whole in a large XLSX, where characters straddle the zip's chunks", async () => {
    const body = rows(4000, "A011").map((r, i) => [
      ...r.slice(0, 2),
      `${"档案交接目录题名测试".repeat(3)}${i}`,
      ...r.slice(3, 10),
      "内部",
    ]);
    const { job } = await importFile(t, officer, projectId, "big.xlsx", await xlsx(HEADER, body));
    expect(job).toMatchObject({ status: "succeeded", rowsWritten: 4000 });
    const broken = await t.services.db
      .selectFrom("catalogueItem")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("catalogueId", "=", job.catalogueId)
      .where((eb) => eb.or([eb("title", "like", "%\uFFFD%"), eb("classification", "<>", "内部")]))
      .executeTakeFirstOrThrow();
    expect(Number(broken.n)).toBe(0);
  });

  it("[D-8.3] honours an explicit encoding, and reads a GB18030 file as UTF-8 only when told to (refused, unreadable)", async () => {
    const gbk = gb18030(csvText(HEADER, rows(2, "A005")));
    const ok = await importFile(t, officer, projectId, "x.csv", gbk, { encoding: "gbk" });
    expect(ok.job).toMatchObject({ status: "succeeded", encoding: "gb18030" });
    const wrong = await importFile(t, officer, projectId, "y.csv", gbk, { encoding: "utf-8" });
    expect(wrong.job.status).toBe("refused");
    expect(wrong.job.problems[0]).toMatchObject({ row: 0, code: "unreadable" });
  });

  it("[D-8.3] reports every problem by row and column in Chinese and English, and imports nothing", async () => {
    const before = await itemCount();
    const body = rows(4, "A006");
    body[1]![2] = ""; // title
    body[1]![4] = "十二"; // quantity
    body[2]![1] = "A006-QQ·2011-Y-0003"; // unknown category in the code
    body[2]![6] = "2099"; // year
    body[3]![7] = "很久"; // retention
    body[3]![9] = "羊皮"; // carrier
    body[3]![8] = "鸟类"; // category
    const { job } = await importFile(t, officer, projectId, "bad.csv", csvText([...HEADER, "责任者"], body));
    expect(job).toMatchObject({ status: "refused", problemCount: 7, error: { code: "CATALOGUE_INVALID" } });
    const got = job.problems.map((p: { row: number; column: string; code: string }) => [
      p.row,
      p.column,
      p.code,
    ]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, "title", "required"],
        [3, "quantity", "not_a_number"],
        [4, "referenceCode", "reference_code"],
        [4, "year", "year_range"],
        [5, "retentionPeriod", "unknown_retention"],
        [5, "carrier", "unknown_carrier"],
        [5, "category", "unknown_category"],
      ]),
    );
    const p = job.problems.find((x: { column: string }) => x.column === "year");
    expect(p.message.zh).toContain("第4行“年度”");
    expect(p.message.en).toContain("Row 4, year");
    expect(job.warnings.map((w: { header: string }) => w.header)).toEqual(["责任者"]);
    expect(await itemCount()).toBe(before);
    const report = await officer.get(`/api/catalogue-imports/${job.id}/problems.xlsx`);
    expect(report.status).toBe(200);
    expect(Buffer.isBuffer(report.body) && report.body.subarray(0, 2).toString()).toBe("PK");
  });

  it("[D-8.3] refuses a file without the required columns, naming them", async () => {
    const { job } = await importFile(t, officer, projectId, "cols.csv", "题名,年度\r\n某文件,2011\r\n");
    expect(job.status).toBe("refused");
    expect(job.problems).toEqual([
      expect.objectContaining({ row: 0, column: "referenceCode", code: "missing_column" }),
    ]);
  });

  it("[D-4.5] refuses the whole catalogue when a row is classified, citing D-4.5, and audits the refusal", async () => {
    const body = rows(3, "A007");
    body[1]![10] = "机密★20年";
    const { job } = await importFile(t, officer, projectId, "secret.xlsx", await xlsx(HEADER, body));
    expect(job).toMatchObject({
      status: "refused",
      classifiedCount: 1,
      error: { code: "CLASSIFIED_ARCHIVES_FORBIDDEN" },
      problems: [
        expect.objectContaining({ row: 3, column: "classification", code: "classified", clause: "D-4.5" }),
      ],
    });
    const events = await t.services.db
      .selectFrom("auditEvent")
      .select(["action", "payload"])
      .where("action", "=", "catalogue.import_refused")
      .execute();
    expect(events.some((e) => (e.payload as { clause?: string }).clause === "D-4.5")).toBe(true);
  });

  it("[D-8.3] reports duplicates within the file (both rows) and against what the project holds", async () => {
    const held = await importFile(t, officer, projectId, "held.csv", csvText(HEADER, rows(2, "A008")));
    expect(held.job.status).toBe("succeeded");
    const body = [...rows(3, "A008", 2), ...rows(1, "A008", 3)];
    const { job } = await importFile(t, officer, projectId, "dups.csv", csvText(HEADER, body));
    const got = job.problems.map((p: { row: number; code: string }) => [p.row, p.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        [2, "duplicate_held"],
        [3, "duplicate_in_file"],
        [5, "duplicate_in_file"],
      ]),
    );
  });

  it("[D-8.3] is all or nothing: an error in the last of 3,000 rows leaves zero rows", async () => {
    const before = await itemCount();
    const body = rows(3000, "A009");
    body[2999]![6] = "20xx";
    const { job } = await importFile(t, officer, projectId, "long.csv", csvText(HEADER, body));
    expect(job).toMatchObject({ status: "refused", rowsRead: 3000, problemCount: 1 });
    expect(job.problems[0]).toMatchObject({ row: 3001, column: "year", code: "not_a_number" });
    expect(await itemCount()).toBe(before);
    expect(
      (await officer.get(`/api/projects/${projectId}/catalogues?pageSize=200`)).body.items,
    ).not.toContainEqual(expect.objectContaining({ sourceName: "long.csv" }));
  });

  it("[D-8.3] imports a box-level catalogue: boxes with their counts", async () => {
    const { job } = await importFile(
      t,
      officer,
      projectId,
      "boxes.csv",
      "盒号,件数,题名\r\nX-001,25,2011年文书\r\nX-002,30,2012年文书\r\n",
    );
    expect(job.status).toBe("succeeded");
    const c = await officer.get(`/api/catalogues/${job.catalogueId}`);
    expect(c.body).toMatchObject({ level: "box", rowCount: 2, quantityTotal: 55 });
  });

  it("[D-8.3] only the client's officers import, only into a custody project", async () => {
    const content = csvText(HEADER, rows(1, "A010"));
    expect((await upload(await t.as("custody.manager"), projectId, "a.csv", content)).status).toBe(403);
    expect((await upload(await t.as("client.leader"), projectId, "a.csv", content)).status).toBe(403);
    expect((await upload(await t.as("client2.officer"), projectId, "a.csv", content)).status).toBe(404);
    const digit = (await officer.get("/api/projects?serviceType=digitization")).body.items[0].id;
    const res = await upload(officer, digit, "a.csv", content);
    expect(res).toMatchObject({ status: 422, body: { code: "NOT_A_CUSTODY_PROJECT" } });
    const xls = await upload(officer, projectId, "old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    expect(xls.status).toBe(415);
  });

  it("[D-8.3] refuses an upload over the size limit from config", async () => {
    const importDir = mkdtempSync(join(tmpdir(), "dangan-imports-"));
    const small = await startTestApp({ config: { catalogues: { maxUploadBytes: 8192, importDir } } });
    try {
      const c = await small.as("client.officer");
      const res = await upload(c, await custodyProjectId(c), "big.csv", csvText(HEADER, rows(200)));
      expect(res).toMatchObject({ status: 413, body: { code: "PAYLOAD_TOO_LARGE" } });
      expect(readdirSync(importDir)).toEqual([]);
    } finally {
      await small.close();
      rmSync(importDir, { recursive: true, force: true });
    }
  });

  it("[D-8.3] marks an import left running by a stopped process as failed at start-up", async () => {
    const p = await t.services.db
      .selectFrom("project")
      .selectAll()
      .where("id", "=", projectId)
      .executeTakeFirstOrThrow();
    const row = await t.services.db
      .insertInto("catalogueImport")
      .values({
        projectId,
        clientOrgId: p.clientOrgId,
        agencyOrgId: p.agencyOrgId,
        title: "中断",
        sourceName: "x.csv",
        sourceFormat: "csv",
        status: "writing",
        heartbeatAt: new Date(Date.now() - 600_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await t.services.catalogueImports.recover()).toContain(row.id);
    const job = await officer.get(`/api/catalogue-imports/${row.id}`);
    expect(job.body).toMatchObject({ status: "failed", error: { code: "IMPORT_INTERRUPTED" } });
  });
});
