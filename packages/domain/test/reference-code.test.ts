import { describe, expect, it } from "vitest";
import { normaliseReferenceCode, parseReferenceCode } from "../src/custody/reference-code.ts";

const parse = (s: string) => parseReferenceCode(normaliseReferenceCode(s));

describe("reference codes (DA/T 22, DA/T 13)", () => {
  it("[D-8.3] parses the DA/T 22 form with and without the unit", () => {
    expect(parse("Z109-WS·2011-Y-BGS-0001")).toEqual({
      ok: true,
      value: {
        fonds: "Z109",
        category: "WS",
        year: "2011",
        retention: "Y",
        unit: "BGS",
        serial: "0001",
        form: "DA/T 22",
      },
    });
    expect(parse("0001-WS·2019-D30-0012")).toMatchObject({
      ok: true,
      value: { unit: undefined, retention: "D30" },
    });
  });

  it("[D-8.3] parses DA/T 13 forms by item and by file", () => {
    expect(parse("A439-WS·2015·D30·003-005")).toMatchObject({
      ok: true,
      value: { form: "DA/T 13", unit: "003", serial: "005" },
    });
    expect(parse("Z109-WS·2011·Y·办公室-0001")).toMatchObject({ ok: true, value: { unit: "办公室" } });
    expect(parse("X032-KJ·JJ·02-005-054")).toMatchObject({
      ok: true,
      value: { category: "KJ", serial: "005-054" },
    });
  });

  it("[D-8.3] normalises full-width, look-alike interpuncts and spaces", () => {
    expect(normaliseReferenceCode(" Ｚ１０９－ＷＳ・2011 - y-bgs-0001 ")).toBe("Z109-WS·2011-Y-BGS-0001");
    expect(parse("Z109-WS.2011-Y-BGS-0001").ok).toBe(true);
  });

  it("[D-8.3] names what is wrong with a malformed code", () => {
    expect(parse("")).toEqual({ ok: false, problem: "empty" });
    expect(parse("Z1-WS·2011-Y-0001")).toEqual({ ok: false, problem: "fonds" });
    expect(parse("Z109-XX·2011-Y-0001")).toEqual({ ok: false, problem: "unknown_category" });
    expect(parse("Z109-WS·1011-Y-0001")).toEqual({ ok: false, problem: "year" });
    expect(parse("Z109-WS·2011-P-0001")).toEqual({ ok: false, problem: "retention" });
    expect(parse("Z109-WS·2011-Y-BGS-1")).toEqual({ ok: false, problem: "serial" });
    expect(parse("Z109")).toEqual({ ok: false, problem: "shape" });
  });
});
