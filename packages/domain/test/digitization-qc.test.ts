// Digitization QC rules (Z-7.4, Z-7.3): quality terms, per-file and delivery
// checks, the four-property report, sampling and the verdict.
import { describe, expect, it } from "vitest";
import {
  assertQcTermsNotBelowNational,
  assertQcVerdictAllowed,
  checkQcDelivery,
  checkQcFile,
  DomainError,
  drawQcSample,
  fourPropertyCheck,
  NATIONAL_QC_TERMS,
  parseImageName,
  parseQcCatalogue,
  type QcFileFacts,
  qcSampleSize,
  qcSizeRefusal,
  qcVerdictReasons,
} from "../src/index.ts";

const T = NATIONAL_QC_TERMS;
const img = (o: Partial<QcFileFacts> = {}): QcFileFacts => ({
  path: "Z1-WS·2011-Y-BGS-0001-0001.tif",
  sizeBytes: 5000,
  kind: "image",
  format: "tiff",
  decodable: true,
  width: 200,
  height: 280,
  dpi: 300,
  colourMode: "colour",
  inkPct: 12,
  skewDeg: 0.3,
  ...o,
});
const outcome = (facts: QcFileFacts, rule: string, purpose: "preservation" | "access" = "preservation") =>
  checkQcFile(facts, T, purpose).find((r) => r.ruleId === rule)?.outcome;
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("not refused");
};

describe("quality terms", () => {
  it("[Z-7.4] defaults to the national figures, each with its source", () => {
    expect(assertQcTermsNotBelowNational({})).toEqual(T);
    expect(T.minDpi).toBe(200);
    expect(T.formats).toEqual(["tiff", "jpeg", "jp2"]);
  });
  it("[Z-7.4] takes stricter contract terms", () => {
    const t = assertQcTermsNotBelowNational({
      minDpi: 300,
      formats: ["tiff"],
      colourModes: ["colour"],
      maxSkewDeg: 1,
    });
    expect(t).toMatchObject({ minDpi: 300, formats: ["tiff"], maxSkewDeg: 1 });
  });
  it("[Z-7.4] refuses a contract term looser than the national figure, naming it", () => {
    const e = refusal(() => assertQcTermsNotBelowNational({ minDpi: 150, sampleRatePct: 2, criticalMax: 3 }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: "QC_TERMS_BELOW_NATIONAL", clause: "Z-7.4", status: 422 });
    expect((e.details!.looser as { term: string }[]).map((l) => l.term)).toEqual([
      "minDpi",
      "sampleRatePct",
      "criticalMax",
    ]);
  });
});

describe("per-file checks", () => {
  it("[Z-7.4] allows TIFF, JPEG and JPEG 2000; PDF only for access copies", () => {
    expect(outcome(img(), "format_allowed")).toBe("pass");
    expect(outcome(img({ format: "jp2", decodable: null }), "format_allowed")).toBe("pass");
    expect(outcome(img({ kind: "pdf", format: "pdf" }), "format_allowed")).toBe("fail");
    expect(outcome(img({ kind: "pdf", format: "pdf" }), "format_allowed", "access")).toBe("pass");
    expect(outcome(img({ format: null }), "format_allowed")).toBe("fail");
  });
  it("[Z-7.4] needs at least the agreed resolution, recorded in the image", () => {
    expect(outcome(img({ dpi: 200 }), "resolution")).toBe("pass");
    expect(outcome(img({ dpi: 150 }), "resolution")).toBe("fail");
    expect(outcome(img({ dpi: null }), "resolution")).toBe("fail");
    expect(checkQcFile(img({ dpi: 250 }), { ...T, minDpi: 300 }, "preservation")[2]).toMatchObject({
      outcome: "fail",
    });
  });
  it("[Z-7.4] leaves red letterheads and seals on non-colour pages to a manual check; refuses modes the contract excludes", () => {
    expect(outcome(img(), "colour_mode")).toBe("pass");
    expect(outcome(img({ colourMode: "greyscale" }), "colour_mode")).toBe("manual");
    expect(outcome(img({ colourMode: "bitonal" }), "colour_mode")).toBe("manual");
    const colourOnly = { ...T, colourModes: ["colour" as const] };
    expect(
      checkQcFile(img({ colourMode: "bitonal" }), colourOnly, "preservation").find(
        (r) => r.ruleId === "colour_mode",
      )?.outcome,
    ).toBe("fail");
  });
  it("[Z-7.4] reports blank pages and skew over the threshold", () => {
    expect(outcome(img({ inkPct: 0.01 }), "blank_page")).toBe("warn");
    expect(outcome(img({ inkPct: 5 }), "blank_page")).toBe("pass");
    expect(outcome(img({ skewDeg: 4.5 }), "skew")).toBe("fail");
    expect(outcome(img({ skewDeg: -2.9 }), "skew")).toBe("pass");
  });
  it("[Z-7.4] says 'not checked' for pixels it cannot decode (JPEG 2000)", () => {
    const jp2 = img({ format: "jp2", decodable: null, inkPct: null, skewDeg: null });
    expect(outcome(jp2, "decodable")).toBe("not_checked");
    expect(outcome(jp2, "blank_page")).toBe("not_checked");
    expect(outcome(jp2, "skew")).toBe("not_checked");
  });
  it("[Z-7.4] fails undecodable images and refuses gigantic or lying headers before decoding", () => {
    expect(outcome(img({ decodable: false, decodeError: "truncated" }), "decodable")).toBe("fail");
    expect(qcSizeRefusal(60_000, 60_000, 200)).toBe("too_large");
    expect(qcSizeRefusal(8000, 8000, 200)).toBe("implausible");
    expect(qcSizeRefusal(2480, 3508, 40_000)).toBeNull();
    expect(outcome(img({ refusedSize: "too_large" }), "dimensions")).toBe("fail");
  });
  it("[Z-7.4] flags executables and non-archival files (DA/T 70 GD-4-3)", () => {
    expect(outcome(img({ kind: "executable", format: null }), "non_archival")).toBe("fail");
    expect(outcome(img({ kind: "other", format: null }), "non_archival")).toBe("fail");
    expect(checkQcFile(img({ kind: "metadata", format: null }), T, "preservation")).toEqual([]);
  });
});

describe("delivery checks", () => {
  const catalogue = [
    { referenceCode: "Z109-WS·2011-Y-BGS-0001", expectedPages: 3 },
    { referenceCode: "Z109-WS·2011-Y-BGS-0002", expectedPages: 2 },
    { referenceCode: "Z109-WS·2011-Y-BGS-0003", expectedPages: 1, status: "stopped" },
    { referenceCode: "Z109-WS·2011-Y-BGS-0004", expectedPages: null },
  ];
  const d = (path: string, digest = path, format: "tiff" | "jpeg" = "tiff") => ({ path, digest, format });
  const run = checkQcDelivery(
    [
      d("Z109-WS·2011-Y-BGS-0001-0001.tif"),
      d("Z109-WS·2011-Y-BGS-0001-0003.tif"),
      d("Z109-WS·2011-Y-BGS-0001-0004.tif"),
      d("v2/Z109-WS·2011-Y-BGS-0002-0001.tif", "same"),
      d("v2/Z109-WS·2011-Y-BGS-0002-0002.tif", "same"),
      d("Z109-WS·2011-Y-BGS-0009-0001.tif"),
      d("scan-final.jpg", "x", "jpeg"),
    ],
    catalogue,
  );
  const find = (rule: string, key: string) =>
    run.results.find((r) => r.ruleId === rule && (r.path === key || r.referenceCode === key));

  it("[Z-7.4] names images by reference code + image sequence number (longest catalogue code wins)", () => {
    const codes = new Set(["A1-WS·2011-Y", "A1-WS·2011-Y-0001"]);
    expect(parseImageName("A1-WS·2011-Y-0001-0002.tif", codes)).toEqual({
      referenceCode: "A1-WS·2011-Y-0001",
      seq: 2,
    });
    expect(parseImageName("A1-WS·2011-Y-0001.tif", codes)).toEqual({
      referenceCode: "A1-WS·2011-Y-0001",
      seq: null,
    });
    expect(find("naming", "scan-final.jpg")?.outcome).toBe("fail");
    expect(find("naming", "Z109-WS·2011-Y-BGS-0001-0001.tif")?.outcome).toBe("pass");
  });
  it("[Z-7.4] finds sequence gaps and page counts that differ from the catalogue", () => {
    expect(find("sequence_gap", "Z109-WS·2011-Y-BGS-0001")).toMatchObject({
      outcome: "fail",
      values: { gaps: [2] },
    });
    expect(find("page_count", "Z109-WS·2011-Y-BGS-0001")?.outcome).toBe("pass");
    expect(find("page_count", "Z109-WS·2011-Y-BGS-0002")?.outcome).toBe("pass");
  });
  it("[Z-7.4] finds duplicates by content, extra images and volumes with no images", () => {
    expect(find("duplicate", "v2/Z109-WS·2011-Y-BGS-0002-0002.tif")?.outcome).toBe("fail");
    expect(find("not_in_catalogue", "Z109-WS·2011-Y-BGS-0009-0001.tif")?.outcome).toBe("fail");
    expect(find("missing_volume", "Z109-WS·2011-Y-BGS-0004")?.outcome).toBe("fail");
    expect(run.results.find((r) => r.ruleId === "format_uniform")?.outcome).toBe("fail");
  });
  it("[Z-7.3] never accepts a stopped volume", () => {
    expect(find("volume_stopped", "Z109-WS·2011-Y-BGS-0003")?.outcome).toBe("fail");
    expect(find("missing_volume", "Z109-WS·2011-Y-BGS-0003")).toBeUndefined();
  });
  it("[Z-7.4] reads a catalogue file and refuses bad lines by line", () => {
    expect(parseQcCatalogue("档号,页数\nA-1,3\nA-2,\n")).toEqual([
      { referenceCode: "A-1", expectedPages: 3 },
      { referenceCode: "A-2", expectedPages: null },
    ]);
    expect(refusal(() => parseQcCatalogue("A-1,x\nA-1,2\nA-1,3"))).toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});

describe("four-property check (DA/T 70)", () => {
  const items = fourPropertyCheck({
    results: [
      { ruleId: "decodable", outcome: "fail", path: "a.tif", message: { zh: "", en: "" } },
      { ruleId: "naming", outcome: "pass", path: "a.tif", message: { zh: "", en: "" } },
    ],
    manifest: { algorithms: ["sha256"], mismatched: ["b.tif"], missingFromDelivery: [], notInManifest: [] },
    oxum: { declared: { bytes: 10, count: 1 }, actual: { bytes: 10, count: 1 } },
    catalogueEntries: 2,
    catalogueWithoutPages: 0,
    virus: { scanner: null, infected: [] },
  });
  const by = (code: string) => items.find((i) => i.code === code);
  it("[Z-7.4] reports each item by its code and says plainly when no virus scanner is installed", () => {
    expect(by("GD-1-10")?.outcome).toBe("fail");
    expect(by("GD-2-2")?.outcome).toBe("pass");
    expect(by("GD-3-4")?.outcome).toBe("fail");
    expect(by("GD-1-7")?.outcome).toBe("pass");
    expect(by("GD-4-2")).toMatchObject({ outcome: "not_checked" });
    expect(by("GD-4-1")?.message.en).toContain("No virus scanner");
    expect(by("GD-4-3")?.outcome).toBe("pass");
  });
});

describe("sampling and verdict", () => {
  it("[Z-7.4] samples at least one image at the rate, reproducibly from the seed", () => {
    expect(qcSampleSize(1000, 5)).toBe(50);
    expect(qcSampleSize(7, 5)).toBe(1);
    expect(qcSampleSize(0, 5)).toBe(0);
    const ids = Array.from({ length: 200 }, (_, i) => `f${i}`);
    const a = drawQcSample(ids, 5, "seed-1");
    expect(a).toHaveLength(10);
    expect(drawQcSample([...ids].reverse(), 5, "seed-1")).toEqual(a);
    expect(drawQcSample(ids, 5, "seed-2")).not.toEqual(a);
  });
  const tally = { size: 20, critical: 0, major: 1, minor: 2, stoppedVolumes: 0 };
  it("[Z-7.4] accepts a sample within the limits and refuses one beyond them", () => {
    expect(qcVerdictReasons(tally, T)).toEqual([]);
    expect(() => assertQcVerdictAllowed("accepted", tally, T, 0)).not.toThrow();
    expect(refusal(() => assertQcVerdictAllowed("accepted", { ...tally, critical: 1 }, T, 0))).toMatchObject({
      code: "QC_LIMITS_EXCEEDED",
      clause: "Z-7.4",
    });
    expect(refusal(() => assertQcVerdictAllowed("accepted", { ...tally, major: 2 }, T, 0)).code).toBe(
      "QC_LIMITS_EXCEEDED",
    );
    expect(refusal(() => assertQcVerdictAllowed("accepted", tally, T, 3)).code).toBe("QC_SAMPLE_UNREVIEWED");
    expect(() => assertQcVerdictAllowed("rejected", { ...tally, critical: 5 }, T, 3)).not.toThrow();
  });
  it("[Z-7.3] never accepts a batch while one of its volumes is stopped", () => {
    expect(
      refusal(() => assertQcVerdictAllowed("accepted", { ...tally, stoppedVolumes: 1 }, T, 0)),
    ).toMatchObject({
      code: "QC_VOLUME_STOPPED",
      clause: "Z-7.3",
    });
  });
});
