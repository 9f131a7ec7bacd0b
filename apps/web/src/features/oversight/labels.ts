// Labels of oversight statuses and kinds, in both languages.
import type { InspectionKind, ItemResult, OrderStatus, Severity } from "./api.ts";

type Bi = { zh: string; en: string };

export const KIND: Record<InspectionKind, Bi> = {
  planned: { zh: "计划检查", en: "Planned" },
  spot: { zh: "专项抽查", en: "Spot check" },
  ad_hoc: { zh: "临时检查", en: "Ad hoc" },
  self_check: { zh: "机构自查", en: "Self-check" },
  supervision: { zh: "委托方督查", en: "Client supervision" },
};

export const RESULT: Record<ItemResult, Bi & { color: string }> = {
  unanswered: { zh: "未检查", en: "Not checked", color: "default" },
  pass: { zh: "符合", en: "Pass", color: "green" },
  fail: { zh: "不符合", en: "Fail", color: "red" },
  not_applicable: { zh: "不适用", en: "N/A", color: "default" },
};

export const SEVERITY: Record<Severity, Bi & { color: string }> = {
  minor: { zh: "一般", en: "Minor", color: "gold" },
  major: { zh: "重大", en: "Major", color: "orange" },
  critical: { zh: "严重", en: "Critical", color: "red" },
};

export const ORDER_STATUS: Record<OrderStatus, Bi & { color: string }> = {
  open: { zh: "待整改", en: "Open", color: "blue" },
  responded: { zh: "待审核", en: "Awaiting review", color: "purple" },
  rejected: { zh: "已退回", en: "Rejected", color: "orange" },
  accepted: { zh: "已通过", en: "Accepted", color: "green" },
};
