// Classification-mark screening of QC deliveries through the HTTP API (Z-7.3,
// Z-6.1): a page marked 机密★10年 stops its volume, opens an incident and
// alerts the client; clean pages and near-misses raise nothing; only the client
// clears a false alarm (the volume resumes) or confirms the mark (it is
// withdrawn); the reviewer sees the page with the region outlined.
import { testDbMode } from "@dangan/db/testing";
import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { type PageOptions, renderPage } from "../support/marked-pages.ts";
import { multipart, zip } from "../support/qc-archives.ts";

let t: TestApp;
let agency: Client;
let officer: Client;
let inspector: Client;
let otherClient: Client;
let batchId: string;
const code = (n: number) => `Z109-KJ·2008-Y-JJ-000${n}`;

const base: PageOptions = {
  dpi: 110,
  mark: null,
  font: "AR PL UMing CN",
  markPt: 16,
  colour: "red",
  place: "top-left",
  rotateDeg: 0,
  noise: 20,
  title: "关于做好年度档案移交工作的通知",
  letterhead: true,
};
const tiff = async (o: Partial<PageOptions>) =>
  sharp((await renderPage({ ...base, ...o })).png)
    .withMetadata({ density: 300 })
    .tiff({ compression: "lzw" })
    .toBuffer();

async function deliver(files: Record<string, Buffer>) {
  const m = multipart(
    "screening.zip",
    zip(Object.entries(files).map(([name, data]) => ({ name, data, deflate: true }))),
  );
  const res = await agency.request({
    method: "POST",
    url: `/api/digitization-batches/${batchId}/deliveries`,
    payload: m.payload,
    headers: m.headers,
  });
  expect(res.statusCode).toBe(202);
  await t.services.digitizationQc.deliveries.idle();
  return (await agency.get(`/api/digitization-qc/deliveries/${res.json().id}`)).body;
}

const openStop = (volumeCode: string) =>
  t.services.db
    .selectFrom("digitizationStop as s")
    .innerJoin("digitizationVolume as v", "v.id", "s.volumeId")
    .select(["s.id", "s.reason", "s.stoppedSource", "s.resolution"])
    .where("v.referenceCode", "=", volumeCode)
    .orderBy("s.stoppedAt", "desc")
    .executeTakeFirst();

describe(`classification-mark screening of QC deliveries (${testDbMode()})`, () => {
  let hitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    agency = await t.as("digit.manager");
    officer = await t.as("client.officer");
    inspector = await t.as("city.inspector");
    otherClient = await t.as("client2.officer");
    batchId = (
      await t.services.db
        .selectFrom("digitizationBatch")
        .select("id")
        .where("code", "=", "B-001")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it("[Z-7.3] a marked page stops its volume, fails the check and alerts the client; near-misses pass", async () => {
    const d = await deliver({
      [`${code(1)}/${code(1)}-0001.tif`]: await tiff({ mark: "机密★10年" }),
      [`${code(2)}/${code(2)}-0001.tif`]: await tiff({}),
      [`${code(2)}/${code(2)}-0002.tif`]: await tiff({
        title: "关于加强秘密载体保密管理的通知",
        letterhead: false,
      }),
    });
    expect(d.status).toBe("checked");
    expect(d.screening).toMatchObject({ pages: 3, hits: 1, enabled: true });
    expect(d.outcome).toBe("fail");
    const results = await agency.get(`/api/digitization-qc/deliveries/${d.id}/files?q=0001.tif`);
    expect(results.status).toBe(200);
    const stop = await openStop(code(1));
    expect(stop).toMatchObject({ reason: "classified", stoppedSource: "system", resolution: null });
    expect(await openStop(code(2))).toBeUndefined();
    const incident = await t.services.db
      .selectFrom("incident")
      .select(["kind", "severity", "clauseId"])
      .where("sourceId", "=", stop!.id)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ kind: "leak", severity: "critical", clauseId: "Z-7.3" });
    // The client's alerts: the open stop and the screening hit.
    const stops = await officer.get("/api/digitization/stops/open");
    expect(stops.body.items.map((s: { id: string }) => s.id)).toContain(stop!.id);
    const hits = await officer.get("/api/screening/hits?status=open&source=qc_delivery");
    expect(hits.body.total).toBe(1);
    const hit = hits.body.items[0];
    expect(hit).toMatchObject({
      level: "机密",
      period: "10年",
      volumeReferenceCode: code(1),
      stopId: stop!.id,
      canDecide: true,
    });
    expect(hit.region.y).toBeLessThan(hit.region.pageHeight * 0.15); // top of the page, where it was drawn
    hitId = hit.id;
    const open = await officer.get("/api/screening/hits?status=open");
    expect((await officer.get("/api/screening/summary")).body.open).toBe(open.body.total);
  });

  it("[Z-7.3] shows the page with the mark's region outlined to both parties and the regulator", async () => {
    const img = await officer.request({ method: "GET", url: `/api/screening/hits/${hitId}/image?width=600` });
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toBe("image/jpeg");
    const { data, info } = await sharp(img.rawPayload).raw().toBuffer({ resolveWithObject: true });
    // The outline is pure red where nothing red was drawn except the mark and letterhead: count strong red pixels.
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels)
      if (data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! < 60) red++;
    expect(red).toBeGreaterThan(100);
    expect((await agency.get(`/api/screening/hits/${hitId}`)).status).toBe(200);
    expect((await inspector.get(`/api/screening/hits/${hitId}`)).status).toBe(200);
    expect((await otherClient.get(`/api/screening/hits/${hitId}`)).status).toBe(404);
    expect((await otherClient.get("/api/screening/hits")).body.total).toBe(0);
    const xlsx = await officer.request({ method: "GET", url: "/api/screening/hits/export.xlsx" });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("[Z-7.3] only the client clears a false alarm; the stop cannot be resumed around it", async () => {
    const byAgency = await agency.post(`/api/screening/hits/${hitId}/decision`, { decision: "clear" });
    expect(byAgency.status).toBe(403);
    expect(byAgency.body).toMatchObject({ code: "SCREENING_DECIDED_BY_CLIENT", clause: "Z-7.3" });
    const stop = await openStop(code(1));
    const around = await officer.post(`/api/digitization/stops/${stop!.id}/decision`, { decision: "resume" });
    expect(around.status).toBe(409);
    expect(around.body).toMatchObject({ code: "SCREENING_HITS_OPEN", clause: "Z-7.3" });
    const cleared = await officer.post(`/api/screening/hits/${hitId}/decision`, {
      decision: "clear",
      note: "系解密后的复印件，已核对解密通知",
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ status: "cleared", stop: "resume" });
    expect(await openStop(code(1))).toMatchObject({ resolution: "resumed" });
    const again = await officer.post(`/api/screening/hits/${hitId}/decision`, { decision: "confirm" });
    expect(again.status).toBe(409);
    const audit = await t.services.db
      .selectFrom("auditEvent")
      .select(["action", "payload"])
      .where("action", "in", ["mark_screening.hit", "mark_screening.cleared", "digitization_volume.resumed"])
      .where((eb) => eb.or([eb("entityId", "=", hitId), sql<boolean>`payload->>'stopId' = ${stop!.id}`]))
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "mark_screening.hit",
      "mark_screening.cleared",
      "digitization_volume.resumed",
    ]);
  });

  it("[Z-7.3] a confirmed mark withdraws the volume from its batch", async () => {
    const d = await deliver({
      [`${code(2)}/${code(2)}-0003.tif`]: await tiff({ mark: "绝密★长期", colour: "black" }),
    });
    expect(d.screening).toMatchObject({ hits: 1 });
    const hits = await officer.get("/api/screening/hits?status=open");
    const hit = hits.body.items.find(
      (h: { volumeReferenceCode: string }) => h.volumeReferenceCode === code(2),
    );
    expect(hit).toMatchObject({ level: "绝密", period: "长期" });
    const confirmed = await officer.post(`/api/screening/hits/${hit.id}/decision`, { decision: "confirm" });
    expect(confirmed.body).toMatchObject({ status: "confirmed", stop: "withdraw" });
    expect(await openStop(code(2))).toMatchObject({ resolution: "withdrawn" });
  });
});
