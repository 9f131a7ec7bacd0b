// D-8.2: the printable handover catalogue, "one copy each": title, project,
// parties, every row, totals, and both parties' confirmations (signer, time,
// digest, signature valid), with space to sign and seal. Rows have a fixed
// height so the page count is known up front ("page n of N") while the rows
// stream from the database; the digest is recomputed from the printed rows.
import { CatalogueDigest, type CatalogueLevel, type CatalogueRow, retentionLabel } from "@dangan/domain";
import PDFDocument from "pdfkit";
import { useChineseFont } from "../../lib/pdf-font.ts";

const A4 = { w: 595.28, h: 841.89 };
const M = 36;
const ROW_H = 20;
const HEAD_H = 150;
const RUNNING_H = 18;
const BLOCK_H = 250;
const FOOT = A4.h - 26;

export interface PdfHeader {
  title: string;
  projectName: string;
  projectCode: string;
  clientName: string;
  agencyName: string;
  level: CatalogueLevel;
  status: string;
  rowCount: number;
  quantityTotal: number;
  pagesTotal: number;
  digest: string | null;
  createdAt: Date;
  copy: "client" | "agency";
}

export interface PdfConfirmation {
  party: "client" | "agency";
  orgName: string;
  signerName: string;
  signedAt: Date;
  documentDigest: string;
  valid: boolean;
}

const COLS: { key: keyof CatalogueRow | "seq"; label: string; w: number; align?: "right" | "center" }[] = [
  { key: "seq", label: "序号", w: 34, align: "center" },
  { key: "referenceCode", label: "档号", w: 122 },
  { key: "title", label: "题名", w: 0 },
  { key: "boxNo", label: "盒号", w: 42 },
  { key: "quantity", label: "件数", w: 30, align: "right" },
  { key: "pages", label: "页数", w: 30, align: "right" },
  { key: "year", label: "年度", w: 32, align: "center" },
  { key: "retentionPeriod", label: "保管期限", w: 44, align: "center" },
];
const FIXED = COLS.reduce((s, c) => s + c.w, 0);
COLS[2]!.w = A4.w - 2 * M - FIXED;

const when = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    dateStyle: "short",
    timeStyle: "short",
    hour12: false,
  }).format(d);

/** Rows per page and total pages, from the fixed row height. */
export function pdfLayout(rows: number) {
  const first = Math.floor((FOOT - 12 - M - HEAD_H - ROW_H) / ROW_H);
  const other = Math.floor((FOOT - 12 - M - RUNNING_H - ROW_H) / ROW_H);
  const tablePages = rows <= first ? 1 : 1 + Math.ceil((rows - first) / other);
  const onLast = rows <= first ? rows : (rows - first) % other || other;
  const lastTop = (tablePages === 1 ? M + HEAD_H : M + RUNNING_H) + ROW_H * (onLast + 1);
  const blockFits = lastTop + 24 + BLOCK_H <= FOOT - 12;
  return { first, other, pages: tablePages + (blockFits ? 0 : 1) };
}

export function renderCataloguePdf(
  h: PdfHeader,
  batches: AsyncIterable<CatalogueRow[]>,
  confirmations: PdfConfirmation[],
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: M, left: M, right: M, bottom: 0 },
    info: { Title: `${h.title} — 交接目录清册`, Author: "Dangan", Subject: h.projectCode },
    autoFirstPage: true,
  });
  useChineseFont(doc);
  doc.font("zh");
  const layout = pdfLayout(h.rowCount);
  let page = 1;
  const footer = () =>
    doc
      .fontSize(8)
      .fillColor("#666")
      .text(`第 ${page} 页 / 共 ${layout.pages} 页`, M, FOOT, {
        width: A4.w - 2 * M,
        align: "center",
        lineBreak: false,
      })
      .fillColor("black");
  const newPage = () => {
    footer();
    doc.addPage();
    page++;
    doc.fontSize(8).fillColor("#666").text(`${h.title} · ${h.projectCode}`, M, M, { lineBreak: false });
    doc.fillColor("black");
  };

  void (async () => {
    try {
      drawHeader(doc, h);
      let y = M + HEAD_H;
      tableHead(doc, y);
      y += ROW_H;
      let onPage = 0;
      let cap = layout.first;
      const digest = new CatalogueDigest(h.level);
      for await (const batch of batches) {
        for (const r of batch) {
          if (onPage === cap) {
            newPage();
            y = M + RUNNING_H;
            tableHead(doc, y);
            y += ROW_H;
            onPage = 0;
            cap = layout.other;
          }
          digest.add(r);
          tableRow(doc, y, digest.count, r);
          y += ROW_H;
          onPage++;
        }
      }
      if (y + 24 + BLOCK_H > FOOT - 12) {
        newPage();
        y = M + RUNNING_H;
      }
      const verified = h.digest !== null && digest.count === h.rowCount && digest.hex() === h.digest;
      drawClosing(doc, y + 10, h, confirmations, verified);
      footer();
      doc.end();
    } catch (error) {
      doc.emit("error", error);
    }
  })();
  return doc;
}

function drawHeader(doc: PDFKit.PDFDocument, h: PdfHeader) {
  const width = A4.w - 2 * M;
  doc
    .fontSize(9)
    .fillColor("#a00")
    .text(h.copy === "client" ? "委托方存执" : "受托方存执", M, M, { width, align: "right" });
  doc
    .fillColor("black")
    .fontSize(18)
    .text("客户档案交接目录清册", M, M + 8, { width, align: "center" });
  doc.fontSize(11).text(h.title, M, M + 34, { width, align: "center" });
  const info: [string, string][] = [
    ["项目", `${h.projectName}（${h.projectCode}）`],
    ["委托方", h.clientName],
    ["档案寄存托管机构", h.agencyName],
    ["登记单位", h.level === "item" ? "卷（件）" : "箱"],
    ["编制日期", when(h.createdAt)],
    ["内容摘要（SM3）", h.digest ?? "—"],
  ];
  let y = M + 58;
  doc.fontSize(8.5);
  for (const [k, v] of info) {
    doc.fillColor("#555").text(`${k}：`, M, y, { width: 90, lineBreak: false });
    doc.fillColor("black").text(v, M + 90, y, { width: width - 90, lineBreak: false, ellipsis: true });
    y += 13;
  }
  doc
    .fontSize(7.5)
    .fillColor("#555")
    .text("本清册一式两份，双方各执一份（D-8.2）。", M, y + 2, { width });
  doc.fillColor("black");
}

function tableHead(doc: PDFKit.PDFDocument, y: number) {
  doc
    .rect(M, y, A4.w - 2 * M, ROW_H)
    .fill("#eef1f5")
    .fillColor("black");
  let x = M;
  doc.fontSize(8);
  for (const c of COLS) {
    doc.text(c.label, x + 2, y + 6, { width: c.w - 4, align: c.align ?? "left", lineBreak: false });
    x += c.w;
  }
}

function tableRow(doc: PDFKit.PDFDocument, y: number, seq: number, r: CatalogueRow) {
  let x = M;
  for (const c of COLS) {
    const v =
      c.key === "seq"
        ? seq
        : c.key === "retentionPeriod" && r.retentionPeriod
          ? retentionLabel(r.retentionPeriod)
          : r[c.key];
    const text = v === null || v === undefined ? "" : String(v);
    // A title that fits one line sits on the row's baseline like the others; a longer one takes two.
    if (c.key === "title" && doc.fontSize(7.5).widthOfString(text) > c.w - 4)
      doc.text(text, x + 2, y + 1.5, { width: c.w - 4, height: ROW_H - 2, ellipsis: true });
    else
      doc.fontSize(7.5).text(text, x + 2, y + 6, {
        width: c.w - 4,
        align: c.align ?? "left",
        lineBreak: false,
        ellipsis: true,
      });
    x += c.w;
  }
  doc
    .moveTo(M, y + ROW_H)
    .lineTo(A4.w - M, y + ROW_H)
    .lineWidth(0.3)
    .strokeColor("#ccc")
    .stroke();
}

function drawClosing(
  doc: PDFKit.PDFDocument,
  y: number,
  h: PdfHeader,
  cs: PdfConfirmation[],
  verified: boolean,
) {
  const width = A4.w - 2 * M;
  doc.fontSize(9).fillColor("black");
  doc.text(
    `合计：${h.rowCount} 条；件数 ${h.quantityTotal}；页数 ${h.pagesTotal}。打印内容${verified ? "与摘要一致" : "与摘要不一致，请核对"}。`,
    M,
    y,
    { width },
  );
  const top = y + 22;
  doc.fontSize(10).text("双方确认（D-8.2）", M, top);
  const half = (width - 16) / 2;
  (["client", "agency"] as const).forEach((party, i) => {
    const x = M + i * (half + 16);
    let yy = top + 18;
    doc
      .rect(x, yy - 4, half, BLOCK_H - 44)
      .lineWidth(0.5)
      .strokeColor("#999")
      .stroke();
    doc
      .fontSize(9)
      .text(party === "client" ? `委托方：${h.clientName}` : `受托方：${h.agencyName}`, x + 6, yy, {
        width: half - 12,
      });
    yy += 26;
    const mine = cs.filter((c) => c.party === party);
    doc.fontSize(8);
    if (mine.length === 0)
      doc
        .fillColor("#a00")
        .text("尚未在平台确认", x + 6, yy)
        .fillColor("black");
    for (const c of mine.slice(-2)) {
      doc.text(`确认人：${c.signerName}    时间：${when(c.signedAt)}`, x + 6, yy, { width: half - 12 });
      doc.text(
        `签名：${c.valid ? "有效（Ed25519 验证通过）" : "无效"}${c.documentDigest === h.digest ? "" : "（摘要与本目录不同）"}`,
        x + 6,
        yy + 12,
        { width: half - 12 },
      );
      doc
        .fontSize(6.5)
        .text(`摘要：${c.documentDigest}`, x + 6, yy + 24, { width: half - 12 })
        .fontSize(8);
      yy += 44;
    }
    const sign = top + 18 + BLOCK_H - 110;
    doc.fontSize(8.5);
    doc.text("经办人（签字）：", x + 6, sign);
    doc.text("单位（盖章）：", x + 6, sign + 24);
    doc.text("日期：", x + 6, sign + 48);
  });
}
