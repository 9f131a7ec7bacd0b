// Names of the catalogue codes in both languages, with their colour.
import type { Bilingual } from "../../api/types.ts";
import type { CatalogueStatus, Encoding, ImportStatus } from "./api.ts";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const CATALOGUE_STATUS: Record<CatalogueStatus, Bilingual & { color: string }> = {
  draft: { ...b("待确认", "Awaiting confirmation"), color: "processing" },
  confirmed: { ...b("双方已确认", "Confirmed by both"), color: "success" },
  superseded: { ...b("已撤回", "Withdrawn"), color: "default" },
};

export const IMPORT_STATUS: Record<ImportStatus, Bilingual & { color: string }> = {
  queued: { ...b("排队中", "Queued"), color: "default" },
  validating: { ...b("检查中", "Checking"), color: "processing" },
  writing: { ...b("写入中", "Writing"), color: "processing" },
  succeeded: { ...b("已导入", "Imported"), color: "success" },
  refused: { ...b("未通过检查", "Refused"), color: "error" },
  failed: { ...b("失败", "Failed"), color: "error" },
};

export const ENCODINGS: { value: Encoding; label: Bilingual }[] = [
  { value: "auto", label: b("自动识别", "Detect") },
  { value: "utf-8", label: b("UTF-8（含 BOM）", "UTF-8 (with or without BOM)") },
  {
    value: "gb18030",
    label: b("GB18030 / GBK（中文 Excel 另存的 CSV）", "GB18030 / GBK (CSV from Chinese Excel)"),
  },
  { value: "utf-16le", label: b("UTF-16（Unicode 文本）", "UTF-16 (Unicode text)") },
];

export const LEVELS: Record<"item" | "box", Bilingual> = {
  item: b("卷（件）级", "Item / volume level"),
  box: b("箱级", "Box level"),
};

export const RETENTION: Record<string, Bilingual> = {
  Y: b("永久", "Permanent"),
  D30: b("30年", "30 years"),
  D10: b("10年", "10 years"),
  C: b("长期", "Long-term"),
  D: b("短期", "Short-term"),
};

export const CATEGORY: Record<string, Bilingual> = {
  WS: b("文书", "Administrative"),
  KJ: b("科技", "Sci-tech"),
  RS: b("人事", "Personnel"),
  KU: b("会计", "Accounting"),
  ZY: b("专业", "Specialised"),
  ZP: b("照片", "Photos"),
  LY: b("录音", "Audio"),
  LX: b("录像", "Video"),
  SW: b("实物", "Objects"),
  DZ: b("电子", "Electronic"),
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
