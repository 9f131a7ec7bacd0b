// D-8.5: printable box labels, eight to an A4 sheet: project, client, box
// number, kind, item range and count, a Code 128 barcode for handheld scanners
// and a QR code for phones — both carry the box's barcode value.
import bwipjs from "bwip-js";
import PDFDocument from "pdfkit";
import { useChineseFont } from "../../lib/pdf-font.ts";

export interface LabelBox {
  boxNo: string;
  barcode: string;
  kind: "transfer" | "storage";
  carrier: string;
  itemCount: number;
  itemRange: string;
  sealNumber: string | null;
}

export interface LabelSheet {
  projectCode: string;
  projectName: string;
  clientName: string;
  batchCode: string;
  boxes: LabelBox[];
}

const MM = 72 / 25.4;
const COLS = 2;
const ROWS = 4;
const W = 95 * MM;
const H = 66 * MM;
const LEFT = (210 * MM - COLS * W) / 2;
const TOP = (297 * MM - ROWS * H) / 2;
const KIND_ZH = { transfer: "中转箱", storage: "保管箱" } as const;
const CARRIER_ZH: Record<string, string> = {
  paper: "纸质",
  photo: "照片",
  audiovisual: "音像",
  film: "胶片",
  magnetic_tape: "磁带",
  optical_disc: "光盘",
  electronic: "电子",
  object: "实物",
};

const code128 = (text: string) =>
  bwipjs.toBuffer({ bcid: "code128", text, scale: 3, height: 9, includetext: true, textxalign: "center" });
const qr = (text: string) => bwipjs.toBuffer({ bcid: "qrcode", text, scale: 4 });

function drawLabel(
  doc: PDFKit.PDFDocument,
  s: LabelSheet,
  b: LabelBox,
  x: number,
  y: number,
  bar: Buffer,
  q: Buffer,
) {
  const pad = 4 * MM;
  const inner = W - 2 * pad;
  doc.save().lineWidth(0.5).dash(3, { space: 2 }).rect(x, y, W, H).stroke("#999999").restore();
  doc.font("cjk").fillColor("#000000");
  doc
    .fontSize(7)
    .text(`${s.clientName}`, x + pad, y + pad, { width: inner - 26 * MM, lineBreak: false, ellipsis: true });
  doc.fontSize(7).text(`${s.projectCode} · ${s.projectName}`, x + pad, y + pad + 10, {
    width: inner - 26 * MM,
    lineBreak: false,
    ellipsis: true,
  });
  doc.fontSize(20).text(`${b.boxNo}号`, x + pad, y + pad + 22, { lineBreak: false });
  doc
    .fontSize(8)
    .text(
      `${KIND_ZH[b.kind]} · ${CARRIER_ZH[b.carrier] ?? b.carrier} · ${b.itemCount}件`,
      x + pad,
      y + pad + 48,
      { lineBreak: false },
    );
  doc
    .fontSize(7)
    .text(b.itemRange || "—", x + pad, y + pad + 60, { width: inner - 26 * MM, height: 18, ellipsis: true });
  doc
    .fontSize(6)
    .fillColor("#555555")
    .text(`批次 ${s.batchCode}${b.sealNumber ? ` · 封条 ${b.sealNumber}` : ""}`, x + pad, y + pad + 80, {
      lineBreak: false,
    });
  doc.image(q, x + W - pad - 24 * MM, y + pad, { width: 24 * MM, height: 24 * MM });
  doc.image(bar, x + pad, y + H - pad - 17 * MM, { fit: [inner, 17 * MM], align: "center" });
}

/** The labels as a PDF; resolves with the file's bytes. */
export async function labelsPdf(sheet: LabelSheet): Promise<Buffer> {
  const images = await Promise.all(
    sheet.boxes.map(async (b) => [await code128(b.barcode), await qr(b.barcode)] as const),
  );
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    info: { Title: `档案箱标签 ${sheet.batchCode}`, Author: "Dangan" },
  });
  useChineseFont(doc, "cjk");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  sheet.boxes.forEach((b, i) => {
    const slot = i % (COLS * ROWS);
    if (i > 0 && slot === 0) doc.addPage();
    const [bar, q] = images[i]!;
    drawLabel(doc, sheet, b, LEFT + (slot % COLS) * W, TOP + Math.floor(slot / COLS) * H, bar, q);
  });
  if (sheet.boxes.length === 0)
    doc.font("cjk").fontSize(12).text("本批次还没有档案箱 · No boxes yet", 72, 72);
  doc.end();
  return done;
}
