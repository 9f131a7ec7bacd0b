// A scanned document page for the demo: letterhead, an optional classification
// mark at the top left (where GB/T 9704 prints it), title and body text, drawn
// as SVG and rasterised by sharp (a Chinese font from fontconfig is needed for
// the text to be legible; without one the mark is not found, and that is all).
import sharp from "sharp";

/** The page as SVG, 1240×1754 (A4 at 150 dpi; rasterise at density 144 for 300 dpi). */
export function demoPageSvg(o: { mark?: string; title: string }): string {
  const W = 1240;
  const H = 1754;
  const text = (x: number, y: number, size: number, s: string, fill = "#222", extra = "") =>
    `<text x="${x}" y="${y}" font-family="WenQuanYi Micro Hei, AR PL UMing CN, sans-serif" font-size="${size}" fill="${fill}" ${extra}>${s}</text>`;
  const body = [
    "各区人民政府，市政府各委、办、局：",
    "为进一步规范档案管理工作，现将有关事项通知如下。",
    "一、提高认识，切实加强组织领导，落实工作责任。",
    "二、严格按照规定的程序办理档案的接收和移交手续。",
    "三、做好档案整理、鉴定、统计和保管利用等工作。",
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="#fdfcf8"/>
    ${o.mark ? text(150, 130, 34, o.mark, "#c00000") : ""}
    ${text(W / 2, 290, 60, "上海市城市建设管理局文件", "#d0021b", 'text-anchor="middle" font-weight="bold"')}
    <line x1="150" y1="340" x2="${W - 150}" y2="340" stroke="#d0021b" stroke-width="4"/>
    ${text(W / 2, 450, 42, o.title, "#111", 'text-anchor="middle"')}
    ${body.map((l, i) => text(150, 560 + i * 64, 31, l)).join("")}
  </svg>`;
  return svg;
}

export async function demoPage(o: { mark?: string; title: string }): Promise<Buffer> {
  const svg = demoPageSvg(o);
  // A4 at 100 dpi in a 32-colour palette: about 30 KB, under the smallest upload limit tests configure.
  return sharp(Buffer.from(svg))
    .flatten({ background: "#ffffff" })
    .resize({ width: 827 })
    .png({ palette: true, colours: 32 })
    .toBuffer();
}
