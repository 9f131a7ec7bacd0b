// D-9.1 "clear labels": printable location labels on A4, 3 × 8 per page, each
// with the location code as a Code 128 barcode, the code in text and its zone.
import bwipjs from "bwip-js";
import PDFDocument from "pdfkit";
import { useChineseFont } from "../../lib/pdf-font.ts";

export const LABELS_PER_PAGE = 24;
const COLS = 3;
const ROWS = 8;
const MARGIN = 28;

export interface LabelLocation {
  code: string;
  rowNo: number;
  columnNo: number;
  sectionNo: number;
  shelfNo: number;
  zone: string;
}

export interface LabelHeader {
  agencyName: string;
  vaultCode: string;
  vaultName: string;
  zoneName: (zone: string) => string;
}

/** Code 128 as bar/space widths in modules (bwip-js), drawn below as vector bars: crisp and small. */
function code128(text: string): number[] {
  const [symbol] = bwipjs.raw("code128", text) as { sbs?: number[] }[];
  if (!symbol?.sbs) throw new Error(`code128: no bars for ${text}`);
  return symbol.sbs;
}

/** Bars centred in the box, with the quiet zone of 10 modules Code 128 needs on each side. */
function drawBarcode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
) {
  const sbs = code128(text);
  const modules = sbs.reduce((a, b) => a + b, 0);
  const unit = Math.min(1.2, width / (modules + 20));
  let cursor = x + (width - modules * unit) / 2;
  sbs.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(cursor, y, w * unit, height);
    cursor += w * unit;
  });
  doc.fillColor("#000").fill();
}

export async function locationLabelsPdf(
  header: LabelHeader,
  locations: readonly LabelLocation[],
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: `库位标签 ${header.vaultCode}`, Author: header.agencyName, Creator: "Dangan" },
  });
  useChineseFont(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const w = (595.28 - 2 * MARGIN) / COLS;
  const h = (841.89 - 2 * MARGIN) / ROWS;
  for (let i = 0; i < locations.length; i++) {
    if (i % LABELS_PER_PAGE === 0) doc.addPage();
    const loc = locations[i]!;
    const slot = i % LABELS_PER_PAGE;
    const x = MARGIN + (slot % COLS) * w;
    const y = MARGIN + Math.floor(slot / COLS) * h;
    doc.save().lineWidth(0.5).dash(2, { space: 2 }).strokeColor("#999").rect(x, y, w, h).stroke().restore();
    doc
      .font("zh")
      .fontSize(7)
      .fillColor("#555")
      .text(`${header.vaultName}（${header.vaultCode}）· ${header.zoneName(loc.zone)}`, x + 8, y + 6, {
        width: w - 16,
        lineBreak: false,
        ellipsis: true,
      });
    drawBarcode(doc, loc.code, x + 8, y + 18, w - 16, 40);
    doc
      .fontSize(13)
      .fillColor("#000")
      .text(loc.code, x + 8, y + 62, { width: w - 16, align: "center" });
    doc
      .fontSize(7)
      .fillColor("#555")
      .text(
        `${loc.rowNo}排 ${loc.columnNo}列 ${loc.sectionNo}节 ${loc.shelfNo}层 · row ${loc.rowNo} col ${loc.columnNo} sec ${loc.sectionNo} shelf ${loc.shelfNo}`,
        x + 8,
        y + h - 14,
        { width: w - 16, align: "center", lineBreak: false },
      );
  }
  if (locations.length === 0) doc.addPage().font("zh").fontSize(12).text("没有符合条件的库位 · No locations");
  doc.end();
  return done;
}

/** Pages in a PDF produced above (page objects, not the page tree). */
export const pdfPageCount = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? []).length;
