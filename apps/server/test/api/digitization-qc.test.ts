// Digitization QC through the HTTP API (Z-7.4, Z-7.3): quality terms, a zip
// delivery of generated images checked by every rule, refused archives, the
// client's sample, defects and verdict, the correction loop through the
// station handover, reports and previews, and who may do what.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { multipart, tarball, zip } from "../support/qc-archives.ts";
import { corrupt, jp2, page, truncated } from "../support/qc-images.ts";

let t: TestApp;
let agency: Client;
let officer: Client;
let inspector: Client;
let stranger: Client;
let otherClient: Client;
let projectId: string;
let batchId: string;
const code = (n: number) => `Z109-KJ·2008-Y-JJ-000${n}`;
const code4 = "Z109-KJ·2009-Y-JJ-0004";

async function upload(as: Client, name: string, data: Buffer, query = "") {
  const m = multipart(name, data);
  const res = await as.request({
    method: "POST",
    url: `/api/digitization-batches/${batchId}/deliveries${query}`,
    payload: m.payload,
    headers: m.headers,
  });
  return { status: res.statusCode, body: res.json() };
}

async function checked(id: string) {
  await t.services.digitizationQc.deliveries.idle();
  const r = await agency.get(`/api/digitization-qc/deliveries/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

let deliveryId: string;
let defectId: string;

describe(`digitization QC (${testDbMode()})`, () => {
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
  });
  afterAll(() => t.close());

  it("[Z-7.4] refuses contract quality terms looser than the national figures, and takes stricter ones", async () => {
    const loose = await officer.put(`/api/projects/${projectId}/digitization-qc/terms`, {
      minDpi: 150,
      maxSkewDeg: 5,
    });
    expect(loose.status).toBe(422);
    expect(loose.body).toMatchObject({ code: "QC_TERMS_BELOW_NATIONAL", clause: "Z-7.4" });
    expect(loose.body.details.looser.map((l: { term: string }) => l.term).sort()).toEqual([
      "maxSkewDeg",
      "minDpi",
    ]);
    expect(
      (await agency.put(`/api/projects/${projectId}/digitization-qc/terms`, { minDpi: 300 })).status,
    ).toBe(403);
    expect(
      (await stranger.put(`/api/projects/${projectId}/digitization-qc/terms`, { minDpi: 300 })).status,
    ).toBe(404);
    const ok = await officer.put(`/api/projects/${projectId}/digitization-qc/terms`, {
      minDpi: 300,
      contractRef: "SZ-2026-003 第5条",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.terms.minDpi).toBe(300);
    expect(ok.body.national.minDpi).toBe(200);
    expect(ok.body.sources.minDpi.source).toContain("DA/T 31-2017 9.4");
    expect(ok.body.sources.maxSkewDeg.status).toBe("unverified");
    expect((await inspector.get(`/api/projects/${projectId}/digitization-qc/terms`)).body.terms.minDpi).toBe(
      300,
    );
  });

  it("[Z-7.4] checks every file of a zip delivery by rule and stores each result with its rule", async () => {
    const p1 = await page({ seed: 1 });
    const files = {
      "catalogue.csv": Buffer.from(`档号,页数\n${code(1)},3\n${code(2)},2\n${code(3)},1\n${code4},2\n`),
      [`${code(1)}/${code(1)}-0001.tif`]: p1,
      [`${code(1)}/${code(1)}-0002.tif`]: await page({ seed: 2, skewDeg: 6 }),
      [`${code(1)}/${code(1)}-0004.tif`]: await page({ seed: 3, mode: "greyscale" }),
      [`${code(2)}/${code(2)}-0001.tif`]: await page({ seed: 4 }),
      [`${code(2)}/${code(2)}-0002.tif`]: await page({ seed: 4 }),
      [`${code(3)}/${code(3)}-0001.tif`]: await page({ seed: 5 }),
      [`${code4}/${code4}-0001.jpg`]: await page({ seed: 6, format: "jpeg", dpi: 200 }),
      [`${code4}/${code4}-0002.tif`]: await page({ blank: true }),
      [`${code4}/${code4}-0003.tif`]: truncated(await page({ seed: 7 })),
      "scan01.tif": await page({ seed: 8, mode: "bitonal" }),
      "bad.tif": corrupt(),
      "x-0001.jp2": jp2({}),
      "tools/readme.exe": Buffer.from("MZ\x90\x00 not really a program"),
    };
    const up = await upload(
      agency,
      "B-001-第1次交付.zip",
      zip(Object.entries(files).map(([name, data]) => ({ name, data, deflate: true }))),
    );
    expect(up.status).toBe(202);
    expect(["queued", "checking"]).toContain(up.body.status);
    deliveryId = up.body.id;
    const d = await checked(deliveryId);
    expect(d).toMatchObject({
      status: "checked",
      outcome: "fail",
      totalFiles: 14,
      processedFiles: 14,
      catalogueSource: "file",
    });

    const byRule = async (ruleId: string, outcome: string) => {
      const r = await officer.get(
        `/api/digitization-qc/deliveries/${deliveryId}/files?ruleId=${ruleId}&outcome=${outcome}&pageSize=200`,
      );
      expect(r.status).toBe(200);
      return (r.body.items as { path: string }[]).map((i) => i.path.split("/").pop()).sort();
    };
    expect(await byRule("skew", "fail")).toEqual([`${code(1)}-0002.tif`]);
    expect(await byRule("resolution", "fail")).toEqual([`${code4}-0001.jpg`]);
    expect(await byRule("blank_page", "warn")).toEqual([`${code4}-0002.tif`]);
    expect(await byRule("duplicate", "fail")).toEqual([`${code(2)}-0002.tif`]);
    expect(await byRule("decodable", "fail")).toEqual(["bad.tif", `${code4}-0003.tif`].sort());
    expect(await byRule("naming", "fail")).toEqual(["bad.tif", "scan01.tif"]);
    expect(await byRule("non_archival", "fail")).toEqual(["readme.exe"]);
    expect(await byRule("colour_mode", "manual")).toEqual([`${code(1)}-0004.tif`, "scan01.tif"].sort());
    // JPEG 2000: header read, pixels not decoded — said so, not passed.
    expect(await byRule("decodable", "not_checked")).toEqual(["x-0001.jp2"]);
    expect(await byRule("skew", "not_checked")).toEqual(["x-0001.jp2"]);

    const vol = (ref: string | null, rule: string) =>
      d.volumeResults.find(
        (r: { referenceCode: string | null; ruleId: string }) => r.referenceCode === ref && r.ruleId === rule,
      );
    expect(vol(code(1), "sequence_gap")).toMatchObject({ outcome: "fail", detail: { gaps: [3] } });
    expect(vol(code(2), "page_count")).toMatchObject({ outcome: "pass" });
    expect(vol(code4, "page_count")).toMatchObject({
      outcome: "fail",
      detail: { expected: 2, delivered: 3 },
    });
    expect(vol(null, "format_uniform")).toMatchObject({ outcome: "fail" });
    // Z-7.3: the stopped construction log is never accepted.
    expect(vol(code(3), "volume_stopped")).toMatchObject({ outcome: "fail" });

    const fp = Object.fromEntries(
      d.fourProperty.map((i: { code: string; outcome: string }) => [i.code, i.outcome]),
    );
    expect(fp).toMatchObject({
      "GD-1-10": "not_checked",
      "GD-3-4": "fail",
      "GD-4-3": "fail",
      "GD-2-6": "fail",
    });
    expect(fp["GD-4-2"]).toBe(d.virusScanner ? expect.any(String) : "not_checked");

    const one = await officer.get(
      `/api/digitization-qc/deliveries/${deliveryId}/files?q=${encodeURIComponent(`${code(1)}-0001`)}`,
    );
    const f = one.body.items[0];
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(f.sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(f).toMatchObject({ referenceCode: code(1), seq: 1, dpi: 300, format: "tiff", outcome: "pass" });
    expect(f.results.every((r: { ruleId: string }) => typeof r.ruleId === "string")).toBe(true);
  });

  it("[Z-7.4] refuses unsafe or oversized archives with a clear error, and the wrong people", async () => {
    const img = await page({ seed: 9 });
    const evil = await upload(agency, "evil.zip", zip([{ name: "../../evil.tif", data: img }]));
    expect(evil.status).toBe(422);
    expect(evil.body).toMatchObject({ code: "ARCHIVE_UNSAFE" });
    expect(evil.body.message.en).toContain("leaves the delivery folder");
    const bomb = await upload(
      agency,
      "bomb.zip",
      zip([{ name: "a-0001.tif", data: Buffer.alloc(30 * 1024 * 1024), deflate: true }]),
    );
    expect(bomb.status).toBe(422);
    expect(bomb.body.message.en).toContain("zip bomb");
    const link = await upload(agency, "link.tar", await tarball([{ name: "a-0001.tif", type: "symlink" }]));
    expect(link.status).toBe(422);
    expect((await upload(agency, "notes.txt", Buffer.from("hello"))).body.code).toBe("ARCHIVE_UNSUPPORTED");
    const tarOk = await upload(
      agency,
      "ok.tar",
      await tarball([{ name: `${code(1)}-0001.tif`, data: img }]),
      "?purpose=access",
    );
    expect(tarOk.status).toBe(202);
    expect((await upload(officer, "x.zip", zip([{ name: "a.tif", data: img }]))).status).toBe(403);
    expect((await upload(otherClient, "x.zip", zip([{ name: "a.tif", data: img }]))).status).toBe(404);
    await t.services.digitizationQc.deliveries.idle();
  });

  it("[Z-7.4][Z-7.3] the client samples, records defects and may not accept a batch with a stopped volume", async () => {
    expect((await agency.post(`/api/digitization-qc/deliveries/${deliveryId}/sample`, {})).status).toBe(403);
    const drawn = await officer.post(`/api/digitization-qc/deliveries/${deliveryId}/sample`, {
      ratePct: 100,
      seed: "qc-test",
    });
    expect(drawn.status).toBe(201);
    expect(drawn.body).toMatchObject({ population: 12, size: 12, seed: "qc-test" });
    expect((await officer.post(`/api/digitization-qc/deliveries/${deliveryId}/sample`, {})).status).toBe(409);
    const low = await officer.get(`/api/digitization-qc/deliveries/${deliveryId}/sample`);
    const items = low.body.items as { fileId: string; path: string }[];
    const skewed = items.find((i) => i.path.endsWith(`${code(1)}-0002.tif`))!;
    const defect = await officer.post(`/api/digitization-qc/samples/${drawn.body.id}/defects`, {
      fileId: skewed.fileId,
      defectType: "skew",
      note: "偏斜约6度",
    });
    expect(defect.status).toBe(201);
    expect(defect.body.defectClass).toBe("minor");
    for (const i of items)
      await officer.post(`/api/digitization-qc/samples/${drawn.body.id}/reviewed`, { fileId: i.fileId });
    const s = await officer.get(`/api/digitization-qc/deliveries/${deliveryId}/sample`);
    expect(s.body).toMatchObject({ unreviewed: 0, tally: { minor: 1, stoppedVolumes: 1 } });
    expect(s.body.stoppedVolumes).toEqual([code(3)]);
    const accept = await officer.post(`/api/digitization-qc/samples/${drawn.body.id}/verdict`, {
      verdict: "accepted",
    });
    expect(accept.status).toBe(409);
    expect(accept.body).toMatchObject({ code: "QC_VOLUME_STOPPED", clause: "Z-7.3" });
    expect(
      (await agency.post(`/api/digitization-qc/samples/${drawn.body.id}/verdict`, { verdict: "rejected" }))
        .status,
    ).toBe(403);
    const reject = await officer.post(`/api/digitization-qc/samples/${drawn.body.id}/verdict`, {
      verdict: "rejected",
      note: "返工",
    });
    expect(reject.status).toBe(200);
    expect(reject.body.verdict).toBe("rejected");
    expect(
      (await officer.post(`/api/digitization-qc/samples/${drawn.body.id}/verdict`, { verdict: "rejected" }))
        .status,
    ).toBe(409);
    defectId = defect.body.id;
  });

  it("[Z-7.4][Z-7.2] sends a volume back to the right workstation through a recorded station handover", async () => {
    const vol = await t.services.db
      .selectFrom("digitizationVolume")
      .select(["id", "currentWorkstationId"])
      .where("referenceCode", "=", code(1))
      .executeTakeFirstOrThrow();
    const k = await officer.post(`/api/digitization-qc/deliveries/${deliveryId}/corrections`, {
      volumeId: vol.id,
      defectIds: [defectId],
      reason: "第2页偏斜，重新纠偏",
    });
    expect(k.status).toBe(201);
    expect(k.body).toMatchObject({ stationKind: "image_processing", status: "requested" });
    expect(k.body.workstationId).toBeTruthy();
    const people = await t.services.db
      .selectFrom("digitizationPerson")
      .select(["id", "name"])
      .where("projectId", "=", projectId)
      .execute();
    const person = (n: string) => people.find((p) => p.name === n)!.id;
    const body = { giverPersonId: person("罗佳"), receiverPersonId: person("沈晓峰") };
    expect((await officer.post(`/api/digitization-qc/corrections/${k.body.id}/send`, body)).status).toBe(403);
    const sent = await agency.post(`/api/digitization-qc/corrections/${k.body.id}/send`, body);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "sent" });
    const after = await t.services.db
      .selectFrom("digitizationVolume")
      .select("currentWorkstationId")
      .where("id", "=", vol.id)
      .executeTakeFirstOrThrow();
    expect(after.currentWorkstationId).toBe(k.body.workstationId);
    expect(after.currentWorkstationId).not.toBe(vol.currentWorkstationId);
    const handover = await t.services.db
      .selectFrom("digitizationStationHandover")
      .select(["content", "receiverName"])
      .where("id", "=", sent.body.handoverId)
      .executeTakeFirstOrThrow();
    expect(handover).toMatchObject({ receiverName: "沈晓峰" });
    expect((await agency.post(`/api/digitization-qc/corrections/${k.body.id}/send`, body)).status).toBe(409);
  });

  it("[Z-7.4] serves the PDF and xlsx reports and a browser preview; regulators read, strangers get 404", async () => {
    const pdf = await inspector.get(`/api/digitization-qc/deliveries/${deliveryId}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = await officer.get(`/api/digitization-qc/deliveries/${deliveryId}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe("PK");
    const files = await officer.get(`/api/digitization-qc/deliveries/${deliveryId}/files?q=0001.tif`);
    const preview = await officer.request({
      method: "GET",
      url: `/api/digitization-qc/files/${files.body.items[0].id}/preview`,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers["content-type"]).toBe("image/jpeg");
    const list = await inspector.get(`/api/digitization-qc/deliveries?projectId=${projectId}`);
    expect(list.body.total).toBeGreaterThan(0);
    expect((await inspector.post(`/api/digitization-qc/deliveries/${deliveryId}/sample`, {})).status).toBe(
      403,
    );
    for (const c of [stranger, otherClient]) {
      expect((await c.get(`/api/digitization-qc/deliveries/${deliveryId}`)).status).toBe(404);
      expect((await c.get(`/api/digitization-qc/deliveries/${deliveryId}/report.pdf`)).status).toBe(404);
      expect((await c.get(`/api/digitization-qc/files/${files.body.items[0].id}/preview`)).status).toBe(404);
      expect((await c.get(`/api/digitization-qc/deliveries?projectId=${projectId}`)).body.total).toBe(0);
    }
  });
});
