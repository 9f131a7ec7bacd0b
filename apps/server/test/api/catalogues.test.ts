import { writeFileSync } from "node:fs";
import { testDbMode } from "@dangan/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { csvText, custodyProjectId, HEADER, importFile, rows } from "./catalogues-fixtures.ts";

let t: TestApp;
let officer: Client;
let agency: Client;
let projectId: string;
let catalogueId: string;

describe(`handover catalogues (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as("client.officer");
    agency = await t.as("custody.manager");
    projectId = await custodyProjectId(officer);
    const body = rows(45, "B001");
    body[4]![2] = "干部任免审批表（含附件）及相关会议纪要、请示、批复材料汇编，共三册，另附照片若干张说明";
    const { job } = await importFile(t, officer, projectId, "2011年文书.csv", csvText(HEADER, body), {
      title: "2011年文书档案交接目录",
    });
    catalogueId = job.catalogueId;
  });
  afterAll(() => t.close());

  it("[D-8.3] lists the project's catalogues and searches, filters, pages and exports the rows", async () => {
    const list = await agency.get(`/api/projects/${projectId}/catalogues`);
    expect(list.body.items[0]).toMatchObject({ id: catalogueId, rowCount: 45, clientConfirmed: false });
    expect(list.body.mayImport).toBe(false);
    expect((await officer.get(`/api/projects/${projectId}/catalogues`)).body.mayImport).toBe(true);
    const page = await agency.get(`/api/catalogues/${catalogueId}/items?page=2&pageSize=20`);
    expect(page.body).toMatchObject({ total: 45, page: 2 });
    expect(page.body.items[0].rowNo).toBe(21);
    const found = await agency.get(
      `/api/catalogues/${catalogueId}/items?q=${encodeURIComponent("干部任免")}`,
    );
    expect(found.body.items.map((i: { rowNo: number }) => i.rowNo)).toEqual([5]);
    const byCode = await agency.get(`/api/catalogues/${catalogueId}/items?q=Y-0012`);
    expect(byCode.body.total).toBe(1);
    const box = await agency.get(`/api/catalogues/${catalogueId}/items?boxNo=B002&year=2011&category=WS`);
    expect(box.body.total).toBe(20);
    const xlsx = await agency.get(`/api/catalogues/${catalogueId}/items/export.xlsx?boxNo=B003`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe("PK");
  });

  it("[D-8.3] keeps the rows to the parties: a supervisor sees the catalogue but not its rows; others see nothing", async () => {
    const city = await t.as("city.inspector");
    expect((await city.get(`/api/catalogues/${catalogueId}`)).status).toBe(200);
    expect((await city.get(`/api/catalogues/${catalogueId}/items`)).status).toBe(403);
    expect((await city.get(`/api/catalogues/${catalogueId}/pdf`)).status).toBe(403);
    for (const u of ["client2.officer", "foreign.manager", "digit.manager"]) {
      const c = await t.as(u);
      expect((await c.get(`/api/catalogues/${catalogueId}`)).status, u).toBe(404);
      expect((await c.get(`/api/catalogues/${catalogueId}/items`)).status, u).toBe(404);
      expect((await c.get(`/api/projects/${projectId}/catalogues`)).status, u).toBe(404);
    }
    expect((await agency.get(`/api/projects/${projectId}/catalogue-imports`)).status).toBe(403);
  });

  it("[D-8.2] prints the catalogue as a PDF, one copy for each party", async () => {
    for (const [who, c, copy] of [
      ["client", officer, "client"],
      ["agency", agency, "agency"],
    ] as const) {
      const res = await c.get(`/api/catalogues/${catalogueId}/pdf`);
      expect(res.status).toBe(200);
      expect(res.body.subarray(0, 5).toString()).toBe("%PDF-");
      expect(res.body.length).toBeGreaterThan(10_000);
      if (process.env.DANGAN_PDF_OUT)
        writeFileSync(`${process.env.DANGAN_PDF_OUT}-${who}-${copy}.pdf`, res.body);
    }
  });

  it("[D-8.2] is confirmed when both parties confirm the same digest, and is then frozen", async () => {
    const c = (await officer.get(`/api/catalogues/${catalogueId}`)).body;
    expect(c.permissions).toMatchObject({ confirm: true, withdraw: true });
    const wrong = await officer.post(`/api/catalogues/${catalogueId}/confirm`, { digest: "a".repeat(64) });
    expect(wrong.body).toMatchObject({ code: "CATALOGUE_DIGEST_MISMATCH", clause: "D-8.2" });
    const first = await officer.post(`/api/catalogues/${catalogueId}/confirm`, { digest: c.digest });
    expect(first.body).toMatchObject({ status: "draft" });
    const again = await officer.post(`/api/catalogues/${catalogueId}/confirm`, { digest: c.digest });
    expect(again.body).toMatchObject({ code: "ALREADY_CONFIRMED" });
    const keeper = await t.as("custody.keeper");
    expect((await keeper.post(`/api/catalogues/${catalogueId}/confirm`, { digest: c.digest })).status).toBe(
      403,
    );
    const second = await agency.post(`/api/catalogues/${catalogueId}/confirm`, { digest: c.digest });
    expect(second.body).toMatchObject({ status: "confirmed" });

    const after = (await agency.get(`/api/catalogues/${catalogueId}`)).body;
    expect(after).toMatchObject({ status: "confirmed", permissions: { confirm: false, withdraw: false } });
    expect(after.confirmations).toHaveLength(2);
    expect(
      after.confirmations.every(
        (x: { valid: boolean; documentDigest: string }) => x.valid && x.documentDigest === c.digest,
      ),
    ).toBe(true);
    const withdraw = await officer.post(`/api/catalogues/${catalogueId}/withdraw`);
    expect(withdraw.body).toMatchObject({ code: "CATALOGUE_FROZEN", clause: "D-8.2" });
    await expect(
      sql`UPDATE catalogue_item SET title = 'changed' WHERE catalogue_id = ${catalogueId}`.execute(
        t.services.db,
      ),
    ).rejects.toThrow(/D-8.2/);
    await expect(
      sql`DELETE FROM catalogue_item WHERE catalogue_id = ${catalogueId}`.execute(t.services.db),
    ).rejects.toThrow(/D-8.2/);
    const trail = await officer.get(`/api/audit/trail?entityType=handover_catalogue&entityId=${catalogueId}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      "catalogue.confirmed",
      "confirmation.signed",
      "confirmation.signed",
      "catalogue.imported",
    ]);
    const pdf = await officer.get(`/api/catalogues/${catalogueId}/pdf?copy=agency`);
    expect(pdf.status).toBe(200);
    if (process.env.DANGAN_PDF_OUT) writeFileSync(`${process.env.DANGAN_PDF_OUT}-confirmed.pdf`, pdf.body);
  });

  it("[D-8.2] takes additions in a new catalogue; a draft can be withdrawn or replaced, freeing its codes", async () => {
    const more = await importFile(t, officer, projectId, "补充.csv", csvText(HEADER, rows(2, "B001", 46)));
    expect(more.job.status).toBe("succeeded");
    const fixed = await importFile(
      t,
      officer,
      projectId,
      "补充-修正.csv",
      csvText(HEADER, rows(3, "B001", 46)),
      {
        replacesCatalogueId: more.job.catalogueId,
      },
    );
    expect(fixed.job.status).toBe("succeeded");
    expect((await officer.get(`/api/catalogues/${more.job.catalogueId}`)).body).toMatchObject({
      status: "superseded",
    });
    const frozen = await importFile(t, officer, projectId, "x.csv", csvText(HEADER, rows(1, "B009")), {
      replacesCatalogueId: catalogueId,
    });
    expect(frozen).toMatchObject({ status: 409, job: { code: "CATALOGUE_FROZEN" } });
    expect((await agency.post(`/api/catalogues/${fixed.job.catalogueId}/withdraw`)).status).toBe(403);
    expect((await officer.post(`/api/catalogues/${fixed.job.catalogueId}/withdraw`)).body).toMatchObject({
      status: "superseded",
    });
  });

  it("[D-8.3] writes all or nothing: a held code in the last of 2,501 rows fails the write, no row lands, the row is named", async () => {
    const count = async () =>
      Number(
        (
          await t.services.db
            .selectFrom("catalogueItem")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const body = [...rows(2500, "B002"), rows(1, "B001")[0]!];
    const { job } = await importFile(t, officer, projectId, "held-last.csv", csvText(HEADER, body));
    expect(job).toMatchObject({
      status: "refused",
      problemCount: 1,
      problems: [expect.objectContaining({ row: 2502, column: "referenceCode", code: "duplicate_held" })],
    });
    expect(await count()).toBe(before);
    // The index refused a code no look-up finds: another import took it meanwhile.
    const spy = vi.spyOn(t.services.catalogues.repo, "heldCodes").mockResolvedValue(new Set());
    try {
      const raced = await importFile(t, officer, projectId, "race.csv", csvText(HEADER, body));
      expect(raced.job).toMatchObject({
        status: "refused",
        problems: [expect.objectContaining({ row: 0, code: "duplicate_held" })],
      });
    } finally {
      spy.mockRestore();
    }
    expect(await count()).toBe(before);
  });
});
