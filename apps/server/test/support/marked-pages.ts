// The classification-mark test set, generated here (Z-7.3, Z-6.1, D-10.8):
// document pages drawn as SVG and rasterised by sharp, with and without a
// state-secret mark, in several fonts, sizes, places, rotations, colours and
// levels of noise (stamps go where a stamp goes: the blank head or foot of
// the page, not over the text), and with near-misses (秘密 inside a title, a lone ★, a
// level word with no period) that must not be taken for a mark.
import sharp from "sharp";

export const FONTS = ["WenQuanYi Micro Hei", "AR PL UMing CN", "AR PL UKai CN"];
const LEVELS = ["绝密", "机密", "秘密"];
const PERIODS = ["10年", "1年", "长期", "20年", "5年", "30年"];
const TITLES = [
  "关于做好年度档案移交工作的通知",
  "关于印发城市更新项目管理办法的通知",
  "关于加强机关档案安全管理的意见",
  "关于二〇二三年度预算执行情况的报告",
  "关于开展档案数字化质量检查的函",
];
const BODY = [
  "各区人民政府，市政府各委、办、局：",
  "为进一步规范档案管理工作，现将有关事项通知如下。",
  "一、提高认识，切实加强组织领导，落实工作责任。",
  "二、严格按照规定的程序办理档案的接收和移交手续。",
  "三、做好档案整理、鉴定、统计和保管利用等工作。",
  "四、各单位应于每年三月底前报送上一年度工作情况。",
  "特此通知。",
];
const NEAR_MISSES = [
  "关于加强秘密载体保密管理的通知", // 秘密 in a title, no star
  "★★★ 优秀档案室评选结果", // stars alone
  "机密文件管理办法（试行）", // a level word with no star and no period
  "保密期限：按国家有关规定执行", // period words without a level
  "本文件不涉及国家秘密", // 秘密 in a sentence
];

export interface MarkedPage {
  id: string;
  png: Buffer;
  width: number;
  height: number;
  /** The mark drawn on the page, or null for a clean page. */
  mark: string | null;
  variant: Record<string, string | number | boolean>;
}

/** Seeded PRNG (mulberry32): the same set on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export interface PageOptions {
  dpi: number;
  mark: string | null;
  font: string;
  /** Mark size in points (三号 = 16 pt). */
  markPt: number;
  colour: "red" | "black" | "faint";
  place: "top-left" | "top-right" | "stamp";
  rotateDeg: number;
  noise: number;
  title: string;
  letterhead: boolean;
}

export function drawPage(o: PageOptions, seed = 1): string {
  const r = rng(seed);
  const W = Math.round((210 / 25.4) * o.dpi);
  const H = Math.round((297 / 25.4) * o.dpi);
  const pt = (p: number) => (p * o.dpi) / 72;
  const parts: string[] = [`<rect width="${W}" height="${H}" fill="#fff"/>`];
  const text = (x: number, y: number, size: number, s: string, fill: string, extra = "") =>
    `<text x="${x}" y="${y}" font-family="${o.font}" font-size="${size}" fill="${fill}" ${extra}>${esc(s)}</text>`;
  const left = W * 0.12;
  if (o.letterhead)
    parts.push(
      text(
        W / 2,
        H * 0.16,
        pt(30),
        "上海市档案事务管理局文件",
        "#d0021b",
        'text-anchor="middle" font-weight="bold"',
      ),
      `<line x1="${left}" y1="${H * 0.2}" x2="${W - left}" y2="${H * 0.2}" stroke="#d0021b" stroke-width="${pt(1.5)}"/>`,
    );
  parts.push(text(W / 2, H * 0.26, pt(20), o.title, "#111", 'text-anchor="middle"'));
  let y = H * 0.32;
  for (let i = 0; i < 7; i++, y += pt(28)) parts.push(text(left, y, pt(15), pick(r, BODY), "#222"));
  if (o.mark) {
    const fill = o.colour === "red" ? "#d40000" : o.colour === "black" ? "#111" : "#b0b0b0";
    const size = pt(o.markPt);
    const [x, yy] =
      o.place === "top-left"
        ? [left, H * 0.07]
        : o.place === "top-right"
          ? [W - left - size * 6, H * 0.07]
          : r() < 0.5
            ? [W * (0.45 + r() * 0.15), H * (0.05 + r() * 0.05)] // blank head of the page
            : [W * (0.35 + r() * 0.25), H * (0.78 + r() * 0.1)]; // blank foot, after the text
    const box =
      o.place === "stamp"
        ? `<rect x="${x - size * 0.3}" y="${yy - size * 1.15}" width="${size * 6.2}" height="${size * 1.6}" fill="none" stroke="${fill}" stroke-width="${size * 0.08}"/>`
        : "";
    parts.push(
      `<g transform="rotate(${o.rotateDeg} ${x} ${yy})">${box}${text(x, yy, size, o.mark, fill)}</g>`,
    );
  }
  for (let i = 0; i < o.noise; i++)
    parts.push(
      `<circle cx="${r() * W}" cy="${r() * H}" r="${(0.5 + r() * 1.5) * (o.dpi / 150)}" fill="#${pick(r, ["333", "777", "999"])}"/>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${parts.join("")}</svg>`;
}

export async function renderPage(
  o: PageOptions,
  seed = 1,
): Promise<{ png: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(drawPage(o, seed)))
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/** The test set: `n` pages, about half with a mark, the rest clean or near-misses. */
export async function markedPageSet(n: number, dpi = 150, seed = 2026): Promise<MarkedPage[]> {
  const r = rng(seed);
  const pages: MarkedPage[] = [];
  for (let i = 0; i < n; i++) {
    const marked = i % 2 === 0;
    const nearMiss = !marked && i % 4 === 1;
    const o: PageOptions = {
      dpi,
      mark: marked ? `${pick(r, LEVELS)}★${pick(r, PERIODS)}` : null,
      font: pick(r, FONTS),
      markPt: pick(r, [12, 14, 16, 18]),
      colour: pick(r, ["red", "black", "faint"] as const),
      place: pick(r, ["top-left", "top-left", "top-right", "stamp"] as const),
      rotateDeg: pick(r, [0, 0, -3, 5, -12, 15]),
      noise: pick(r, [0, 40, 200]),
      title: nearMiss ? pick(r, NEAR_MISSES) : pick(r, TITLES),
      letterhead: r() < 0.5,
    };
    const { png, width, height } = await renderPage(o, i + seed);
    const { dpi: _d, mark, title, ...variant } = o;
    pages.push({
      id: `page-${String(i + 1).padStart(3, "0")}`,
      png,
      width,
      height,
      mark,
      variant: { ...variant, title },
    });
  }
  return pages;
}
