// Generated input for the API fuzz test: bodies, query strings and path
// parameters built from each route's own OpenAPI schema (so that they reach
// the services), then bent — a field of the wrong type, a null, a huge or
// strange string, a prototype-pollution key — or replaced by anything at all.
import fc from "fast-check";

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

/** Strings that have broken parsers, databases and spreadsheets before. */
export const NASTY_STRINGS = [
  "",
  " ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "0x1f",
  "9".repeat(30),
  "2026-02-30",
  "2026-13-01T25:61:00Z",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "../../etc/passwd",
  "'; DROP TABLE project; --",
  "%00",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uFFFE",
  "𠮷野家",
  "档案\u202Eexe.pdf",
  '=HYPERLINK("http://evil","x")',
  "@SUM(1+1)",
  "<script>alert(1)</script>",
  "{{7*7}}",
  "$(reboot)",
  "\\",
  "Z109-WS·2011-Y-0001",
];

export const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 200_000 }).map((n) => "档".repeat(n)) },
);

/** Any value of any type, including objects keyed "__proto__" (as JSON.parse makes them: own keys). */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(nastyString, fc.constantFrom("__proto__", "constructor")), tie("v")), {
        maxLength: 4,
      })
      .map((entries) =>
        JSON.parse(
          `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`).join(",")}}`,
        ),
      ),
  ),
})).v;

export interface ArbContext {
  /** Real record ids of the seeded world, so that generated ids sometimes name something. */
  ids: string[];
}

const uuidArb = (ctx: ArbContext) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ctx.ids) }, { weight: 1, arbitrary: fc.uuid() });

function stringArb(s: Schema, ctx: ArbContext): fc.Arbitrary<string> {
  if (s.format === "uuid") return uuidArb(ctx);
  if (s.format === "date")
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === "date-time")
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.format === "email") return fc.emailAddress();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 500));
    } catch {
      // an expression fast-check cannot invert: plain text below
    }
  }
  return fc
    .string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 60), unit: "grapheme" })
    .filter((v) => v.length >= (s.minLength ?? 0));
}

/** A value the schema accepts (as far as fast-check can tell). */
export function fromSchema(s: Schema | undefined, ctx: ArbContext, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, ctx, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0], ctx, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringArb(s, ctx);
    case "integer":
      return fc.integer({
        min: Math.max(s.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(s.maximum ?? 100_000, 2 ** 31),
      });
    case "number":
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fromSchema(s.items, ctx, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case "object": {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v, ctx, depth + 1);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return anyValue;
  }
}

/** One field of a generated object (or the whole value) replaced by something hostile. */
export function bend(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, anyValue, fc.nat(), fc.boolean()).map(([v, hostile, pick, pollute]) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return hostile;
    const copy = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
    const keys = Object.keys(copy);
    if (keys.length) copy[keys[pick % keys.length]!] = hostile;
    if (!pollute) return copy;
    // JSON text with "__proto__" as an own key, as an attacker would send it.
    return JSON.parse(
      `${JSON.stringify(copy).slice(0, -1)}${keys.length ? "," : ""}"__proto__":{"isAdmin":true,"polluted":1}}`,
    );
  });
}

/** A body for a route: valid by its schema, bent, or anything at all. */
export function bodyArb(schema: Schema | undefined, ctx: ArbContext): fc.Arbitrary<unknown> {
  const valid = fromSchema(schema ?? { type: "object" }, ctx);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 3, arbitrary: bend(valid) },
    { weight: 1, arbitrary: anyValue },
  );
}

export interface Param {
  name: string;
  in: "path" | "query";
  required?: boolean;
  schema: Schema;
}

const queryValue = (s: Schema, ctx: ArbContext) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fromSchema(s, ctx).map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))),
    },
    { weight: 2, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.array(nastyString, { minLength: 2, maxLength: 3 }) },
  );

/** Path parameters and a query string for a route. */
export function urlArb(url: string, params: Param[], ctx: ArbContext): fc.Arbitrary<string> {
  const path = params.filter((p) => p.in === "path");
  const query = params.filter((p) => p.in === "query");
  const pathArb = fc.tuple(
    ...path.map((p) =>
      fc.oneof(
        { weight: 4, arbitrary: fromSchema(p.schema, ctx).map(String) },
        { weight: 1, arbitrary: nastyString.filter((s) => s.length < 2000) },
      ),
    ),
  );
  const queryArb = fc.tuple(
    fc.record(Object.fromEntries(query.map((q) => [q.name, queryValue(q.schema, ctx)])), {
      requiredKeys: [],
    }),
    fc.array(
      fc.tuple(fc.oneof(nastyString, fc.constantFrom("__proto__", "constructor[prototype]")), nastyString),
      { maxLength: 2 },
    ),
  );
  return fc.tuple(pathArb, queryArb).map(([values, [known, extra]]) => {
    let i = 0;
    const filled = url.replace(/:(\w+)/g, () => encodeURIComponent(String(values[i++] ?? "x")));
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(known)) for (const x of [v].flat()) qs.append(k, String(x));
    for (const [k, v] of extra) qs.append(k, v.slice(0, 2000));
    const s = qs.toString();
    return s ? `${filled}?${s}` : filled;
  });
}
