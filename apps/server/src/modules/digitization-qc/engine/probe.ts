// Measures one delivered file: format by content, header-only size and
// resolution (a gigantic or lying header is refused before decoding), a full
// decode of TIFF/JPEG through sharp (libvips), and ink and skew on a small
// greyscale rendering. JPEG 2000 is read from its header boxes only (ADR 0006).
import {
  type ColourMode,
  DEFAULT_IMAGE_LIMITS,
  type QcFileFacts,
  type QcImageLimits,
  qcSizeRefusal,
} from "@dangan/domain";
import sharp, { type Metadata } from "sharp";
import { readJp2Header } from "./jp2-header.ts";
import { analysePixels } from "./pixels.ts";
import { sniff } from "./sniff.ts";

sharp.cache(false);

const ANALYSIS_WIDTH = 600;

export interface Probed extends QcFileFacts {
  pages: number;
}

function colourOf(m: Metadata): ColourMode {
  if ((m.channels ?? 3) >= 3 && m.space !== "b-w") return "colour";
  return m.bitsPerSample === 1 ? "bitonal" : "greyscale";
}

const message = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 200);

export async function probeFile(
  path: string,
  buf: Buffer,
  limits: QcImageLimits = DEFAULT_IMAGE_LIMITS,
): Promise<Probed> {
  const s = sniff(path, buf.subarray(0, 16));
  const base: Probed = {
    path,
    sizeBytes: buf.length,
    kind: s.kind,
    format: s.format,
    decodable: null,
    width: null,
    height: null,
    dpi: null,
    colourMode: null,
    inkPct: null,
    skewDeg: null,
    pages: 1,
  };
  if (s.kind !== "image" && s.kind !== "pdf") return base;
  if (s.mismatch) return { ...base, decodable: false, decodeError: `content is not ${s.format}` };
  if (s.kind === "pdf") {
    const tail = buf.subarray(Math.max(0, buf.length - 1024)).toString("latin1");
    return tail.includes("%%EOF")
      ? base
      : { ...base, decodable: false, decodeError: "PDF without %%EOF (truncated)" };
  }
  if (s.format === "jp2") return probeJp2(base, buf, limits);
  if (s.format === null) return { ...base, decodable: false, decodeError: "not TIFF, JPEG or JPEG 2000" };

  let meta: Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch (e) {
    return { ...base, decodable: false, decodeError: message(e) };
  }
  const facts: Probed = {
    ...base,
    width: meta.width ?? null,
    height: meta.height ?? null,
    dpi: meta.density ?? null,
    colourMode: colourOf(meta),
    pages: meta.pages ?? 1,
  };
  const refused = qcSizeRefusal(meta.width ?? 0, meta.height ?? 0, buf.length, limits);
  if (refused) return { ...facts, refusedSize: refused };
  try {
    const { data, info } = await sharp(buf, { limitInputPixels: limits.maxPixels, failOn: "warning" })
      .greyscale()
      .resize({ width: ANALYSIS_WIDTH, height: ANALYSIS_WIDTH * 2, fit: "inside", withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const margin = (n: number) => Math.floor(n * 0.03);
    const px = cropMargins(data, info.width, info.height, margin(info.width), margin(info.height));
    const a = analysePixels(px.data, px.width, px.height);
    return { ...facts, decodable: true, inkPct: a.inkPct, skewDeg: a.skewDeg };
  } catch (e) {
    return { ...facts, decodable: false, decodeError: message(e) };
  }
}

/** Scanner edges and lids are not the page: leave a thin border out of the measures. */
function cropMargins(data: Buffer, width: number, height: number, mx: number, my: number) {
  const w = width - 2 * mx;
  const h = height - 2 * my;
  if (w < 10 || h < 10) return { data: new Uint8Array(data), width, height };
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) out.set(data.subarray((y + my) * width + mx, (y + my) * width + mx + w), y * w);
  return { data: out, width: w, height: h };
}

function probeJp2(base: Probed, buf: Buffer, limits: QcImageLimits): Probed {
  try {
    const h = readJp2Header(buf);
    const facts: Probed = { ...base, width: h.width, height: h.height, dpi: h.dpi, colourMode: h.colourMode };
    const refused = qcSizeRefusal(h.width, h.height, buf.length, limits);
    return refused ? { ...facts, refusedSize: refused } : facts;
  } catch (e) {
    return { ...base, decodable: false, decodeError: message(e) };
  }
}
