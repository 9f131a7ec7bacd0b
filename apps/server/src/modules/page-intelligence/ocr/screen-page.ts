// What one worker does with one page: mark screening reads only the short text
// boxes and the page head (where GB/T 9704 prints 密级和保密期限), at a detector
// size that keeps ten pages a second within reach; full-page reading reads every
// box at a larger size. Both return lines in page pixels of the decoded image.
import type { OcrEngine, OcrLine } from "./engine.ts";
import { loadGrey, MAX_DECODE_SIDE } from "./raw-image.ts";

export interface PageReadRequest {
  /** A file path, or image bytes. */
  input: string | Uint8Array;
  mode: "screen" | "full";
}

export interface PageReadResult {
  width: number;
  height: number;
  lines: OcrLine[];
  ms: number;
}

export interface ReadTuning {
  /** Longest side a page is decoded at, at most (source of the recognizer's crops). */
  decodeSide: number;
  screenDetectSide: number;
  fullDetectSide: number;
  /** Screening reads boxes no longer than this many times their height… */
  screenMaxAspect: number;
  /** …and every box in this top fraction of the page. */
  screenHeadFraction: number;
}

export const DEFAULT_TUNING: ReadTuning = {
  decodeSide: MAX_DECODE_SIDE,
  screenDetectSide: 640,
  fullDetectSide: 1280,
  screenMaxAspect: 10,
  screenHeadFraction: 0.15,
};

export async function readPage(
  engine: OcrEngine,
  req: PageReadRequest,
  t = DEFAULT_TUNING,
): Promise<PageReadResult> {
  const started = performance.now();
  const input = typeof req.input === "string" ? req.input : Buffer.from(req.input);
  const src = await loadGrey(input, t.decodeSide);
  const lines =
    req.mode === "full"
      ? await engine.read(src, { detectSide: t.fullDetectSide })
      : await engine.read(src, {
          detectSide: t.screenDetectSide,
          keep: (b, _w, h) => b.length <= b.thickness * t.screenMaxAspect || b.cy < h * t.screenHeadFraction,
        });
  return { width: src.width, height: src.height, lines, ms: performance.now() - started };
}
