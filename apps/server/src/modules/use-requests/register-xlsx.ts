// The use register (D-10.4) as an Excel workbook: acceptance, retrieval, return,
// user, content and remote delivery per request. Shared by the API export and
// `dangan register export`.
import { type XlsxColumn, xlsxBuffer } from "../../lib/xlsx.ts";
import type { UseRequestsService } from "./use-requests.service.ts";

export const REGISTER_SHEET = "档案调阅利用登记簿";

const MODE_ZH: Record<string, string> = {
  reading: "现场查阅",
  remote_copy: "远程调阅",
  loan: "出借",
  proxy_search: "代为查阅",
};
const KIND_ZH: Record<string, string> = {
  client: "委托方",
  third_party: "第三方",
  agency_proxy: "受托机构代查",
};
const STATUS_ZH: Record<string, string> = {
  submitted: "已申请",
  accepted: "已受理",
  retrieved: "已调出",
  in_service: "利用中",
  returning: "归还中",
  return_blocked: "归还受阻",
  returned: "已归还",
  closed: "已办结",
  rejected: "不予受理",
  cancelled: "已撤回",
};

type Row = Awaited<ReturnType<UseRequestsService["list"]>>["items"][number];

export const REGISTER_COLUMNS: XlsxColumn<Row>[] = [
  { header: "申请编号 No.", value: (r) => r.requestNo },
  { header: "委托方 Client", width: 24, value: (r) => r.clientName },
  { header: "项目 Project", width: 24, value: (r) => `${r.projectCode} ${r.projectName}` },
  { header: "利用者 User", value: (r) => r.userName },
  { header: "单位 Organisation", width: 20, value: (r) => r.userOrgName },
  { header: "证件号 ID", width: 20, value: (r) => r.userIdNumber },
  { header: "身份 Requester", value: (r) => KIND_ZH[r.requesterKind] },
  { header: "授权书 Grant", value: (r) => r.grantNo },
  { header: "方式 Mode", value: (r) => MODE_ZH[r.mode] },
  { header: "目的 Purpose", width: 24, value: (r) => r.purpose },
  { header: "内容 Content", width: 50, value: (r) => `${r.itemCount} 件：${r.content ?? ""}` },
  { header: "申请时间 Submitted", width: 20, value: (r) => r.submittedAt },
  { header: "受理 Accepted", width: 20, value: (r) => r.acceptedAt },
  { header: "受理人 Accepted by", value: (r) => r.acceptedByName },
  { header: "调出 Retrieved", width: 20, value: (r) => r.retrievedAt },
  { header: "调出人 Retrieved by", value: (r) => r.retrievedByName },
  { header: "服务完成/远程交付 Served", width: 20, value: (r) => r.servedAt },
  { header: "归还 Returned", width: 20, value: (r) => r.returnedAt },
  { header: "状态 Status", value: (r) => STATUS_ZH[r.status] ?? r.status },
];

export const registerXlsx = (rows: Row[]) => xlsxBuffer(REGISTER_SHEET, REGISTER_COLUMNS, rows);
