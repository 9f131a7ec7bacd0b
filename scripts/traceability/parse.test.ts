import { describe, expect, it } from "vitest";
import { citations, clauseIds, isTestPath, taggedTests } from "./parse.ts";

describe("clauseIds", () => {
  it("finds plain ids in prose and code", () => {
    expect(clauseIds("// G-3 and D-9.9 (see Z-5.8).")).toEqual(["G-3", "D-9.9", "Z-5.8"]);
    expect(clauseIds('clause: "D-12.2",')).toEqual(["D-12.2"]);
  });

  it("ignores ids inside words, version numbers and longer numbers", () => {
    expect(clauseIds("v1-2.3 1.G-3 x-G-3 ABG-3 G_D-4 D-9.9.1 D-1.2.3 G-10")).toEqual(["G-10"]);
    expect(clauseIds("G-S1 heading g-3 lower")).toEqual([]);
  });

  it("does not cut a longer id short", () => {
    expect(clauseIds("G-12 D-4.56")).toEqual(["G-12", "D-4.56"]);
  });

  it("reports each id once per line, with 1-based line numbers", () => {
    expect(citations("a\nG-3 G-3 Z-4.4\n\nG-3")).toEqual([
      { id: "G-3", line: 2 },
      { id: "Z-4.4", line: 2 },
      { id: "G-3", line: 4 },
    ]);
  });
});

// Sources are assembled from parts so this file holds no tagged title of its own.
const call = (fn: string, title: string) => `  ${fn}(${title}, async () => {});`;

describe("taggedTests", () => {
  it("reads adjacent and comma-separated tags", () => {
    const source = [
      "describe('x', () => {",
      call("it", '"[G-3][Z-4.4] refuses classified"'),
      call("test", "'[G-3, Z-4.4] both'"),
    ];
    expect(taggedTests(source.join("\n"))).toEqual([
      { ids: ["G-3", "Z-4.4"], title: "refuses classified", line: 2 },
      { ids: ["G-3", "Z-4.4"], title: "both", line: 3 },
    ]);
  });

  it("accepts only/concurrent forms, template titles and escaped quotes", () => {
    const source = [
      call("it.only", '"[D-9.9] says \\"no\\""'),
      call("test.concurrent", "`[D-12.2] template`"),
    ];
    expect(taggedTests(source.join("\n")).map((t) => [t.ids, t.title])).toEqual([
      [["D-9.9"], 'says \\"no\\"'],
      [["D-12.2"], "template"],
    ]);
  });

  it("skips untagged, skipped and mid-title tags", () => {
    const source = [
      call("it", '"plain title"'),
      call("it.skip", '"[G-3] skipped"'),
      call("it", '"mentions [G-3] later"'),
      call("it", '"[note] no id"'),
      call("split", '"[G-3] not a test"'),
    ];
    expect(taggedTests(source.join("\n"))).toEqual([]);
  });
});

describe("isTestPath", () => {
  it("treats *.test.* files and e2e folders as tests", () => {
    expect(isTestPath("packages/db/test/audit-chain.test.ts")).toBe(true);
    expect(isTestPath("e2e/flows/login.ts")).toBe(true);
    expect(isTestPath("apps/web/e2e/x.ts")).toBe(true);
    expect(isTestPath("packages/domain/src/projects/prohibitions.ts")).toBe(false);
    expect(isTestPath("apps/server/src/be2e/x.ts")).toBe(false);
  });
});
