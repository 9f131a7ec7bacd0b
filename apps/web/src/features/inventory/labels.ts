// Names and colours of inventory codes, in both languages.
import type { Bilingual } from "../../api/types.ts";
import type { InventoryMethod, InventoryResult, TreatmentKind } from "./api.ts";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const METHOD: Record<InventoryMethod, Bilingual> = {
  full: b("全面盘点", "Full count"),
  sample: b("抽样盘点", "Sample count"),
  by_client: b("按委托方盘点", "By client"),
};

export const RESULT: Record<InventoryResult, Bilingual & { color: string }> = {
  present: { ...b("在架", "Present"), color: "green" },
  missing: { ...b("缺失", "Missing"), color: "red" },
  misplaced: { ...b("错架", "Misplaced"), color: "orange" },
  unexpected: { ...b("不明/范围外", "Unexpected"), color: "purple" },
};

export const TREATMENT: Record<TreatmentKind, Bilingual> = {
  pests: b("虫害", "Pests"),
  mould: b("霉变", "Mould"),
  other: b("其他", "Other"),
};

export const RESULT_ORDER: InventoryResult[] = ["missing", "misplaced", "unexpected", "present"];
