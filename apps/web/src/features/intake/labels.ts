// Names of the intake codes in both languages, with their clause and colour.
import type { Bilingual } from "../../api/types.ts";
import type { BoxStatus, Condition, IntakeAction, IntakeState, Side } from "./api.ts";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** The steps in order (antd Steps), each with the clause it records. */
export const STEPS: { key: Exclude<IntakeState, "completed">; label: Bilingual; clause: string }[] = [
  { key: "site_visit", label: b("实地考察", "Site visit"), clause: "D-7.2" },
  { key: "unshelving", label: b("下架清点", "Unshelving"), clause: "D-8.1" },
  { key: "condition_check", label: b("载体检查", "Condition"), clause: "D-8.4" },
  { key: "boxing", label: b("装箱编号", "Boxing"), clause: "D-8.5" },
  { key: "sealing", label: b("检查封箱", "Sealing"), clause: "D-8.6" },
  { key: "transport", label: b("押运", "Transport"), clause: "D-8.7" },
  { key: "inspection", label: b("入库核查", "Inspection"), clause: "D-8.8" },
  { key: "repacking", label: b("拆箱重装", "Repacking"), clause: "D-8.9" },
  { key: "shelving", label: b("上架", "Shelving"), clause: "D-9.11" },
];

export const STATE: Record<IntakeState, Bilingual & { color: string }> = {
  ...(Object.fromEntries(STEPS.map((s) => [s.key, { ...s.label, color: "processing" }])) as Record<
    Exclude<IntakeState, "completed">,
    Bilingual & { color: string }
  >),
  completed: { ...b("已完成", "Completed"), color: "success" },
};

export const ACTION: Record<IntakeAction, Bilingual> = {
  site_visit: b("记录实地考察", "Record the site visit"),
  unshelve: b("完成下架清点", "Finish unshelving and counting"),
  check_condition: b("完成载体检查", "Finish the condition check"),
  finish_boxing: b("完成装箱", "Finish boxing"),
  load: b("装车押运", "Load and transport"),
  arrive: b("到库交接", "Receive at the vault"),
  finish_inspection: b("完成入库核查", "Finish the intake inspection"),
  repack: b("拆箱重新装箱", "Repack into storage boxes"),
  skip_repacking: b("不拆箱，直接上架", "Skip repacking"),
  complete: b("完成上架登记", "Finish shelving"),
};

export const BOX_STATUS: Record<BoxStatus, Bilingual & { color: string }> = {
  packing: { ...b("装箱中", "Packing"), color: "default" },
  sealed: { ...b("已封箱", "Sealed"), color: "blue" },
  in_transit: { ...b("运送中", "In transit"), color: "purple" },
  received: { ...b("已入库", "Received"), color: "cyan" },
  shelved: { ...b("已上架", "Shelved"), color: "success" },
  checked_out: { ...b("已出库", "Checked out"), color: "warning" },
  treatment: { ...b("待技术处理", "Held for treatment"), color: "error" },
  returned_to_client: { ...b("已退回委托方", "Returned to client"), color: "default" },
};

export const CONDITION: Record<Condition | "treated", Bilingual & { color: string }> = {
  good: { ...b("完好", "Good"), color: "success" },
  mould: { ...b("霉变", "Mould"), color: "error" },
  pests: { ...b("虫害", "Pests"), color: "error" },
  acidified_film: { ...b("胶片酸化", "Acidified film"), color: "error" },
  damaged: { ...b("破损", "Damaged"), color: "error" },
  water_damage: { ...b("水渍", "Water damage"), color: "error" },
  other: { ...b("其他异常", "Other problem"), color: "warning" },
  treated: { ...b("已处理", "Treated"), color: "green" },
};

export const SIDE: Record<Side, Bilingual & { color: string }> = {
  client: { ...b("委托方", "Client"), color: "gold" },
  agency: { ...b("受托方", "Agency"), color: "blue" },
};

export const BOX_KIND: Record<"transfer" | "storage", Bilingual> = {
  transfer: b("中转箱", "Transfer box"),
  storage: b("保管箱", "Storage box"),
};

export const MOVEMENT: Record<string, Bilingual> = {
  intake: b("接收入库", "Intake"),
  shelve: b("上架", "Shelved"),
  checkout: b("调用出库", "Checked out"),
  return: b("归还入库", "Returned"),
  relocate: b("移位", "Relocated"),
  release: b("退回委托方", "Released"),
};

export const CARRIER: Record<string, Bilingual> = {
  paper: b("纸质", "Paper"),
  photo: b("照片", "Photographs"),
  audiovisual: b("音像", "Audiovisual"),
  film: b("胶片", "Film"),
  magnetic_tape: b("磁带", "Magnetic tape"),
  optical_disc: b("光盘", "Optical disc"),
  electronic: b("电子", "Electronic"),
  object: b("实物", "Objects"),
};

/** What a condition check can record, in order (D-8.4). */
export const CONDITIONS: Condition[] = [
  "good",
  "mould",
  "pests",
  "acidified_film",
  "damaged",
  "water_damage",
  "other",
];
