// Full text of digitized pages (Z-7.4 deliveries, D-10.1/D-10.2 use): the query
// plan (the catalogue search's bigrams, so a two-character word uses the index)
// and the snippet around a match. Pure: the server stores lines from the OCR
// engine and calls these for every search.
import { DomainError } from "../errors/domain-error.ts";
import { normaliseSearchText, type TitleQuery, titleQuery } from "./search-text.ts";

/** The bigrams stored for a page (page_text.text_bigrams): the same function as titles'. */
export { titleSearchBigrams as pageTextBigrams } from "./search-text.ts";

/** A page text query: two characters or more inside one word, else refused (a scan of every page is not offered). */
export function pageTextQuery(raw: string): Extract<TitleQuery, { kind: "bigrams" }> {
  const q = titleQuery(raw);
  if (q?.kind !== "bigrams")
    throw new DomainError({
      code: "PAGE_TEXT_QUERY_TOO_SHORT",
      status: 400,
      clause: "D-10.1",
      message: {
        zh: "全文检索词至少需要两个连续的字（不含空格和标点）",
        en: "A full-text query needs at least two adjacent characters (not counting spaces and punctuation)",
      },
    });
  return q;
}

export interface PageSnippet {
  /** The matching line (normalised), cut to about `width` characters around the first match. */
  text: string;
  /** [start, end) of each occurrence of the query inside `text`, in UTF-16 units. */
  highlights: [number, number][];
  /** Which line of the page (0-based) the snippet comes from. */
  line: number;
  /** How many lines of the page contain the query. */
  matchingLines: number;
}

/** The first line of a page that contains the query, with the query's occurrences marked. */
export function pageSnippet(pageText: string, q: TitleQuery, width = 60): PageSnippet | null {
  const lines = pageText.split("\n").map(normaliseSearchText);
  const hits = lines.map((l, i) => ({ l, i })).filter((x) => x.l.includes(q.text));
  const first = hits[0];
  if (!first) return null;
  let text = first.l;
  let prefix = "";
  let suffix = "";
  if (text.length > width) {
    const at = text.indexOf(q.text);
    const start = Math.max(0, Math.min(at - Math.floor((width - q.text.length) / 2), text.length - width));
    prefix = start > 0 ? "…" : "";
    suffix = start + width < text.length ? "…" : "";
    text = text.slice(start, start + width);
  }
  const highlights: [number, number][] = [];
  for (let at = text.indexOf(q.text); at >= 0; at = text.indexOf(q.text, at + q.text.length))
    highlights.push([at + prefix.length, at + prefix.length + q.text.length]);
  return { text: prefix + text + suffix, highlights, line: first.i, matchingLines: hits.length };
}
