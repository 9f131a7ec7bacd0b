// Checks of one delivered file against the quality terms (Z-7.4, DA/T 31-2017
// 9.3–9.5, 10.2, 10.5). The engine measures; these pure rules judge.
import type { ColourMode, DeliveryFormat, QcTerms } from "./quality-terms.ts";
import type { QcResult } from "./rules.ts";

export type QcFileKind = "image" | "pdf" | "metadata" | "executable" | "other";

/** What the engine found out about one file. null = not measured. */
export interface QcFileFacts {
  path: string;
  sizeBytes: number;
  kind: QcFileKind;
  format: DeliveryFormat | null;
  /** false: the decoder refused it; null: pixels not decoded (JPEG 2000 header only). */
  decodable: boolean | null;
  decodeError?: string | undefined;
  width: number | null;
  height: number | null;
  dpi: number | null;
  colourMode: ColourMode | null;
  /** Share of the page covered by ink, percent. */
  inkPct: number | null;
  skewDeg: number | null;
  /** Set when the header's size was refused before decoding. */
  refusedSize?: "too_large" | "implausible" | undefined;
}

export interface QcImageLimits {
  /** Largest width × height decoded. */
  maxPixels: number;
  /** Most pixels one byte of file may claim before the header counts as lying. */
  maxPixelsPerByte: number;
}

export const DEFAULT_IMAGE_LIMITS: QcImageLimits = { maxPixels: 150_000_000, maxPixelsPerByte: 20_000 };

/** Before decoding: a header claiming a gigantic image, or far more pixels than its bytes can hold, is refused. */
export function qcSizeRefusal(
  width: number,
  height: number,
  sizeBytes: number,
  limits: QcImageLimits = DEFAULT_IMAGE_LIMITS,
): "too_large" | "implausible" | null {
  const pixels = width * height;
  if (!Number.isFinite(pixels) || width <= 0 || height <= 0 || pixels > limits.maxPixels) return "too_large";
  if (pixels / Math.max(1, sizeBytes) > limits.maxPixelsPerByte) return "implausible";
  return null;
}

export type QcDeliveryPurpose = "preservation" | "access";

const FORMAT_NAMES: Record<DeliveryFormat, string> = {
  tiff: "TIFF",
  jpeg: "JPEG",
  jp2: "JPEG 2000",
  pdf: "PDF",
};

export function checkQcFile(f: QcFileFacts, terms: QcTerms, purpose: QcDeliveryPurpose): QcResult[] {
  const out: QcResult[] = [];
  const r = (x: Omit<QcResult, "path">) => out.push({ ...x, path: f.path });

  if (f.kind === "executable" || f.kind === "other") {
    r({
      ruleId: "non_archival",
      outcome: "fail",
      message:
        f.kind === "executable"
          ? { zh: "交付包中含可执行文件", en: "Executable file in the delivery" }
          : { zh: "交付包中含非归档文件", en: "Non-archival file in the delivery" },
    });
    return out;
  }
  if (f.kind === "metadata") return out;

  // Format: TIFF, JPEG, JPEG 2000; PDF only for access copies (9.5).
  const allowed =
    f.format !== null && (f.format === "pdf" ? purpose === "access" : terms.formats.includes(f.format));
  r({
    ruleId: "format_allowed",
    outcome: allowed ? "pass" : "fail",
    message: allowed
      ? { zh: `格式 ${FORMAT_NAMES[f.format!]}`, en: `Format ${FORMAT_NAMES[f.format!]}` }
      : f.format === "pdf"
        ? { zh: "PDF 仅可用于利用版本", en: "PDF is allowed for access copies only" }
        : {
            zh: "不是允许的存储格式（TIFF、JPEG、JPEG 2000）",
            en: "Not an allowed format (TIFF, JPEG, JPEG 2000)",
          },
    values: { format: f.format, allowed: terms.formats },
  });

  if (f.refusedSize) {
    r({
      ruleId: "dimensions",
      outcome: "fail",
      message:
        f.refusedSize === "too_large"
          ? { zh: "图像尺寸超过限值，未解码", en: "Image larger than the limit; not decoded" }
          : {
              zh: "图像声明的尺寸与文件大小不符，未解码",
              en: "Declared size does not fit the file; not decoded",
            },
      values: { width: f.width, height: f.height, sizeBytes: f.sizeBytes },
    });
    return out;
  }
  if (f.decodable === false) {
    r({
      ruleId: "decodable",
      outcome: "fail",
      message: {
        zh: `图像无法读取：${f.decodeError ?? ""}`,
        en: `Image does not decode: ${f.decodeError ?? ""}`,
      },
    });
    return out;
  }
  r({
    ruleId: "decodable",
    outcome: f.decodable === null ? "not_checked" : "pass",
    message:
      f.decodable === null
        ? { zh: "仅检查了文件头，像素未解码", en: "Header checked; pixels not decoded" }
        : { zh: "图像可读", en: "Image decodes" },
  });
  if (f.format === "pdf") return out;

  if (f.dpi === null) {
    r({
      ruleId: "resolution",
      outcome: "fail",
      message: { zh: "图像未记录分辨率", en: "Resolution not recorded in the image" },
      values: { min: terms.minDpi },
    });
  } else {
    const ok = Math.round(f.dpi) >= terms.minDpi;
    r({
      ruleId: "resolution",
      outcome: ok ? "pass" : "fail",
      message: ok
        ? { zh: `${Math.round(f.dpi)} dpi`, en: `${Math.round(f.dpi)} dpi` }
        : {
            zh: `分辨率 ${Math.round(f.dpi)} dpi 低于 ${terms.minDpi} dpi`,
            en: `${Math.round(f.dpi)} dpi is below ${terms.minDpi} dpi`,
          },
      values: { dpi: f.dpi, min: terms.minDpi },
    });
  }

  if (f.colourMode) out.push(colourResult(f.path, f.colourMode, terms));

  for (const x of pixelResults(f, terms)) out.push(x);
  return out;
}

/** 9.3: an allowed mode passes; a non-colour page still needs a look for red letterheads, seals and photos. */
function colourResult(path: string, mode: ColourMode, terms: QcTerms): QcResult {
  const names = { colour: "彩色", greyscale: "灰度", bitonal: "黑白二值" };
  if (!terms.colourModes.includes(mode))
    return {
      ruleId: "colour_mode",
      path,
      outcome: "fail",
      message: {
        zh: `色彩模式“${names[mode]}”不符合约定`,
        en: `Colour mode ${mode} is not allowed by the terms`,
      },
      values: { mode, allowed: terms.colourModes },
    };
  if (mode === "colour")
    return {
      ruleId: "colour_mode",
      path,
      outcome: "pass",
      message: { zh: "彩色", en: "Colour" },
      values: { mode },
    };
  return {
    ruleId: "colour_mode",
    path,
    outcome: "manual",
    message: {
      zh: `${names[mode]}：如页面有红头、印章、照片或彩色插图，应为彩色（人工核查）`,
      en: `${mode}: pages with a red letterhead, seal, photo or colour illustration must be colour (manual check)`,
    },
    values: { mode },
  };
}

function pixelResults(f: QcFileFacts, terms: QcTerms): QcResult[] {
  const notChecked = { zh: "未检查像素（无法解码此格式）", en: "Pixels not checked (format not decoded)" };
  if (f.decodable === null)
    return [
      { ruleId: "blank_page", path: f.path, outcome: "not_checked", message: notChecked },
      { ruleId: "skew", path: f.path, outcome: "not_checked", message: notChecked },
    ];
  const out: QcResult[] = [];
  if (f.inkPct !== null) {
    const blank = f.inkPct < terms.blankInkPct;
    out.push({
      ruleId: "blank_page",
      path: f.path,
      outcome: blank ? "warn" : "pass",
      message: blank
        ? { zh: "疑似空白页，请核对是否应扫描", en: "Looks blank; check whether it should be here" }
        : { zh: "非空白", en: "Not blank" },
      values: { inkPct: round2(f.inkPct), threshold: terms.blankInkPct },
    });
  }
  if (f.skewDeg !== null) {
    const skewed = Math.abs(f.skewDeg) > terms.maxSkewDeg;
    out.push({
      ruleId: "skew",
      path: f.path,
      outcome: skewed ? "fail" : "pass",
      message: skewed
        ? {
            zh: `偏斜 ${round2(f.skewDeg)}°，超过 ${terms.maxSkewDeg}°`,
            en: `Skewed ${round2(f.skewDeg)}°, over ${terms.maxSkewDeg}°`,
          }
        : { zh: `偏斜 ${round2(f.skewDeg)}°`, en: `Skew ${round2(f.skewDeg)}°` },
      values: { skewDeg: round2(f.skewDeg), max: terms.maxSkewDeg },
    });
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
