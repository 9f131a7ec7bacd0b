// The OCR engine: PP-OCRv4 detection then recognition on onnxruntime's CPU
// backend, one thread per engine (parallelism comes from running one engine per
// worker thread, so that the HTTP server keeps a core when it needs one).
import * as ort from "onnxruntime-node";
import { cropLine, decodeCtc, LINE_HEIGHT } from "./line-crop.ts";
import { loadCharset, MODEL_PATHS } from "./models.ts";
import { type RawImage, resizeGrey } from "./raw-image.ts";
import { DEFAULT_BOX_OPTIONS, findTextBoxes, type TextBox } from "./text-boxes.ts";

export interface OcrLine {
  text: string;
  confidence: number;
  /** Oriented box in source-image pixels. */
  box: { cx: number; cy: number; length: number; thickness: number; angleDeg: number };
  /** Axis-aligned bounds in source-image pixels (for highlighting). */
  bounds: { x: number; y: number; width: number; height: number };
}

export interface ReadOptions {
  /** The detector sees the page with its longer side at most this many pixels. */
  detectSide: number;
  /** Recognize only boxes the filter keeps (e.g. the upper part of a page). */
  keep?: (box: TextBox, mapWidth: number, mapHeight: number) => boolean;
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export class OcrEngine {
  private constructor(
    private readonly det: ort.InferenceSession,
    private readonly rec: ort.InferenceSession,
    private readonly charset: string[],
  ) {}

  static async create(threads = 1): Promise<OcrEngine> {
    const opts: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
      executionProviders: ["cpu"],
    };
    const [det, rec] = await Promise.all([
      ort.InferenceSession.create(MODEL_PATHS.detection, opts),
      ort.InferenceSession.create(MODEL_PATHS.recognition, opts),
    ]);
    return new OcrEngine(det, rec, loadCharset());
  }

  /** Text boxes on the page, in detector-map coordinates, and the map's scale to the source. */
  async detect(
    src: RawImage,
    maxSide: number,
  ): Promise<{ boxes: TextBox[]; scale: number; w: number; h: number }> {
    const ratio = Math.min(1, maxSide / Math.max(src.width, src.height));
    const w = Math.max(32, Math.round((src.width * ratio) / 32) * 32);
    const h = Math.max(32, Math.round((src.height * ratio) / 32) * 32);
    const img = await resizeGrey(src, w, h);
    const plane = w * h;
    const input = new Float32Array(3 * plane);
    // The grey value in all three planes, each with its own normalisation.
    for (let c = 0; c < 3; c++) {
      const mean = MEAN[c]!;
      const std = STD[c]!;
      for (let i = 0; i < plane; i++) input[c * plane + i] = (img.data[i]! / 255 - mean) / std;
    }
    const out = await this.det.run({
      [this.det.inputNames[0]!]: new ort.Tensor("float32", input, [1, 3, h, w]),
    });
    const map = out[this.det.outputNames[0]!]!;
    const boxes = findTextBoxes(map.data as Float32Array, w, h, DEFAULT_BOX_OPTIONS);
    return { boxes, scale: src.width / w, w, h };
  }

  async recognize(src: RawImage, box: TextBox, scale: number): Promise<OcrLine> {
    const line = cropLine(src, box, scale);
    const out = await this.rec.run({
      [this.rec.inputNames[0]!]: new ort.Tensor("float32", line.data, [1, 3, LINE_HEIGHT, line.width]),
    });
    const t = out[this.rec.outputNames[0]!]!;
    const [, steps, classes] = t.dims as number[];
    const { text, confidence } = decodeCtc(t.data as Float32Array, steps!, classes!, this.charset);
    const cx = box.cx * scale;
    const cy = box.cy * scale;
    const hw = (box.length * scale) / 2;
    const hh = (box.thickness * scale) / 2;
    const c = Math.abs(Math.cos(box.angle));
    const s = Math.abs(Math.sin(box.angle));
    const ex = hw * c + hh * s;
    const ey = hw * s + hh * c;
    return {
      text,
      confidence,
      box: { cx, cy, length: hw * 2, thickness: hh * 2, angleDeg: (box.angle * 180) / Math.PI },
      bounds: { x: Math.max(0, cx - ex), y: Math.max(0, cy - ey), width: ex * 2, height: ey * 2 },
    };
  }

  /** Detects, then recognizes the boxes the filter keeps, in reading order. */
  async read(src: RawImage, o: ReadOptions): Promise<OcrLine[]> {
    const { boxes, scale, w, h } = await this.detect(src, o.detectSide);
    const lines: OcrLine[] = [];
    for (const b of boxes) {
      if (o.keep && !o.keep(b, w, h)) continue;
      const line = await this.recognize(src, b, scale);
      if (line.text.trim()) lines.push(line);
    }
    return lines;
  }

  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release()]);
  }
}
