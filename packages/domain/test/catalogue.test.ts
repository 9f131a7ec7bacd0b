import { describe, expect, it } from "vitest";
import {
  bothPartiesConfirmed,
  CatalogueValidator,
  catalogueDigest,
  classifyCatalogueMarking,
  mapCatalogueHeaders,
  normaliseCarrier,
  normaliseCategory,
  normaliseRetention,
} from "../src/custody/catalogue.ts";
import { assertCatalogueDraft, cataloguePolicy } from "../src/custody/catalogue-policy.ts";
import type { CatalogueRow } from "../src/custody/catalogue-row.ts";

const HEADER = [
  "序号",
  "档号",
  "题名",
  "盒号",
  "件数",
  "页数",
  "年度",
  "保管期限",
  "门类",
  "载体",
  "密级",
  "备注",
];

function run(rows: string[][], header = HEADER) {
  const v = new CatalogueValidator({ currentYear: 2026 });
  const out: CatalogueRow[] = [];
  if (v.acceptHeader(header))
    rows.forEach((cells, i) => {
      const r = v.acceptRow(cells, i + 2);
      if (r) out.push(r);
    });
  v.finish();
  return { v, out, problems: v.problems.items };
}

const row = (code: string, extra: Partial<Record<number, string>> = {}) => {
  const r = [
    "1",
    code,
    "关于印发年度工作要点的通知",
    "0001",
    "1",
    "12",
    "2011",
    "永久",
    "文书",
    "纸质",
    "",
    "",
  ];
  for (const [i, v] of Object.entries(extra)) r[Number(i)] = v!;
  return r;
};

describe("handover catalogue header (D-8.3)", () => {
  it("[D-8.3] maps Chinese and English aliases and reports missing and unknown columns", () => {
    const h = mapCatalogueHeaders(["档 号*", "Title", "件数（件）", "Box_No", "责任者"]);
    expect(h.columns).toEqual(["referenceCode", "title", "quantity", "boxNo", null]);
    expect(h.level).toBe("item");
    expect(h.ignored).toEqual(["责任者"]);
    expect(h.missing).toEqual([]);
    expect(mapCatalogueHeaders(["盒号", "数量"]).level).toBe("box");
    expect(mapCatalogueHeaders(["题名"]).missing).toEqual(["referenceCode"]);
    expect(mapCatalogueHeaders(["档号", "档案号", "题名"]).duplicated).toEqual([
      { column: "referenceCode", headers: ["档号", "档案号"] },
    ]);
  });

  it("[D-8.3] refuses a file without the required columns, naming them", () => {
    const { problems } = run([], ["题名", "年度"]);
    expect(problems.map((p) => [p.code, p.column])).toEqual([["missing_column", "referenceCode"]]);
    expect(problems[0]!.message.zh).toContain("档号");
  });
});

describe("handover catalogue rows (D-8.3, D-4.5)", () => {
  it("[D-8.3] normalises codes and values", () => {
    const { out, problems } = run([
      row(" Ｚ１０９－ＷＳ・2011 - y-bgs-0001 ", { 7: "y", 8: "WS", 4: "１,２" }),
    ]);
    expect(problems).toEqual([]);
    expect(out[0]).toMatchObject({
      referenceCode: "Z109-WS·2011-Y-BGS-0001",
      retentionPeriod: "Y",
      category: "WS",
      quantity: 12,
      carrier: "paper",
      classification: null,
    });
  });

  it("[D-8.3] reports every problem of a row by row and column", () => {
    const bad = row("Z109-XX·2011-Y-0001", { 2: "", 4: "十二", 5: "-3", 6: "1800", 7: "很久", 9: "羊皮" });
    const { problems } = run([row("Z109-WS·2011-Y-0001"), bad]);
    const got = problems.map((p) => [p.row, p.column, p.code]);
    expect(got).toEqual(
      expect.arrayContaining([
        [3, "title", "required"],
        [3, "referenceCode", "reference_code"],
        [3, "quantity", "not_a_number"],
        [3, "pages", "not_a_number"],
        [3, "year", "year_range"],
        [3, "retentionPeriod", "unknown_retention"],
        [3, "carrier", "unknown_carrier"],
      ]),
    );
    const code = problems.find((p) => p.column === "referenceCode")!;
    expect(code.message.en).toContain("Row 3, reference code: unknown category code");
    expect(code.message.zh).toContain("第3行“档号”");
  });

  it("[D-8.3] reports an unknown category and a year that contradicts the code", () => {
    const { problems } = run([row("Z109-WS·2011-Y-0001", { 6: "2012", 8: "鸟类" })]);
    expect(problems.map((p) => p.code).sort()).toEqual(["unknown_category", "year_mismatch"]);
  });

  it("[D-8.3] reports both rows of a duplicate within the file", () => {
    const { problems } = run([
      row("Z109-WS·2011-Y-0001"),
      row("Z109-WS·2011-Y-0002"),
      row("z109-ws.2011-y-0001"),
    ]);
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, "duplicate_in_file"],
      [4, "duplicate_in_file"],
    ]);
  });

  it("[D-4.5] refuses rows marked with a state-secret level, and unrecognised markings", () => {
    const { problems, out } = run([
      row("Z109-WS·2011-Y-0001", { 10: "秘密★10年" }),
      row("Z109-WS·2011-Y-0002", { 10: "机密" }),
      row("Z109-WS·2011-Y-0003", { 10: "内部" }),
      row("Z109-WS·2011-Y-0004", { 10: "保密" }),
    ]);
    expect(problems.map((p) => [p.row, p.code, p.clause])).toEqual([
      [2, "classified", "D-4.5"],
      [3, "classified", "D-4.5"],
      [5, "unknown_classification", "D-4.5"],
    ]);
    expect(out.map((r) => r.classification)).toEqual(["内部"]);
  });

  it("[D-4.5] decides markings: open, empty, state secret, unknown", () => {
    expect(classifyCatalogueMarking("公开").kind).toBe("open");
    expect(classifyCatalogueMarking("工作秘密").kind).toBe("open");
    expect(classifyCatalogueMarking(" ").kind).toBe("none");
    for (const m of ["绝密", "机密★20年", "秘密", "涉密", "Top Secret", "confidential"])
      expect(classifyCatalogueMarking(m).kind, m).toBe("state_secret");
    expect(classifyCatalogueMarking("保密").kind).toBe("unknown");
  });

  it("[D-8.3] reads box-level catalogues: box numbers and counts required, duplicates by box", () => {
    const v = new CatalogueValidator({ currentYear: 2026 });
    expect(v.acceptHeader(["盒号", "件数", "题名"])).toBe(true);
    expect(v.level).toBe("box");
    expect(v.acceptRow(["A-001", "25", "2011年文书"], 2)).toMatchObject({ boxNo: "A-001", quantity: 25 });
    expect(v.acceptRow(["A-002", "", ""], 3)).toBeNull();
    v.acceptRow(["A-001", "3", ""], 4);
    expect(v.problems.items.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "quantity", "required"],
      [2, "boxNo", "duplicate_in_file"],
      [4, "boxNo", "duplicate_in_file"],
    ]);
  });

  it("[D-8.3] caps the problem list but counts every problem", () => {
    const v = new CatalogueValidator({ currentYear: 2026, cap: 5 });
    v.acceptHeader(HEADER);
    for (let i = 0; i < 20; i++) v.acceptRow(row(`bad${i}`), i + 2);
    expect(v.problems.items).toHaveLength(5);
    expect(v.problems.total).toBe(20);
  });

  it("[D-8.3] vocabularies: retention, category, carrier", () => {
    expect(["永久", "30年", "定期10年", "D030", "长期"].map(normaliseRetention)).toEqual([
      "Y",
      "D30",
      "D10",
      "D30",
      "C",
    ]);
    expect(["ws", "文书档案", "会计", "XX"].map(normaliseCategory)).toEqual(["WS", "WS", "KU", null]);
    expect(["纸质", "缩微胶片", "光盘", "papyrus"].map(normaliseCarrier)).toEqual([
      "paper",
      "film",
      "optical_disc",
      null,
    ]);
  });
});

describe("handover catalogue digest and confirmation (D-8.2)", () => {
  const r = (code: string, title: string): CatalogueRow => ({
    referenceCode: code,
    title,
    boxNo: null,
    quantity: 1,
    pages: null,
    year: 2011,
    retentionPeriod: "Y",
    category: "WS",
    carrier: "paper",
    classification: null,
  });

  it("[D-8.2] digests the canonical serialisation: order, values and level all count", () => {
    const a = catalogueDigest("item", [r("A", "x"), r("B", "y")]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(catalogueDigest("item", [r("A", "x"), r("B", "y")])).toBe(a);
    expect(catalogueDigest("item", [r("B", "y"), r("A", "x")])).not.toBe(a);
    expect(catalogueDigest("box", [r("A", "x"), r("B", "y")])).not.toBe(a);
    expect(catalogueDigest("item", [r("A", "x\ty"), r("B", "")])).not.toBe(
      catalogueDigest("item", [r("A", "x"), r("B", "y")]),
    );
  });

  it("[D-8.2] is confirmed only when both parties signed the same digest, and then frozen", () => {
    const p = { clientOrgId: "c", agencyOrgId: "a" };
    expect(bothPartiesConfirmed([{ orgId: "c", documentDigest: "d" }], p, "d")).toBe(false);
    expect(
      bothPartiesConfirmed(
        [
          { orgId: "c", documentDigest: "d" },
          { orgId: "a", documentDigest: "e" },
        ],
        p,
        "d",
      ),
    ).toBe(false);
    expect(
      bothPartiesConfirmed(
        [
          { orgId: "c", documentDigest: "d" },
          { orgId: "a", documentDigest: "d" },
        ],
        p,
        "d",
      ),
    ).toBe(true);
    expect(() => assertCatalogueDraft("confirmed")).toThrow(/CATALOGUE_FROZEN \[D-8.2\]/);
  });

  it("[D-8.2] lets the client's officers import, and people of either party confirm", () => {
    const parties = { clientOrgId: "c", agencyOrgId: "a", clientDistrict: "x", agencyDistrict: "y" };
    const user = (orgId: string, roles: string[]) =>
      ({
        type: "user",
        userId: "u",
        orgId,
        orgKind: orgId === "c" ? "client" : "agency",
        roles,
        regulatorLevel: null,
        supervisedDistricts: [],
      }) as never;
    expect(cataloguePolicy.import(user("c", ["client_archive_officer"]), parties)).toBe(true);
    expect(cataloguePolicy.import(user("c", ["client_leader"]), parties)).toBe(false);
    expect(cataloguePolicy.import(user("a", ["agency_manager"]), parties)).toBe(false);
    expect(cataloguePolicy.confirm(user("a", ["agency_manager"]), parties)).toBe(true);
    expect(cataloguePolicy.confirm({ type: "system", reason: "cli" }, parties)).toBe(false);
  });
});
