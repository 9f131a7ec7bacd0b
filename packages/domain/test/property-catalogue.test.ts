// Property-based tests (fast-check) of what the catalogue and volume importers
// check (D-8.3, D-4.5, Z-6.1): any header and any cells are answered with rows
// or with problems by row and column — never an exception — and a problem's
// message stays small whatever the file holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CatalogueValidator } from "../src/custody/catalogue.ts";
import type { CatalogueProblem } from "../src/custody/catalogue-problems.ts";
import { validateVolumeRows } from "../src/digitization/originals/volume-import.ts";

const HEADER = ["序号", "档号", "题名", "盒号", "件数", "页数", "年度", "保管期限", "门类", "载体", "密级"];
const HOSTILE = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  '=HYPERLINK("http://x","y")',
  "\u0000",
  "\uFFFD",
  "\uD800",
  "𠮷𠮷",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "9".repeat(40),
  "0x10",
  "　",
  "绝密",
  "机密★10年",
];

/** A cell: any text, a hostile value, a plausible value, or a long one. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom("Z109-WS·2011-Y-0001", "文书", "永久", "纸质", "2011", "12", "") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => "档".repeat(n)) },
);
const headerCell = fc.oneof(
  fc.constantFrom(...HEADER, ...HOSTILE, "档号（必填）", "Box_No", "reference code"),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 1000, max: 50_000 }).map((n) => `档号(${"x".repeat(n)})`),
);
const table = fc.record({
  header: fc.oneof(fc.constant(HEADER), fc.array(headerCell, { maxLength: 14 })),
  rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 25 }),
  level: fc.constantFrom(undefined, "item" as const, "box" as const),
});

function expectWellFormed(p: CatalogueProblem, rows: number) {
  expect(p.row).toBeGreaterThanOrEqual(0);
  expect(p.row).toBeLessThanOrEqual(rows + 2);
  expect(p.message.zh.length).toBeGreaterThan(0);
  expect(p.message.en.length).toBeGreaterThan(0);
  // A hostile cell or header must not blow up the report (1000 problems are kept).
  expect(p.message.zh.length + p.message.en.length).toBeLessThan(2000);
  expect((p.header ?? "").length).toBeLessThan(2500);
  expect((p.value ?? "").length).toBeLessThanOrEqual(101);
}

describe("catalogue import checks under generated input", () => {
  it("[D-8.3] answers any header and cells with rows or problems by row and column, never an exception", () => {
    fc.assert(
      fc.property(table, ({ header, rows, level }) => {
        const v = new CatalogueValidator({ level, currentYear: 2026 });
        let accepted = 0;
        if (v.acceptHeader(header))
          rows.forEach((cells, i) => {
            if (v.acceptRow(cells, i + 2)) accepted++;
          });
        v.finish();
        for (const p of v.problems.items) expectWellFormed(p, rows.length);
        if (v.ok) expect(accepted).toBeGreaterThan(0);
        else expect(v.problems.total).toBeGreaterThan(0);
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("[D-8.3] accepts generated well-formed rows and refuses one broken cell by its row and column", () => {
    const good = fc
      .integer({ min: 1, max: 9999 })
      .map((k) => [
        String(k),
        `Z109-WS·2011-Y-${String(k).padStart(4, "0")}`,
        `题名${k}`,
        "B001",
        "1",
        "12",
        "2011",
        "永久",
        "文书",
        "纸质",
        "",
      ]);
    fc.assert(
      fc.property(
        fc.uniqueArray(good, { minLength: 1, maxLength: 30, selector: (r) => r[1] }),
        fc.nat(),
        fc.constantFrom(
          [4, "many", "quantity"],
          [5, "-3", "pages"],
          [5, "1e3", "pages"],
          [6, "1066", "year"],
          [10, "绝密", "classification"],
          [1, "Z109-WS·2011-Y", "referenceCode"],
          [2, "", "title"],
          [2, "长".repeat(1001), "title"],
        ) as fc.Arbitrary<[number, string, string]>,
        (rows, pick, [index, bad, column]) => {
          const ok = new CatalogueValidator({ currentYear: 2026 });
          ok.acceptHeader(HEADER);
          for (const [i, r] of rows.entries()) expect(ok.acceptRow(r, i + 2)).not.toBeNull();
          ok.finish();
          expect(ok.ok).toBe(true);

          const broken = rows.map((r) => [...r]);
          const at = pick % broken.length;
          broken[at]![index] = bad;
          const v = new CatalogueValidator({ currentYear: 2026 });
          v.acceptHeader(HEADER);
          for (const [i, r] of broken.entries()) v.acceptRow(r, i + 2);
          v.finish();
          expect(v.ok).toBe(false);
          expect(v.problems.items.map((p) => [p.row, p.column])).toContainEqual([at + 2, column]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("[Z-6.1] answers any volume list with rows or problems, never an exception", () => {
    fc.assert(
      fc.property(table, ({ header, rows }) => {
        const numbered = rows.map((cells, i) => ({ row: i + 2, cells }));
        const { rows: out, problems } = validateVolumeRows(header, numbered);
        for (const p of problems) expectWellFormed(p, rows.length);
        expect(out.length === 0 || problems.length === 0).toBe(true);
        expect(out.length + problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});
