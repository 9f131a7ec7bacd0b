// D-11.1: the written report to the client on a return discrepancy, in Chinese:
// the request, what went out, what came back missing or damaged, the cause
// found and the handling, with the incident number and space to sign and seal.
import PDFDocument from "pdfkit";
import { useChineseFont } from "../../lib/pdf-font.ts";

export interface ReturnReport {
  requestNo: string;
  projectName: string;
  clientName: string;
  agencyName: string;
  userName: string;
  mode: string;
  checkedAt: Date;
  returnerName: string;
  checkedByName: string | null;
  lines: {
    referenceCode: string | null;
    title: string | null;
    boxNo: string | null;
    outcome: string;
    note: string | null;
  }[];
  cause: string;
  handling: string;
  incidentId: string;
  reportedAt: Date;
}

const OUTCOME_ZH: Record<string, string> = { present: "完好", missing: "缺失", damaged: "损毁" };
const MODE_ZH: Record<string, string> = {
  reading: "现场调阅",
  remote_copy: "远程调阅",
  loan: "出借",
  proxy_search: "代为查阅",
};
const when = (d: Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    dateStyle: "long",
    timeStyle: "short",
  }).format(d);

export function returnReportPdf(r: ReturnReport): Promise<Buffer> {
  const doc = useChineseFont(new PDFDocument({ size: "A4", margin: 50 }));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("zh").fontSize(18).text("档案归还核对差异书面报告", { align: "center" });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor("#555")
    .text("依据《档案寄存托管服务规范》11.1", { align: "center" });
  doc.fillColor("black").moveDown();
  doc.fontSize(11);
  const field = (k: string, v: string) => doc.text(`${k}：${v}`);
  field("致（委托方）", r.clientName);
  field("出具单位（档案寄存托管机构）", r.agencyName);
  field("项目", r.projectName);
  field("调阅申请编号", `${r.requestNo}（${MODE_ZH[r.mode] ?? r.mode}）`);
  field("调阅利用人", r.userName);
  field("归还核对时间", when(r.checkedAt));
  field("归还人", r.returnerName);
  field("核对人（机构）", r.checkedByName ?? "—");
  field("安全事故编号", r.incidentId);
  doc.moveDown().fontSize(13).text("一、逐件核对结果");
  doc.fontSize(10).moveDown(0.3);
  const bad = r.lines.filter((l) => l.outcome !== "present");
  doc.text(
    `调出 ${r.lines.length} 件，完好 ${r.lines.length - bad.length} 件，缺失或损毁 ${bad.length} 件。`,
  );
  doc.moveDown(0.3);
  for (const [i, l] of bad.entries())
    doc.text(
      `${i + 1}. ${l.referenceCode ?? "（无档号）"}  ${l.title ?? ""}  盒号 ${l.boxNo ?? "—"}  【${OUTCOME_ZH[l.outcome] ?? l.outcome}】${l.note ? `  ${l.note}` : ""}`,
    );
  doc.moveDown().fontSize(13).text("二、原因查明情况");
  doc.fontSize(11).moveDown(0.3).text(r.cause);
  doc.moveDown().fontSize(13).text("三、处理措施");
  doc.fontSize(11).moveDown(0.3).text(r.handling);
  doc.moveDown(2).text(`报告日期：${when(r.reportedAt)}`);
  doc
    .moveDown(1.5)
    .text("档案寄存托管机构（盖章）：____________________        负责人签字：____________________");
  doc.moveDown(1.5).text("委托方签收：____________________        日期：____________________");
  doc.end();
  return done;
}
