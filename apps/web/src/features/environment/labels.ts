// Names of the environment enumerations in both languages (keys mirror
// @dangan/domain: excursion kinds, carrier zones, refusal reasons).
import type { Bilingual } from "../../api/types.ts";
import type { AlertKind, Zone } from "./api.ts";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const ALERT_KIND: Record<AlertKind, Bilingual & { color: string }> = {
  temperature_low: { ...b("温度过低", "Temperature too low"), color: "blue" },
  temperature_high: { ...b("温度过高", "Temperature too high"), color: "red" },
  humidity_low: { ...b("湿度过低", "Humidity too low"), color: "gold" },
  humidity_high: { ...b("湿度过高", "Humidity too high"), color: "volcano" },
  lux_high: { ...b("照度超标", "Illuminance too high"), color: "orange" },
  temperature_swing: { ...b("温度日波动超标", "24-hour temperature swing"), color: "magenta" },
  humidity_swing: { ...b("湿度日波动超标", "24-hour humidity swing"), color: "purple" },
};

export const ZONE: Record<Zone, Bilingual> = {
  paper: b("纸质档案区", "Paper"),
  special_collection: b("特藏区", "Special collection"),
  audiovisual_tape: b("音像磁带区", "Audiovisual tape"),
  copy_film: b("拷贝片区", "Copy film"),
  master_film: b("母片区", "Master film"),
  optical_disc: b("光盘区", "Optical disc"),
  electronic: b("电子档案区", "Electronic"),
  photo: b("照片区", "Photo"),
};

export const REFUSAL: Record<string, Bilingual> = {
  unsigned: b("未签名", "Unsigned"),
  bad_signature: b("签名错误", "Bad signature"),
  unknown_sensor: b("未知传感器", "Unknown sensor"),
  stale: b("过期或时间异常", "Stale or from the future"),
  replayed: b("重复读数", "Replayed"),
  invalid: b("格式错误", "Malformed"),
};

/** Units per alert kind, for "worst / limit" cells. */
export const UNIT: Record<AlertKind, string> = {
  temperature_low: "°C",
  temperature_high: "°C",
  humidity_low: "%",
  humidity_high: "%",
  lux_high: " lx",
  temperature_swing: "°C",
  humidity_swing: "%",
};
