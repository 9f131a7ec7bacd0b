// Z-7.3, Z-6.1, D-10.8: a state-secret mark on a page — a classification level
// (绝密, 机密, 秘密), the star, and a period (机密★10年, 秘密★1年, 绝密★长期) —
// found in the text an OCR engine read from the page. A level word without the
// star and period (秘密 inside a title, 本文件不涉及国家秘密) or a star alone is
// not a mark. The pattern tolerates what OCR makes of the star and of the
// traditional forms of the level characters, and a mark split over two boxes of
// one row.

export const CLASSIFICATION_LEVELS = ["绝密", "机密", "秘密"] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

export interface ReadLine {
  text: string;
  confidence: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export interface MarkHit {
  level: ClassificationLevel;
  /** As printed: "10年", "长期", or null when the star stands at the end of the line. */
  period: string | null;
  text: string;
  confidence: number;
  bounds: ReadLine["bounds"];
}

const LEVEL = "(绝|絶|机|機|秘|祕)\\s*密";
const STAR = "[★☆✩✪✫✭✮✯⭐*＊]";
const PERIOD = "(\\d{1,2}\\s*(?:年|个月)|[一二三四五六七八九十]{1,3}\\s*年|长期|長期)";
const MARK = new RegExp(`${LEVEL}\\s*${STAR}\\s*${PERIOD}?`, "u");
const canonical: Record<string, ClassificationLevel> = {
  绝: "绝密",
  絶: "绝密",
  机: "机密",
  機: "机密",
  秘: "秘密",
  祕: "秘密",
};

function matchLine(text: string): { level: ClassificationLevel; period: string | null; at: number } | null {
  const m = MARK.exec(text.normalize("NFKC").replace(/\s+/g, ""));
  if (!m) return null;
  const rest = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .slice(m.index + m[0].length);
  // A star with neither a period nor the end of the line after it is a star in running text.
  if (!m[2] && rest.length > 0) return null;
  return { level: canonical[m[1]!]!, period: m[2] ? m[2].replace(/\s+/g, "") : null, at: m.index };
}

const union = (a: ReadLine["bounds"], b: ReadLine["bounds"]): ReadLine["bounds"] => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
};

/** Z-7.3: every classification mark among the lines read from one page. */
export function findClassificationMarks(lines: ReadLine[]): MarkHit[] {
  const hits: MarkHit[] = [];
  const used = new Set<number>();
  lines.forEach((l, i) => {
    const m = matchLine(l.text);
    if (m) {
      used.add(i);
      hits.push({
        level: m.level,
        period: m.period,
        text: l.text,
        confidence: l.confidence,
        bounds: l.bounds,
      });
    }
  });
  // A mark read as two boxes of one row ("机密" + "★10年"): join neighbours left to right.
  lines.forEach((a, i) => {
    if (used.has(i)) return;
    const mid = a.bounds.y + a.bounds.height / 2;
    const next = lines
      .map((b, j) => ({ b, j }))
      .filter(
        ({ b, j }) =>
          j !== i &&
          !used.has(j) &&
          b.bounds.x > a.bounds.x &&
          Math.abs(b.bounds.y + b.bounds.height / 2 - mid) < a.bounds.height / 2 &&
          b.bounds.x - (a.bounds.x + a.bounds.width) < a.bounds.height * 2,
      )
      .sort((p, q) => p.b.bounds.x - q.b.bounds.x)[0];
    if (!next) return;
    const m = matchLine(a.text + next.b.text);
    if (!m) return;
    used.add(i).add(next.j);
    hits.push({
      level: m.level,
      period: m.period,
      text: `${a.text}${next.b.text}`,
      confidence: Math.min(a.confidence, next.b.confidence),
      bounds: union(a.bounds, next.b.bounds),
    });
  });
  return hits;
}
