// JPEG 2000 (ISO/IEC 15444-1 Annex I): this server's libvips has no OpenJPEG,
// so a JP2 file is checked from its boxes only — size, resolution and colour
// from the header, and the codestream's start; pixels are "not checked".
import type { ColourMode } from "@dangan/domain";

export interface Jp2Header {
  width: number;
  height: number;
  components: number;
  /** Capture resolution (resc), else display resolution (resd), in dpi. */
  dpi: number | null;
  colourMode: ColourMode | null;
}

export class Jp2Error extends Error {}

interface Box {
  type: string;
  start: number;
  end: number;
}

function* boxes(b: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let len = b.readUInt32BE(at);
    const type = b.toString("latin1", at + 4, at + 8);
    let header = 8;
    if (len === 1) {
      if (at + 16 > to) throw new Jp2Error("truncated box header");
      len = Number(b.readBigUInt64BE(at + 8));
      header = 16;
    } else if (len === 0) len = to - at;
    if (len < header || at + len > to) throw new Jp2Error(`box ${type} runs past the end of the file`);
    yield { type, start: at + header, end: at + len };
    at += len;
  }
}

function resolution(b: Buffer, box: Box): number | null {
  if (box.end - box.start < 10) return null;
  const vn = b.readUInt16BE(box.start);
  const vd = b.readUInt16BE(box.start + 2);
  const hn = b.readUInt16BE(box.start + 4);
  const hd = b.readUInt16BE(box.start + 6);
  const ve = b.readInt8(box.start + 8);
  const he = b.readInt8(box.start + 9);
  if (!vd || !hd) return null;
  const ppmV = (vn / vd) * 10 ** ve;
  const ppmH = (hn / hd) * 10 ** he;
  return Math.min(ppmV, ppmH) * 0.0254; // pixels per metre → per inch
}

/** A raw codestream (.j2k): size from SIZ; no resolution or colour box. */
function codestream(b: Buffer): Jp2Header {
  if (b.length < 42) throw new Jp2Error("codestream too short");
  const xs = b.readUInt32BE(8);
  const ys = b.readUInt32BE(12);
  const x0 = b.readUInt32BE(16);
  const y0 = b.readUInt32BE(20);
  const c = b.readUInt16BE(40);
  return {
    width: xs - x0,
    height: ys - y0,
    components: c,
    dpi: null,
    colourMode: c >= 3 ? "colour" : "greyscale",
  };
}

export function readJp2Header(b: Buffer): Jp2Header {
  if (b[0] === 0xff && b[1] === 0x4f) return codestream(b);
  let ihdr: Jp2Header | null = null;
  let capture: number | null = null;
  let display: number | null = null;
  let enumCs: number | null = null;
  let hasCodestream = false;
  for (const top of boxes(b, 0, b.length)) {
    if (top.type === "jp2c") {
      if (b[top.start] !== 0xff || b[top.start + 1] !== 0x4f)
        throw new Jp2Error("codestream does not start with SOC");
      hasCodestream = true;
    }
    if (top.type !== "jp2h") continue;
    for (const box of boxes(b, top.start, top.end)) {
      if (box.type === "ihdr" && box.end - box.start >= 14)
        ihdr = {
          height: b.readUInt32BE(box.start),
          width: b.readUInt32BE(box.start + 4),
          components: b.readUInt16BE(box.start + 8),
          dpi: null,
          colourMode: null,
        };
      if (box.type === "colr" && b[box.start] === 1) enumCs = b.readUInt32BE(box.start + 3);
      if (box.type === "res ")
        for (const r of boxes(b, box.start, box.end)) {
          if (r.type === "resc") capture = resolution(b, r);
          if (r.type === "resd") display = resolution(b, r);
        }
    }
  }
  if (!ihdr) throw new Jp2Error("no image header box (ihdr)");
  if (!hasCodestream) throw new Jp2Error("no codestream (jp2c)");
  const colour: ColourMode =
    enumCs === 17
      ? "greyscale"
      : enumCs === 16 || enumCs === 18 || ihdr.components >= 3
        ? "colour"
        : "greyscale";
  return { ...ihdr, dpi: capture ?? display, colourMode: colour };
}
