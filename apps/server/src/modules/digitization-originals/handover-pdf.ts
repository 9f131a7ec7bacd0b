// Z-6.3, Z-8.1: the printable handover list in Chinese: by volume and item,
// content, quantity and quality condition, time and handlers of both sides,
// the list's SM3 digest and the electronic confirmations; one copy each.
import PDFDocument from "pdfkit";
import { useChineseFont } from "../../lib/pdf-font.ts";

export interface HandoverListPrint {
  code: string;
  direction: "to_agency" | "to_client";
  handedAt: Date;
  clientHandlerName: string;
  agencyHandlerName: string;
  note: string | null;
  digest: string;
  status: string;
  project: { code: string; name: string; clientName: string; agencyName: string };
  lines: { referenceCode: string; title: string; itemCount: number; pages: number | null; quality: string }[];
  signed: { orgName: string; signerName: string; signedAt: Date }[];
}

const when = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    dateStyle: "long",
    timeStyle: "short",
  }).format(d);

export function handoverListPdf(l: HandoverListPrint): Promise<Buffer> {
  const doc = useChineseFont(new PDFDocument({ size: "A4", margin: 50 }));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const title = l.direction === "to_agency" ? "档案数字化交接清单（出库移交）" : "档案数字化归还交接清单";
  doc.font("zh").fontSize(18).text(title, { align: "center" });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor("#555")
    .text(
      `清单编号 ${l.code}  ·  依据《档案数字化外包安全管理规范》${l.direction === "to_agency" ? "6.3" : "8.1"}`,
      {
        align: "center",
      },
    );
  doc.fillColor("black").moveDown().fontSize(11);
  const field = (k: string, v: string) => doc.text(`${k}：${v}`);
  field("项目", `${l.project.name}（${l.project.code}）`);
  field("委托方", l.project.clientName);
  field("档案数字化机构", l.project.agencyName);
  field("交接时间", when(l.handedAt));
  field("委托方经办人", l.clientHandlerName);
  field("数字化机构经办人", l.agencyHandlerName);
  if (l.note) field("备注", l.note);
  const items = l.lines.reduce((n, x) => n + x.itemCount, 0);
  const pages = l.lines.reduce((n, x) => n + (x.pages ?? 0), 0);
  doc.moveDown().fontSize(13).text("交接档案（逐卷、逐件）");
  doc
    .fontSize(10)
    .moveDown(0.3)
    .text(`共 ${l.lines.length} 卷、${items} 件${pages ? `、约 ${pages} 页` : ""}。`);
  doc.moveDown(0.3);
  for (const [i, x] of l.lines.entries())
    doc.text(
      `${i + 1}. ${x.referenceCode}  ${x.title}  ${x.itemCount} 件${x.pages !== null ? `  ${x.pages} 页` : ""}  质量状况：${x.quality}`,
    );
  doc.moveDown().fontSize(9).fillColor("#555").text(`清单 SM3 摘要：${l.digest}`);
  doc.fillColor("black").fontSize(11).moveDown(0.5);
  if (l.signed.length)
    for (const s of l.signed) doc.text(`已电子确认：${s.orgName}  ${s.signerName}  ${when(s.signedAt)}`);
  else doc.text("尚无电子确认");
  doc.moveDown(1.5).text("委托方经办人（签字）：____________________        日期：____________");
  doc.moveDown(1.5).text("数字化机构经办人（签字）：________________        日期：____________");
  doc.moveDown().fontSize(9).text("本清单一式两份，双方各执一份。");
  doc.end();
  return done;
}
