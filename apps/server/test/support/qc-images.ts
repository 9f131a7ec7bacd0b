// Small test pages for digitization QC, generated on the spot: 200×280 px
// with dpi metadata, in TIFF/JPEG (sharp) or JPEG 2000 (header boxes written
// here: this libvips cannot encode JP2), colour, grey or bitonal, blank or
// skewed, and broken ones — corrupt, truncated, lying about their size.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import sharp from "sharp";

export interface PageOptions {
  format?: "tiff" | "jpeg";
  dpi?: number;
  mode?: "colour" | "greyscale" | "bitonal";
  blank?: boolean;
  skewDeg?: number;
  /** Varies the text so that pages differ in content. */
  seed?: number;
  width?: number;
  height?: number;
}

function svgPage(o: PageOptions): Buffer {
  const w = o.width ?? 200;
  const h = o.height ?? 280;
  const seed = o.seed ?? 1;
  const lines: string[] = [];
  if (!o.blank)
    for (let i = 0; i < 14; i++) {
      const len = 90 + ((seed * 37 + i * 53) % 60);
      lines.push(`<rect x="24" y="${30 + i * 16}" width="${len}" height="5" fill="#111"/>`);
    }
  const seal = o.blank ? "" : `<circle cx="150" cy="240" r="18" fill="none" stroke="#d00" stroke-width="4"/>`;
  const angle = -(o.skewDeg ?? 0); // SVG turns clockwise; a positive skew runs uphill
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#fbfaf7"/>` +
      `<g transform="rotate(${angle} ${w / 2} ${h / 2})">${lines.join("")}${seal}</g></svg>`,
  );
}

export async function page(o: PageOptions = {}): Promise<Buffer> {
  const dpi = o.dpi ?? 300;
  let img = sharp(svgPage(o)).flatten({ background: "#ffffff" });
  if (o.mode === "greyscale") img = img.greyscale().toColourspace("b-w");
  if (o.mode === "bitonal") img = img.threshold(128).toColourspace("b-w");
  if ((o.format ?? "tiff") === "jpeg") return img.jpeg({ quality: 85 }).withDensity(dpi).toBuffer();
  return img
    .tiff({
      compression: o.mode === "bitonal" ? "ccittfax4" : "lzw",
      ...(o.mode === "bitonal" ? { bitdepth: 1 as const } : {}),
      xres: dpi / 25.4,
      yres: dpi / 25.4,
    })
    .toBuffer();
}

function box(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
}

/** A JP2 file's boxes: signature, ftyp, jp2h (ihdr, colr, res/resc) and a codestream that starts SOC, SIZ. */
export function jp2(
  o: { width?: number; height?: number; dpi?: number | null; grey?: boolean; truncate?: boolean } = {},
) {
  const w = o.width ?? 200;
  const h = o.height ?? 280;
  const nc = o.grey ? 1 : 3;
  const ihdr = Buffer.alloc(14);
  ihdr.writeUInt32BE(h, 0);
  ihdr.writeUInt32BE(w, 4);
  ihdr.writeUInt16BE(nc, 8);
  ihdr[10] = 7;
  ihdr[11] = 7;
  const colr = Buffer.alloc(7);
  colr[0] = 1;
  colr.writeUInt32BE(o.grey ? 17 : 16, 3);
  const parts = [box("ihdr", ihdr), box("colr", colr)];
  if (o.dpi !== null) {
    const ppm = Math.round((o.dpi ?? 300) / 0.0254);
    const resc = Buffer.alloc(10);
    resc.writeUInt16BE(ppm, 0);
    resc.writeUInt16BE(1, 2);
    resc.writeUInt16BE(ppm, 4);
    resc.writeUInt16BE(1, 6);
    parts.push(box("res ", box("resc", resc)));
  }
  const siz = Buffer.alloc(40);
  siz.writeUInt16BE(0xff4f, 0);
  siz.writeUInt16BE(0xff51, 2);
  siz.writeUInt32BE(w, 6);
  siz.writeUInt32BE(h, 10);
  const stream = Buffer.concat([siz, Buffer.alloc(600, 0x5a), Buffer.from([0xff, 0xd9])]);
  const file = Buffer.concat([
    Buffer.from([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]),
    box("ftyp", Buffer.from("jp2 \0\0\0\0jp2 ", "latin1")),
    box("jp2h", Buffer.concat(parts)),
    box("jp2c", stream),
  ]);
  return o.truncate ? file.subarray(0, file.length - 300) : file;
}

/** A TIFF header claiming width × height with only a few bytes of pixels: refused, never decoded. */
export function lyingTiff(width = 60_000, height = 60_000): Buffer {
  const entries: [number, number, number, number][] = [
    [256, 4, 1, width],
    [257, 4, 1, height],
    [258, 3, 1, 8],
    [259, 3, 1, 1],
    [262, 3, 1, 1],
    [273, 4, 1, 8 + 2 + 9 * 12 + 4],
    [277, 3, 1, 1],
    [278, 4, 1, height],
    [279, 4, 1, 16],
  ];
  const b = Buffer.alloc(8 + 2 + entries.length * 12 + 4 + 16);
  b.write("II", 0, "latin1");
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    if (type === 3) b.writeUInt16LE(value, at + 8);
    else b.writeUInt32LE(value, at + 8);
  });
  return b;
}

export const corrupt = (n = 3000) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919) % 251));
export const truncated = (b: Buffer) => b.subarray(0, Math.floor(b.length / 2));

/** Writes files (relative path → content) under `dir`. */
export async function writeDelivery(dir: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}
