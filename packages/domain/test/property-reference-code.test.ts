// Property-based tests (fast-check) of the reference-code parser: any text is
// answered with a result, never an exception; what it accepts it reads back
// exactly; spreadsheet spellings of a code parse to the same code.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CATEGORY_CODES,
  normaliseReferenceCode,
  parseReferenceCode,
  REFERENCE_CODE_PROBLEMS,
} from "../src/custody/reference-code.ts";

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const upper = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), minLength: min, maxLength: max });

const fonds = fc.oneof(
  fc.tuple(upper(1, 1), digits(3, 3)).map(([a, b]) => a + b),
  digits(4, 4),
);
const category = fc.constantFrom(...Object.keys(CATEGORY_CODES));
const year = fc.integer({ min: 1840, max: 2100 }).map(String);
const retention = fc.oneof(
  fc.constant("Y"),
  fc.integer({ min: 1, max: 999 }).map((n) => `D${n}`),
);
const serial = digits(3, 5);
const unit = fc.oneof(upper(2, 4), digits(3, 3), fc.constantFrom("办公室", "财务处", "人事科"));

/** DA/T 22: Z109-WS·2011-Y[-BGS]-0001 */
const daT22 = fc
  .record({ fonds, category, year, retention, unit: fc.option(unit, { nil: undefined }), serial })
  .map((c) => ({
    ...c,
    code: `${c.fonds}-${c.category}·${c.year}-${c.retention}${c.unit ? `-${c.unit}` : ""}-${c.serial}`,
  }));

/** Characters a spreadsheet user types instead of the canonical ones. */
function respell(code: string, seed: number[]): string {
  let i = 0;
  const pick = <T>(xs: T[]) => xs[(seed[i++ % seed.length] ?? 0) % xs.length]!;
  return [...code]
    .map((ch) => {
      if (ch === "·") return pick(["·", "•", "・", ".", "．", "‧", "∙", "⋅"]);
      if (ch === "-") return pick(["-", "－", "–", "—", " - "]);
      if (/[0-9A-Z]/.test(ch)) {
        const v = pick([0, 1, 2]);
        if (v === 1) return String.fromCharCode(ch.charCodeAt(0) + 0xfee0); // full-width
        if (v === 2) return ch.toLowerCase();
      }
      return ch;
    })
    .join("");
}

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(..."Z109-WS·2011YD30BGS.．－ 　"), maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

describe("reference codes under generated input (DA/T 22, DA/T 13)", () => {
  it("[D-8.3] answers any text with a result or a named problem, never an exception", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const code = normaliseReferenceCode(raw);
        const parsed = parseReferenceCode(code);
        if (!parsed.ok) expect(REFERENCE_CODE_PROBLEMS[parsed.problem]?.en).toBeTruthy();
        const unnormalised = parseReferenceCode(raw);
        expect(typeof unnormalised.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("[D-8.3] normalising twice changes nothing (a stored code re-imports as itself)", () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normaliseReferenceCode(raw);
        expect(normaliseReferenceCode(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("[D-8.3] reads every well-formed DA/T 22 code back into its parts", () => {
    fc.assert(
      fc.property(daT22, (c) => {
        const parsed = parseReferenceCode(c.code);
        expect(parsed).toEqual({
          ok: true,
          value: {
            fonds: c.fonds,
            category: c.category,
            year: c.year,
            retention: c.retention,
            unit: c.unit,
            serial: c.serial,
            form: "DA/T 22",
          },
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("[D-8.3] parses full-width, lower-case and look-alike spellings to the same code", () => {
    fc.assert(
      fc.property(daT22, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (c, seed) => {
        const spelled = respell(c.code, seed);
        expect(normaliseReferenceCode(spelled)).toBe(c.code);
      }),
      { numRuns: 1000 },
    );
  });

  it("[D-8.3] refuses a well-formed code with one part broken, naming that part", () => {
    fc.assert(
      fc.property(daT22, fc.constantFrom("fonds", "category", "serial"), (c, broken) => {
        const code =
          broken === "fonds"
            ? c.code.replace(c.fonds, `${c.fonds}X1`)
            : broken === "category"
              ? c.code.replace(`-${c.category}·`, "-QQ·")
              : `${c.code.slice(0, -c.serial.length)}1`;
        const parsed = parseReferenceCode(code);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok)
          expect(parsed.problem).toBe(
            broken === "category" ? "unknown_category" : broken === "fonds" ? "fonds" : "serial",
          );
      }),
      { numRuns: 500 },
    );
  });
});
