// The measured queries, picked by their real match counts in the generated
// titles: two-character words spread (log-uniformly) over 0.01–1 % of the rows,
// as real archive words are; common function words apart; three-character
// place and subject words; five-character phrases cut from random titles;
// reference-code prefixes. Counts are exact (JS over the same titles).
import { REF_PREFIXES, rng, TWO_CHAR_WORDS } from "./titles.ts";

export interface QueryClass {
  name: string;
  queries: { text: string; matches: number }[];
}

const HAN = /^\p{Script=Han}+$/u;
const count = (titles: string[], w: string) => {
  let n = 0;
  for (const t of titles) if (t.includes(w)) n++;
  return n;
};

/** `k` items of `xs` (sorted by value) at log-uniform steps. */
function spread<T>(xs: T[], value: (x: T) => number, k: number): T[] {
  const s = [...xs].sort((a, b) => value(a) - value(b));
  if (s.length <= k) return s;
  const lo = Math.log(value(s[0]!));
  const hi = Math.log(value(s.at(-1)!));
  const out = new Set<T>();
  for (let i = 0; i < k; i++) {
    const target = Math.exp(lo + ((hi - lo) * i) / (k - 1));
    out.add(s.reduce((best, x) => (Math.abs(value(x) - target) < Math.abs(value(best) - target) ? x : best)));
  }
  return [...out];
}

export function pickQueries(titles: string[], df: Map<string, number>, rows: number): QueryClass[] {
  const rand = rng(7);
  const band = [...df].filter(
    ([b, n]) => TWO_CHAR_WORDS.has(b) && HAN.test(b) && n >= rows * 0.0001 && n <= rows * 0.01,
  );
  const two = spread(band, ([, n]) => n, 12).map(([text, matches]) => ({ text, matches }));
  const common = ["关于", "通知", "报告"].map((text) => ({ text, matches: df.get(text) ?? 0 }));
  const threeWords = [
    "长江口",
    "淀山湖",
    "黄浦江",
    "苏州河",
    "洋山港",
    "滴水湖",
    "张江镇",
    "朱家角",
    "血吸虫",
    "幼儿园",
    "竣工图",
    "堤防维",
  ];
  const three = threeWords.map((text) => ({ text, matches: count(titles, text) }));
  const five: { text: string; matches: number }[] = [];
  while (five.length < 8) {
    const runs = titles[Math.floor(rand() * titles.length)]!.split(/[^\p{Script=Han}]+/u).filter(
      (r) => r.length >= 5,
    );
    if (!runs.length) continue;
    const run = runs[Math.floor(rand() * runs.length)]!;
    const at = Math.floor(rand() * (run.length - 4));
    const text = run.slice(at, at + 5);
    five.push({ text, matches: count(titles, text) });
  }
  const refs = REF_PREFIXES.map((text) => ({ text, matches: 0 }));
  return [
    { name: "2 chars (0.01–1 %)", queries: two },
    { name: "2 chars (common)", queries: common },
    { name: "3 chars", queries: three },
    { name: "5 chars", queries: five },
    { name: "ref prefix", queries: refs },
  ];
}
