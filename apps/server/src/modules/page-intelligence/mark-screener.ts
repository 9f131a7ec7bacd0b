// Z-7.3, Z-6.1, D-10.8: the screening of pages for classification marks. Image
// files are read as they are (every page of a multi-page TIFF); PDFs are
// rendered page by page by poppler's pdftoppm; anything else cannot be screened
// and says so. The OCR runs on a pool of worker threads started on first use.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findClassificationMarks, type MarkHit } from "@dangan/domain";
import sharp from "sharp";
import { OcrPool } from "./ocr/ocr-pool.ts";
import type { ScreeningConfig } from "./screening.config.ts";

const run = promisify(execFile);

export const OCR_ENGINE = "PP-OCRv4 ch (onnxruntime-node, CPU)";

export interface PageScreen {
  page: number;
  pageWidth: number;
  pageHeight: number;
  hits: MarkHit[];
}

export type UploadScreen = { pages: PageScreen[] } | { unscreenable: string };

const IMAGE = /\.(tiff?|jpe?g|png|jp2|webp|bmp|gif)$/i;

export function markScreener(cfg: ScreeningConfig) {
  let pool: OcrPool | null = null;
  const poolOf = () => {
    pool ??= new OcrPool(cfg.workers);
    return pool;
  };

  const screen = async (input: string | Uint8Array, page = 1): Promise<PageScreen> => {
    const r = await poolOf().read({ input, mode: "screen" });
    return { page, pageWidth: r.width, pageHeight: r.height, hits: findClassificationMarks(r.lines) };
  };

  /** Pages of a multi-page image as separate PNGs (page 1 is read from the file directly). */
  async function imagePages(path: string): Promise<(string | Uint8Array)[]> {
    const pages = (await sharp(path).metadata()).pages ?? 1;
    if (pages <= 1) return [path];
    const out: (string | Uint8Array)[] = [];
    for (let i = 0; i < pages; i++)
      out.push(await sharp(path, { page: i }).png({ compressionLevel: 1 }).toBuffer());
    return out;
  }

  async function pdfPages(path: string, dir: string): Promise<string[]> {
    await run("pdftoppm", ["-r", String(cfg.pdfDpi), "-png", path, join(dir, "p")], { timeout: 300_000 });
    return (await readdir(dir))
      .filter((f) => f.endsWith(".png"))
      .sort()
      .map((f) => join(dir, f));
  }

  return {
    enabled: cfg.enabled,

    /**
     * QC: one result per image file (its first page), in input order; null for a
     * file the OCR could not decode (the image checks already fail it).
     */
    async screenFiles(paths: string[], onDone?: (n: number) => void): Promise<(PageScreen | null)[]> {
      const p = poolOf();
      const out: (PageScreen | null)[] = new Array(paths.length).fill(null);
      let at = 0;
      let done = 0;
      const lane = async () => {
        while (at < paths.length) {
          const i = at++;
          out[i] = await screen(paths[i]!).catch(() => null);
          onDone?.(++done);
        }
      };
      await Promise.all(Array.from({ length: Math.min(p.size, paths.length) }, lane));
      return out;
    },

    /** D-10.8: every page of a file about to be delivered. */
    async screenUpload(path: string, filename: string): Promise<UploadScreen> {
      if (/\.pdf$/i.test(filename)) {
        const dir = await mkdtemp(join(tmpdir(), "dangan-screen-"));
        try {
          const pages = await pdfPages(path, dir).catch(() => null);
          if (!pages?.length) return { unscreenable: "pdf_unreadable" };
          const out: PageScreen[] = [];
          for (let i = 0; i < pages.length; i++) out.push(await screen(pages[i]!, i + 1));
          return { pages: out };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
      if (!IMAGE.test(filename)) return { unscreenable: "not_an_image" };
      const inputs = await imagePages(path).catch(() => null);
      if (!inputs) return { unscreenable: "image_unreadable" };
      const out: PageScreen[] = [];
      for (let i = 0; i < inputs.length; i++) out.push(await screen(inputs[i]!, i + 1));
      return { pages: out };
    },

    /** One page as an image (for the reviewer's view of a hit). */
    async pageImage(path: string, filename: string, page: number): Promise<Buffer | null> {
      if (/\.pdf$/i.test(filename)) {
        const dir = await mkdtemp(join(tmpdir(), "dangan-page-"));
        try {
          await run(
            "pdftoppm",
            ["-r", String(cfg.pdfDpi), "-png", "-f", String(page), "-l", String(page), path, join(dir, "p")],
            { timeout: 60_000 },
          );
          const f = (await readdir(dir)).find((x) => x.endsWith(".png"));
          return f ? await sharp(join(dir, f)).png().toBuffer() : null;
        } catch {
          return null;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
      return sharp(path, { page: page - 1 })
        .png()
        .toBuffer()
        .catch(() => null);
    },

    async close(): Promise<void> {
      await pool?.close();
      pool = null;
    },
  };
}
export type MarkScreener = ReturnType<typeof markScreener>;
