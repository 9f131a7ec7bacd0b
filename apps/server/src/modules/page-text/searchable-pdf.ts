// Searchable PDF access copies (DA/T 31: access copies may be PDF; D-10.1 use):
// each page is the delivered image (decoded as the OCR decoded it, longest side
// ≤ 1754 px, as JPEG) with the OCR lines laid over it as invisible text — each
// line at its box, its font size from the box height and stretched to the box
// width — so that a reader can select, copy and search the Chinese text.
import type { PageTextLine } from "@dangan/db";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import { useChineseFont } from "../../lib/pdf-font.ts";

export interface PdfPage {
  /** Absolute path of the page image. */
  path: string;
  /** Scanning resolution from QC, when known: sets the page's size on paper. */
  dpi: number | null;
  /** The OCR lines and the size of the image they were read on; absent when the page has no text yet. */
  text: { lines: PageTextLine[]; imageWidth: number; imageHeight: number } | null;
}

const DECODE_SIDE = 1754;
const A4_WIDTH_PT = 595.28;

export async function searchablePdf(
  pages: PdfPage[],
  meta: { title: string; subject?: string },
): Promise<Buffer> {
  const doc = useChineseFont(
    new PDFDocument({
      autoFirstPage: false,
      margin: 0,
      info: { Title: meta.title, Subject: meta.subject ?? "", Creator: "Dangan 全文识别（OCR 文字层）" },
    }),
  );
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("zh");
  for (const p of pages) {
    const src = sharp(p.path, { limitInputPixels: 400_000_000 }).rotate();
    const orig = await src.metadata();
    const { data, info } = await src
      .resize({ width: DECODE_SIDE, height: DECODE_SIDE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .jpeg({ quality: 80, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    // EXIF orientations 5–8 swap the sides; the decoded image is upright either way.
    const swapped = (orig.orientation ?? 1) >= 5;
    const origWidth = (swapped ? orig.height : orig.width) ?? info.width;
    const dpi = p.dpi && p.dpi >= 50 && p.dpi <= 2400 ? p.dpi : null;
    const widthPt = dpi ? (origWidth / dpi) * 72 : A4_WIDTH_PT;
    const k = widthPt / info.width;
    const heightPt = info.height * k;
    doc.addPage({ size: [widthPt, heightPt], margin: 0 });
    doc.image(data, 0, 0, { width: widthPt, height: heightPt });
    if (p.text?.lines.length) {
      const kx = widthPt / p.text.imageWidth;
      const ky = heightPt / p.text.imageHeight;
      doc.save();
      doc.fillOpacity(0);
      for (const l of p.text.lines) {
        const h = l.height * ky;
        const w = l.width * kx;
        const size = Math.max(1, h * 0.85);
        doc.fontSize(size);
        const natural = doc.widthOfString(l.text);
        const scaling = natural > 0 ? Math.min(1000, Math.max(10, (100 * w) / natural)) : 100;
        doc.text(l.text, l.x * kx, l.y * ky + (h - size) / 2, {
          lineBreak: false,
          horizontalScaling: scaling,
        } as PDFKit.Mixins.TextOptions);
      }
      doc.restore();
    }
  }
  if (pages.length === 0) doc.addPage({ size: "A4" });
  doc.end();
  return done;
}
