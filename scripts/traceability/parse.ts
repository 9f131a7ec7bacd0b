// Pure text parsing for the traceability report: clause ids cited in source,
// and test titles that open with clause tags. No I/O here, so it is unit-tested.

/**
 * A clause id such as G-3, D-9.9 or Z-5.8: not glued to a word, dot or dash
 * before it, and not the start of a longer number after it (D-9.9.1, G-3.2a1).
 */
const CLAUSE_ID = /(?<![\w.-])[GDZ]-\d+(?:\.\d+)?(?![\w.]*\d)/g;

/** A test counts only when it runs: `it`, `test` and their only/concurrent/fails forms, not skip or todo. */
const TEST_TITLE =
  /\b(?:it|test)(?:\.(?:only|concurrent|sequential|fails))*\(\s*(["'`])((?:\[[^\]\n]*\]\s*)+)((?:\\.|(?!\1)[^\\\n])*)\1/g;

export interface Citation {
  id: string;
  line: number;
}

export interface TaggedTest {
  ids: string[];
  /** The title without its leading tags. */
  title: string;
  line: number;
}

export function clauseIds(text: string): string[] {
  return [...new Set(text.match(CLAUSE_ID) ?? [])];
}

/** Every clause id in `source`, once per line it appears on (lines are 1-based). */
export function citations(source: string): Citation[] {
  return source.split("\n").flatMap((text, k) => clauseIds(text).map((id) => ({ id, line: k + 1 })));
}

/** Tests whose title starts with tags: `it("[G-3][Z-4.4] …")` or `test("[G-3, Z-4.4] …")`. */
export function taggedTests(source: string): TaggedTest[] {
  return [...source.matchAll(TEST_TITLE)].flatMap((m) => {
    const ids = clauseIds(m[2]!);
    if (ids.length === 0) return [];
    const line = source.slice(0, m.index).split("\n").length;
    return [{ ids, title: m[3]!.trim(), line }];
  });
}

/** Tests are `*.test.*` files and anything under an `e2e/` folder; the rest is code. */
export function isTestPath(path: string): boolean {
  return /\.test\.|(^|\/)e2e\//.test(path);
}
