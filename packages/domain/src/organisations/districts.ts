// Shanghai's sixteen districts; regulators supervise by district.
import type { Message } from "../errors/domain-error.ts";

export const DISTRICTS = {
  huangpu: { zh: "黄浦区", en: "Huangpu" },
  xuhui: { zh: "徐汇区", en: "Xuhui" },
  changning: { zh: "长宁区", en: "Changning" },
  jingan: { zh: "静安区", en: "Jing'an" },
  putuo: { zh: "普陀区", en: "Putuo" },
  hongkou: { zh: "虹口区", en: "Hongkou" },
  yangpu: { zh: "杨浦区", en: "Yangpu" },
  minhang: { zh: "闵行区", en: "Minhang" },
  baoshan: { zh: "宝山区", en: "Baoshan" },
  jiading: { zh: "嘉定区", en: "Jiading" },
  pudong: { zh: "浦东新区", en: "Pudong" },
  jinshan: { zh: "金山区", en: "Jinshan" },
  songjiang: { zh: "松江区", en: "Songjiang" },
  qingpu: { zh: "青浦区", en: "Qingpu" },
  fengxian: { zh: "奉贤区", en: "Fengxian" },
  chongming: { zh: "崇明区", en: "Chongming" },
} as const satisfies Record<string, Message>;

export type District = keyof typeof DISTRICTS;
export const DISTRICT_CODES = Object.keys(DISTRICTS) as [District, ...District[]];
