// The recognizer's input for one text box: the box cut out of the page along
// its own direction (so a rotated stamp is read level), scaled to the model's
// height of 48 px, as floats normalised to [-1, 1] (grey: the same in B, G and R).
import type { RawImage } from "./raw-image.ts";
import type { TextBox } from "./text-boxes.ts";

export const LINE_HEIGHT = 48;
const MAX_WIDTH = 48 * 40;

export interface LineTensor {
  data: Float32Array;
  width: number;
}

/** `scale` maps box coordinates (detector map) to source pixels. */
export function cropLine(src: RawImage, box: TextBox, scale: number): LineTensor {
  const len = box.length * scale;
  const thick = box.thickness * scale;
  const width = Math.max(LINE_HEIGHT / 4, Math.min(MAX_WIDTH, Math.round((len / thick) * LINE_HEIGHT)));
  const plane = LINE_HEIGHT * width;
  const data = new Float32Array(3 * plane);
  const c = Math.cos(box.angle);
  const s = Math.sin(box.angle);
  const step = len / width;
  const stepV = thick / LINE_HEIGHT;
  const cx = box.cx * scale;
  const cy = box.cy * scale;
  const { width: W, height: H } = src;
  for (let y = 0; y < LINE_HEIGHT; y++) {
    const v = (y + 0.5) * stepV - thick / 2;
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) * step - len / 2;
      const fx = cx + u * c - v * s - 0.5;
      const fy = cy + u * s + v * c - 0.5;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const dx = fx - x0;
      const dy = fy - y0;
      const o = y * width + x;
      const i00 = index(x0, y0, W, H);
      const i10 = index(x0 + 1, y0, W, H);
      const i01 = index(x0, y0 + 1, W, H);
      const i11 = index(x0 + 1, y0 + 1, W, H);
      const d = src.data;
      const val =
        ((i00 < 0 ? 255 : d[i00]!) * (1 - dx) + (i10 < 0 ? 255 : d[i10]!) * dx) * (1 - dy) +
        ((i01 < 0 ? 255 : d[i01]!) * (1 - dx) + (i11 < 0 ? 255 : d[i11]!) * dx) * dy;
      // Grey: the same value in the B, G and R planes.
      const n = val / 127.5 - 1;
      data[o] = n;
      data[plane + o] = n;
      data[2 * plane + o] = n;
    }
  }
  return { data, width };
}

/** Offset of a pixel in the grey plane, or -1 outside the page (read as white paper). */
const index = (x: number, y: number, W: number, H: number) =>
  x < 0 || y < 0 || x >= W || y >= H ? -1 : y * W + x;

/** Greedy CTC decoding: best class per step, repeats merged, blanks dropped. */
export function decodeCtc(
  probs: Float32Array,
  steps: number,
  classes: number,
  charset: string[],
): { text: string; confidence: number; charConfidences: number[] } {
  let text = "";
  const confs: number[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    const base = t * classes;
    for (let k = 0; k < classes; k++) {
      const p = probs[base + k]!;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== prev) {
      text += charset[best] ?? "";
      confs.push(bestP);
    }
    prev = best;
  }
  const confidence = confs.length ? confs.reduce((a, b) => a + b, 0) / confs.length : 0;
  return { text, confidence, charConfidences: confs };
}
