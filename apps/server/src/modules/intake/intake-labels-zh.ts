// Chinese names for exports (the web UI has its own dictionary).
import type { IntakeState } from "@dangan/domain";

export const STATUS_ZH: Record<IntakeState, string> = {
  site_visit: "实地考察",
  unshelving: "下架清点",
  condition_check: "载体检查",
  boxing: "装箱编号",
  sealing: "检查封箱",
  transport: "押运",
  inspection: "入库核查",
  repacking: "拆箱重装",
  shelving: "上架",
  completed: "已完成",
};

export const BOX_STATUS_ZH: Record<string, string> = {
  packing: "装箱中",
  sealed: "已封箱",
  in_transit: "运送中",
  received: "已入库",
  shelved: "已上架",
  checked_out: "已出库",
  treatment: "待技术处理",
  returned_to_client: "已退回委托方",
};
