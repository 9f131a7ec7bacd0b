// The written grant printed in Chinese (D-10.2): the client's letter of consent
// with grantee, modes, purpose, period, the items and the SM3 digest it confirmed.
import PDFDocument from "pdfkit";
import { useChineseFont } from "../../lib/pdf-font.ts";
import type { GrantRow } from "./grants.repository.ts";

const MODE_ZH: Record<string, string> = {
  reading: "现场查阅",
  remote_copy: "远程调阅（复制件）",
  loan: "出借",
  proxy_search: "代为查阅",
};
const ID_ZH: Record<string, string> = {
  id_card: "身份证",
  work_card: "工作证",
  passport: "护照",
  other: "其他证件",
};
const STATUS_ZH: Record<string, string> = { draft: "草稿（未签发）", issued: "已签发", revoked: "已撤销" };

export interface GrantPdfItem {
  referenceCode: string | null;
  title: string | null;
  year: number | null;
  boxNo: string | null;
}

export function renderGrantPdf(g: GrantRow, items: GrantPdfItem[]): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `书面授权 ${g.grantNo}`, Author: "Dangan" },
  });
  useChineseFont(doc);
  doc.font("zh");
  doc.fontSize(20).text("档案调阅利用书面授权书", { align: "center" });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor("#555")
    .text(`编号：${g.grantNo}　状态：${STATUS_ZH[g.status]}`, { align: "center" });
  doc.fillColor("black").moveDown(1).fontSize(12);
  const grantee =
    g.granteeKind === "person"
      ? `${g.granteeName}（${ID_ZH[g.granteeIdKind ?? "other"]}：${g.granteeIdNumber ?? ""}）`
      : `${g.granteeName}${g.granteeOrgName ? "" : ""}`;
  const lines: [string, string][] = [
    ["委托方", g.clientName],
    ["受托机构", g.agencyName],
    ["项目", `${g.projectCode} ${g.projectName}`],
    ["被授权人", grantee],
    ["调阅方式", g.modes.map((m) => MODE_ZH[m] ?? m).join("、")],
    ["调阅目的", g.purpose],
    ["有效期", `${g.validFrom} 至 ${g.validTo}`],
    [
      "授权范围",
      `${items.length} 项（档案 ${items.filter((i) => i.title).length} 件，整箱 ${items.filter((i) => !i.title).length} 箱）`,
    ],
  ];
  for (const [k, v] of lines) doc.text(`${k}：${v}`, { lineGap: 4 });
  doc
    .moveDown(0.6)
    .fontSize(10)
    .text(
      "本单位同意上述被授权人按上述方式、在有效期内调阅利用下列档案。调阅内容以本授权书所列为限；变更或增加调阅内容须另行出具书面授权（《档案服务外包工作规范》附件1 第10条）。",
      { lineGap: 3 },
    );
  doc.moveDown(0.6).fontSize(11).text("授权档案清单", { underline: true });
  doc.fontSize(9);
  for (const [n, i] of items.slice(0, 200).entries())
    doc.text(
      i.title
        ? `${n + 1}. ${i.referenceCode ?? ""}　${i.title}${i.year ? `（${i.year}）` : ""}${i.boxNo ? `　盒号 ${i.boxNo}` : ""}`
        : `${n + 1}. 整箱：${i.boxNo}`,
    );
  if (items.length > 200) doc.text(`…… 另有 ${items.length - 200} 项，见系统清单`);
  doc.moveDown(1).fontSize(10);
  if (g.status !== "draft")
    doc.text(`签发人：${g.issuedByName ?? ""}　签发时间：${g.issuedAt?.toISOString().slice(0, 10) ?? ""}`);
  if (g.digest) doc.text(`内容摘要（SM3）：${g.digest}`);
  if (g.status === "revoked")
    doc
      .fillColor("#b00")
      .text(`已于 ${g.revokedAt?.toISOString().slice(0, 10)} 撤销：${g.revokeReason ?? ""}`);
  doc.fillColor("black").moveDown(2).text("委托方（盖章）：　　　　　　　　　日期：", { align: "right" });
  doc.end();
  return doc;
}
