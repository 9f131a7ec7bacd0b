// Catalogue search text (Annex 1 §10, D-10.1): the normalisation and bigrams of
// titles (stored in catalogue_item.title_bigrams by the catalogue import) and of
// queries, by the same functions, so that a query's bigrams are a subset of the
// bigrams of every title that contains it. Migration 0011's
// catalogue_search_bigrams() and catalogue_search_text() are the SQL twins, for
// rows written by other paths.
import { normaliseReferenceCode } from "../custody/reference-code.ts";

/** Punctuation and whitespace (ASCII, Latin-1, general, CJK, vertical, full-width). Same class as the SQL. */
const SEPARATORS = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f]+/u;

/**
 * NFKC (full-width to half-width, as the catalogue import normalises codes),
 * ASCII lower case (as PostgreSQL's lower() under the C collation), runs of
 * whitespace as one space.
 */
export function normaliseSearchText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/\s+/g, " ")
    .trim();
}

/** Every pair of adjacent characters inside a run of non-separators, once each. */
export function searchBigrams(normalised: string): string[] {
  const out = new Set<string>();
  for (const run of normalised.split(SEPARATORS)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/**
 * The title's search text as catalogue_search_text() computes it in SQL (no
 * trim; whitespace as PostgreSQL's \s under the C collation, ASCII only), stored
 * in catalogue_item.title_search only when it differs from the title (null otherwise).
 */
export function titleSearchText(title: string): string | null {
  const text = title
    .normalize("NFKC")
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[ \t\n\v\f\r]+/g, " ");
  return text === title ? null : text;
}

/** The bigrams stored for a title (catalogue_item.title_bigrams). */
export const titleSearchBigrams = (title: string): string[] => searchBigrams(normaliseSearchText(title));

/** How a title query runs: by the bigram index, or (one-character words only) by a scan. */
export type TitleQuery =
  /**
   * `exact`: the query is one two-character word, so holding its bigram is the
   * same as containing it — no recheck, and the planner's estimate comes from
   * the array statistics alone (a LIKE recheck makes it guess a handful of rows).
   */
  | { kind: "bigrams"; text: string; bigrams: string[]; exact: boolean }
  /** No run of two characters: nothing to look up, so the scope is scanned with LIKE. */
  | { kind: "scan"; text: string };

/** The plan for a title query, or null when it is empty after normalisation. */
export function titleQuery(raw: string): TitleQuery | null {
  const text = normaliseSearchText(raw);
  if (!text) return null;
  const bigrams = searchBigrams(text);
  if (bigrams.length === 0) return { kind: "scan", text };
  return { kind: "bigrams", text, bigrams, exact: bigrams.length === 1 && bigrams[0] === text };
}

/** A reference-code prefix, normalised as the import normalises codes (DA/T 22 / DA/T 13). */
export function referencePrefix(raw: string): string | null {
  const v = normaliseReferenceCode(raw);
  return v || null;
}
