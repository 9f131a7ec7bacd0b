// D-8.10: item titles are shared catalogue metadata, but agency staff open an
// item's content only under the client's grant for the batch; every opening
// is in the audit trail, and the generic attachment routes do not serve it.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../src/demo/demo-pdf.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { driver, type IntakeWorld, intakeWorld, makeCatalogue } from "./intake-world.ts";

let t: TestApp;
let w: IntakeWorld;
let agency: Client;
let client: Client;

function upload(c: Client, batchId: string, itemId: string) {
  const boundary = "----dangan";
  const pdf = demoPdf("scan of item");
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="扫描件.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request({
    method: "POST",
    url: `/api/intake/batches/${batchId}/content?itemId=${itemId}`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

describe(`intake content access (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    w = await intakeWorld(t);
    agency = await t.as("custody.manager");
    client = await t.as("client.officer");
  });
  afterAll(() => t.close());

  it("[D-8.10] refuses agency staff the content of an item without a grant, and logs each view with one", async () => {
    const d = driver(agency, client, w);
    const cat = await makeCatalogue(t, w, [{ title: "人事任免文件" }]);
    const b = await d.batch([cat.catalogueId]);
    const itemId = cat.itemIds[0]!;
    expect((await upload(agency, b.id, itemId)).statusCode).toBe(403);
    const up = await upload(client, b.id, itemId);
    expect(up.statusCode).toBe(201);
    const fileId = up.json().id;

    // Titles stay visible to the agency: they are the confirmed catalogue.
    const items = (await agency.get(`/api/intake/batches/${b.id}/items`)).body.items;
    expect(items[0].title).toBe("人事任免文件");
    expect(
      (await agency.get(`/api/intake/batches/${b.id}/content?itemId=${itemId}`)).body.items,
    ).toHaveLength(1);

    const refused = await agency.get(`/api/intake/content/${fileId}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "CONTENT_ACCESS_NOT_GRANTED", clause: "D-8.10" });
    expect((await agency.get(`/api/attachments/${fileId}/content`)).status).toBe(404);
    expect((await agency.post(`/api/intake/batches/${b.id}/content-access`, {})).status).toBe(403);

    await d.ok(client.post(`/api/intake/batches/${b.id}/content-access`, { note: "核对题名需要" }));
    const seen = await agency.get(`/api/intake/content/${fileId}`);
    expect(seen.status).toBe(200);
    expect(Buffer.isBuffer(seen.body) && seen.body.subarray(0, 5).toString()).toBe("%PDF-");
    const trail = (await client.get(`/api/audit/trail?entityType=intake_batch&entityId=${b.id}`)).body.items;
    const views = trail.filter((e: any) => e.action === "intake.content_viewed");
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      actorUserId: w.users["custody.manager"],
      payload: { itemId, side: "agency" },
    });

    await d.ok(client.delete(`/api/intake/batches/${b.id}/content-access`));
    expect((await agency.get(`/api/intake/content/${fileId}`)).status).toBe(403);
    expect((await client.get(`/api/intake/content/${fileId}`)).status).toBe(200);
    const other = await t.as("client2.officer");
    expect((await other.get(`/api/intake/content/${fileId}`)).status).toBe(404);
  });
});
