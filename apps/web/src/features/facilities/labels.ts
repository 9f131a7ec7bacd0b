// Names of the facilities' enumerations in both languages (keys mirror
// @dangan/domain's facilities constants).
import type { Bilingual } from "../../api/types.ts";
import type { EquipmentKind, KeyDevice, RoomFunction, TitleLevel, Zone } from "./api.ts";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const ZONE: Record<Zone, Bilingual & { color: string }> = {
  paper: { ...b("纸质档案区", "Paper"), color: "#d9e7f7" },
  special_collection: { ...b("特藏区", "Special collection"), color: "#f3e1f7" },
  audiovisual_tape: { ...b("音像磁带区", "Audiovisual tape"), color: "#ffe9c7" },
  copy_film: { ...b("拷贝片区", "Copy film"), color: "#fff3c4" },
  master_film: { ...b("母片区", "Master film"), color: "#ffe0cc" },
  optical_disc: { ...b("光盘区", "Optical disc"), color: "#dff5f1" },
  electronic: { ...b("电子档案区", "Electronic"), color: "#e3f5d9" },
  photo: { ...b("照片区", "Photo"), color: "#f5e6d8" },
};

export const ROOM_FUNCTION: Record<RoomFunction, Bilingual> = {
  storage: b("档案存储专库", "Storage"),
  public_service: b("对外服务用房", "Public service"),
  technical: b("业务和技术用房", "Technical"),
  office: b("办公用房", "Office"),
  ancillary: b("其他附属用房", "Ancillary"),
};

export const EQUIPMENT_KIND: Record<EquipmentKind, Bilingual> = {
  temperature_humidity_monitor: b("温湿度监测", "Temperature/humidity monitor"),
  climate_control: b("恒温恒湿空调", "Climate control"),
  dehumidifier: b("除湿机", "Dehumidifier"),
  fire_extinguisher: b("灭火器", "Fire extinguisher"),
  fire_suppression: b("自动灭火系统", "Fire suppression"),
  anti_theft: b("防盗设备", "Anti-theft"),
  disinfection: b("消毒设备", "Disinfection"),
};

export const EQUIPMENT_STATUS: Record<string, Bilingual & { color: string }> = {
  in_service: { ...b("在用", "In service"), color: "success" },
  faulty: { ...b("故障", "Faulty"), color: "error" },
  retired: { ...b("停用", "Retired"), color: "default" },
};

export const MAINTENANCE_KIND: Record<string, Bilingual> = {
  check: b("检查", "Check"),
  maintenance: b("维护保养", "Maintenance"),
  repair: b("维修", "Repair"),
};

export const MAINTENANCE_RESULT: Record<string, Bilingual & { color: string }> = {
  ok: { ...b("正常", "OK"), color: "success" },
  fault_found: { ...b("发现故障", "Fault found"), color: "error" },
  fixed: { ...b("已修复", "Fixed"), color: "processing" },
};

export const CAMERA_AREA: Record<string, Bilingual> = {
  lift: b("电梯", "Lift"),
  corridor: b("楼道", "Corridor"),
  perimeter: b("库区周边", "Perimeter"),
  door: b("库门", "Door"),
  aisle: b("通道", "Aisle"),
  reading_room: b("阅览室", "Reading room"),
  workstation: b("工位", "Workstation"),
  loading: b("装卸区", "Loading area"),
};

export const DETECTOR: Record<string, Bilingual> = {
  smoke: b("感烟", "Smoke"),
  heat: b("感温", "Heat"),
  flame: b("火焰", "Flame"),
  gas: b("可燃气体", "Gas"),
  manual_call_point: b("手动报警按钮", "Manual call point"),
};

export const TITLE_LEVEL: Record<TitleLevel, Bilingual> = {
  none: b("无职称", "None"),
  junior: b("初级", "Junior"),
  intermediate: b("中级", "Intermediate"),
  senior: b("高级", "Senior"),
};

export const KEY_DEVICE: Record<KeyDevice, Bilingual> = {
  key: b("钥匙", "Key"),
  access_card: b("门禁卡", "Access card"),
  password: b("密码", "Password"),
  biometric: b("生物识别", "Biometric"),
};

export const SHELVING: Record<string, Bilingual> = {
  compact: b("密集架", "Compact shelving"),
  fixed: b("固定架", "Fixed shelving"),
};

/** Options for a Select from one of the records above. */
export const optionsOf = <K extends string>(rec: Record<K, Bilingual>, pick: (m: Bilingual) => string) =>
  (Object.keys(rec) as K[]).map((value) => ({ value, label: pick(rec[value]) }));

const ZH_WORDS: [RegExp, string][] = [
  [/named holders?/g, "名持有人"],
  [/all cameras/g, "全部摄像头"],
  [/in service/g, "台在用"],
  [/overdue/g, "项逾期"],
  [/faulty/g, "项故障"],
  [/rooms?/g, "间"],
  [/days/g, "天"],
];

/** A finding's measured or required text in the viewer's language (the API gives figures in English). */
export function findingText(v: string | number, lang: "zh" | "en"): string {
  const s = String(v);
  if (MEASURED[s]) return MEASURED[s][lang];
  if (lang === "en") return s;
  return ZH_WORDS.reduce((text, [re, zh]) => text.replace(re, zh), s).replace(
    /(\d) (?=[\u4e00-\u9fff])/g,
    "$1",
  );
}

/** Text measurements of the compliance findings. */
export const MEASURED: Record<string, Bilingual> = {
  yes: b("是", "yes"),
  no: b("否", "no"),
  covered: b("已覆盖", "covered"),
  "blind spot": b("监控盲区", "blind spot"),
  "not covered": b("未覆盖", "not covered"),
  "no cameras": b("无摄像头", "no cameras"),
  named: b("已指定", "named"),
  none: b("无", "none"),
  attached: b("已上传", "attached"),
  missing: b("缺失", "missing"),
};

export const BOX_STATUS: Record<string, Bilingual> = {
  packing: b("装箱中", "Packing"),
  sealed: b("已封箱", "Sealed"),
  in_transit: b("运输中", "In transit"),
  received: b("已接收", "Received"),
  shelved: b("在架", "Shelved"),
  checked_out: b("已出库", "Checked out"),
  treatment: b("处理中", "Treatment"),
  returned_to_client: b("已退还", "Returned"),
};
