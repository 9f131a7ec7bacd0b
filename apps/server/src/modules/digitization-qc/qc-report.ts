// The QC report of one delivery of a batch: a Chinese PDF (quality terms with
// their sources, results by rule, the DA/T 70 four-property report, volumes,
// the sample and verdict, failing files) and the same content as xlsx rows.
import {
  FOUR_PROPERTIES,
  QC_RULES,
  QC_TERM_SOURCES,
  type QcPackageItem,
  type QcRuleId,
  type QcTerms,
} from "@dangan/domain";
import PDFDocument from "pdfkit";
import { useChineseFont } from "../../lib/pdf-font.ts";

export interface QcReportData {
  projectName: string;
  projectCode: string;
  batchCode: string;
  seq: number;
  sourceName: string;
  purpose: string;
  finishedAt: Date | null;
  outcome: string | null;
  totalFiles: number;
  failedFiles: number;
  totalBytes: number;
  virusScanner: string | null;
  terms: QcTerms;
  summary: {
    byRule: Record<string, Partial<Record<string, number>>>;
    formats: Record<string, number>;
  } | null;
  fourProperty: QcPackageItem[];
  volumeResults: { referenceCode: string | null; ruleId: string; outcome: string; message: { zh: string } }[];
  failures: { path: string | null; ruleId: string; outcome: string; message: { zh: string } }[];
  sample: {
    ratePct: number;
    seed: string;
    size: number;
    population: number;
    verdict: string | null;
    verdictNote: string | null;
  } | null;
  tally: { critical: number; major: number; minor: number } | null;
}

export const OUTCOME_ZH: Record<string, string> = {
  pass: "通过",
  fail: "不通过",
  warn: "提示",
  manual: "人工核查",
  not_checked: "未检查",
};
const PROPERTY_ZH = { authenticity: "真实性", integrity: "完整性", usability: "可用性", security: "安全性" };
const TERM_ZH: Record<keyof QcTerms, string> = {
  minDpi: "最低分辨率（dpi）",
  formats: "存储格式",
  colourModes: "色彩模式",
  maxSkewDeg: "最大偏斜（°）",
  blankInkPct: "空白页判定（墨迹%）",
  sampleRatePct: "抽检比例（%）",
  criticalMax: "严重缺陷允许数",
  majorMaxPct: "主要缺陷上限（%）",
  minorMaxPct: "次要缺陷上限（%）",
};
const when = (d: Date | null) =>
  d
    ? new Intl.DateTimeFormat("zh-CN", {
        timeZone: "Asia/Shanghai",
        dateStyle: "long",
        timeStyle: "short",
      }).format(d)
    : "—";
const ruleName = (id: string) => QC_RULES[id as QcRuleId]?.label.zh ?? id;
const statusZh = (s: string) => (s === "T" ? "标准原文" : s === "S" ? "二手来源" : "未核实（可配置）");

export function qcReportPdf(r: QcReportData): Promise<Buffer> {
  const doc = useChineseFont(new PDFDocument({ size: "A4", margin: 50, bufferPages: true }));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("zh").fontSize(18).text("档案数字化成果质量检查报告", { align: "center" });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor("#555")
    .text("依据《档案数字化外包和中介服务规范》7.4、DA/T 31-2017、DA/T 70-2018", { align: "center" });
  doc.fillColor("black").moveDown().fontSize(11);
  const field = (k: string, v: string) => doc.text(`${k}：${v}`);
  field("项目", `${r.projectName}（${r.projectCode}）`);
  field(
    "批次",
    `${r.batchCode} 第 ${r.seq} 次交付（${r.sourceName}，${r.purpose === "access" ? "利用版本" : "保存版本"}）`,
  );
  field("检查完成", when(r.finishedAt));
  field("自动检查结论", OUTCOME_ZH[r.outcome ?? ""] ?? "—");
  field("文件", `${r.totalFiles} 个，${(r.totalBytes / 1048576).toFixed(1)} MB，不通过 ${r.failedFiles} 个`);
  field(
    "病毒扫描",
    r.virusScanner ? `已用 ${r.virusScanner} 扫描` : "本服务器未安装病毒扫描程序，未进行病毒扫描",
  );

  doc.moveDown().fontSize(13).text("一、质量指标");
  doc.fontSize(9).moveDown(0.3);
  for (const k of Object.keys(TERM_ZH) as (keyof QcTerms)[]) {
    const v = r.terms[k];
    const src = QC_TERM_SOURCES[k];
    doc.text(
      `${TERM_ZH[k]}：${Array.isArray(v) ? v.join("、") : v}    来源：${src.source}（${statusZh(src.status)}）`,
    );
  }
  doc.text("JPEG 2000：本服务器无法解码其像素，仅检查文件头（尺寸、分辨率、色彩），空白页与偏斜为“未检查”。");

  doc.moveDown().fontSize(13).text("二、自动检查结果（按规则）");
  doc.fontSize(9).moveDown(0.3);
  for (const [rule, counts] of Object.entries(r.summary?.byRule ?? {}))
    doc.text(
      `${ruleName(rule)}（${QC_RULES[rule as QcRuleId]?.standard ?? ""}）：` +
        Object.entries(counts)
          .map(([o, n]) => `${OUTCOME_ZH[o] ?? o} ${n}`)
          .join("，"),
    );

  doc.moveDown().fontSize(13).text("三、四性检测（DA/T 70-2018）");
  doc.fontSize(9).moveDown(0.3);
  for (const prop of FOUR_PROPERTIES) {
    doc.fontSize(10).text(PROPERTY_ZH[prop]);
    doc.fontSize(9);
    for (const i of r.fourProperty.filter((x) => x.property === prop))
      doc.text(`  ${i.code} ${i.label.zh}：【${OUTCOME_ZH[i.outcome]}】${i.message.zh}`);
  }

  doc.moveDown().fontSize(13).text("四、案卷检查");
  doc.fontSize(9).moveDown(0.3);
  for (const v of r.volumeResults.filter((x) => x.outcome !== "pass"))
    doc.text(
      `${v.referenceCode ?? "全批"}  ${ruleName(v.ruleId)}：【${OUTCOME_ZH[v.outcome]}】${v.message.zh}`,
    );
  if (!r.volumeResults.some((x) => x.outcome !== "pass")) doc.text("各卷页数、流水号、格式均符合要求。");

  doc.moveDown().fontSize(13).text("五、人工抽检与结论");
  doc.fontSize(10).moveDown(0.3);
  if (!r.sample) doc.text("尚未抽样。");
  else {
    doc.text(
      `抽检比例 ${r.sample.ratePct}%，从 ${r.sample.population} 幅中抽取 ${r.sample.size} 幅（随机种子 ${r.sample.seed}）。`,
    );
    if (r.tally)
      doc.text(`有缺陷图像：严重 ${r.tally.critical}，主要 ${r.tally.major}，次要 ${r.tally.minor}。`);
    doc.text(
      `批次结论：${r.sample.verdict === "accepted" ? "通过" : r.sample.verdict === "rejected" ? "不通过（返工）" : "待定"}${r.sample.verdictNote ? `；${r.sample.verdictNote}` : ""}`,
    );
  }

  doc.moveDown().fontSize(13).text("六、不通过的文件（前 200 项）");
  doc.fontSize(8).moveDown(0.3);
  for (const f of r.failures.slice(0, 200))
    doc.text(`${f.path ?? "—"}  ${ruleName(f.ruleId)}：${f.message.zh}`);
  if (r.failures.length === 0) doc.text("无。");

  doc
    .moveDown(2)
    .fontSize(11)
    .text("委托方审核人：____________________        数字化机构负责人：____________________");
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(i);
    doc
      .fontSize(8)
      .fillColor("#777")
      .text(`第 ${i + 1} / ${pages.count} 页`, 50, doc.page.height - 40, {
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
