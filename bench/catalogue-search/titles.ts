// Realistic archive titles for the search benchmark, generated in JS with a
// seeded generator: issuing units, places, topics (subject × action) and
// document forms drawn with Zipf-like frequencies (rank r weighted 1/r^s) from
// a few thousand words and phrases, in the templates of real file titles
// ("…关于…的请示", "2003年…工作总结"). A two-character word then matches from a
// hundredth of a percent to a percent of the titles, as real archive words do,
// while function words (关于, 通知) match a large share.
const DISTRICTS =
  "浦东新区 黄浦区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区 闵行区 宝山区 嘉定区 金山区 松江区 青浦区 奉贤区 崇明区".split(
    " ",
  );
const DEPARTMENTS =
  `发展和改革委员会 财政局 教育局 科学技术委员会 民政局 司法局 人力资源和社会保障局 规划和自然资源局
  生态环境局 建设和管理委员会 交通委员会 水务局 农业农村委员会 商务委员会 文化和旅游局 卫生健康委员会 审计局
  国有资产监督管理委员会 市场监督管理局 体育局 统计局 绿化和市容管理局 房屋管理局 民防办公室 档案局 应急管理局
  医疗保障局 退役军人事务局 城市管理行政执法局 人民政府办公室 地方志办公室 机关事务管理局 信访办公室 税务局
  公安分局 消防救援支队 人民法院 人民检察院 总工会 妇女联合会 红十字会 科学技术协会 投资促进办公室 住房保障中心`.split(
    /\s+/,
  );
const TOWNS =
  `川沙新镇 张江镇 高桥镇 周浦镇 惠南镇 航头镇 新场镇 大团镇 祝桥镇 曹路镇 合庆镇 唐镇 三林镇 北蔡镇 康桥镇
  朱家角镇 练塘镇 金泽镇 赵巷镇 徐泾镇 华新镇 重固镇 白鹤镇 泗泾镇 佘山镇 车墩镇 新桥镇 洞泾镇 九亭镇 泖港镇
  石湖荡镇 新浜镇 叶榭镇 小昆山镇 南翔镇 安亭镇 马陆镇 徐行镇 华亭镇 外冈镇 江桥镇 罗店镇 月浦镇 杨行镇 顾村镇
  大场镇 庙行镇 淞南镇 高境镇 罗泾镇 七宝镇 莘庄镇 梅陇镇 颛桥镇 华漕镇 虹桥镇 马桥镇 吴泾镇 浦江镇 朱泾镇
  枫泾镇 张堰镇 亭林镇 吕巷镇 廊下镇 金山卫镇 漕泾镇 山阳镇 南桥镇 奉城镇 庄行镇 金汇镇 四团镇 青村镇 柘林镇
  海湾镇 城桥镇 堡镇 新河镇 庙镇 竖新镇 向化镇 三星镇 港沿镇 中兴镇 陈家镇 绿华镇 港西镇 建设镇 新海镇 东平镇
  长兴镇 横沙乡 外滩街道 南京东路街道 豫园街道 打浦桥街道 淮海中路街道 瑞金二路街道 五里桥街道 小东门街道
  天平路街道 湖南路街道 枫林路街道 徐家汇街道 田林街道 康健新村街道 凌云路街道 华泾镇 江宁路街道 石门二路街道
  曹家渡街道 共和新路街道 大宁路街道 彭浦新村街道 临汾路街道 长寿路街道 曹杨新村街道 真如镇街道 宜川路街道
  四川北路街道 欧阳路街道 曲阳路街道 江湾镇街道 控江路街道 五角场街道 新江湾城街道 殷行街道 长白新村街道`.split(
    /\s+/,
  );
const SITES =
  `东滩 九段沙 长江口 吴淞口 淀山湖 黄浦江 苏州河 洋山港 外高桥 临港 陆家嘴 虹桥枢纽 世博园区 滴水湖 南汇嘴
  金山城市沙滩 佘山国家森林公园 顾村公园 共青森林公园 滨江绿地 老港填埋场 青草沙水库 陈行水库 金泽水库 蕰藻浜
  川杨河 大治河 油墩港 淀浦河 张家浜 横沙东滩 北湖 西沙湿地 明珠湖 江海大道 沪崇苏大桥 长江隧桥 杨浦大桥 南浦大桥`.split(
    /\s+/,
  );
const SUBJECTS =
  `湿地 河道 农田 道路 学校 医院 社区 企业 土地 住房 森林 海塘 港口 轨道交通 文物 档案 食品 药品 消防 垃圾
  水质 大气 噪声 人口 就业 养老 救助 税收 预算 资产 干部 党员 信访 安全生产 防汛 绿化 供水 排水 燃气 电力 通信
  旅游 体育 卫生 粮食 渔业 畜牧 林地 候鸟 滩涂 码头 桥梁 隧道 停车场 公交 物业 旧区 征地 宅基地 集体资产 合作社
  招标 采购 科研 专利 标准化 计量 特种设备 危险化学品 职业病 疫苗 血吸虫 蓝藻 地下水 土壤 噪音 光污染 建筑垃圾
  生活垃圾 危险废物 污水处理厂 泵站 水闸 堤防 农村公路 农民集中居住 高标准农田 蔬菜基地 种源 粮库 农产品质量
  校舍 幼儿园 职业教育 图书馆 博物馆 文化馆 非物质文化遗产 历史建筑 优秀历史建筑 风貌区 商业网点 集贸市场
  菜市场 农贸市场 加油站 充电桩 电梯 燃气管道 老旧小区 保障性住房 公共租赁住房 廉租住房 动迁安置房 商品房
  工业园区 产业基地 科技园区 孵化器 开发区 保税区 自贸试验区 口岸 航道 锚地 渡口 客运站 货运站 物流园区
  烈士陵园 退役军人 残疾人 未成年人 老年人 低保 医保 社保 公积金 最低工资 劳动合同 劳动争议 工伤 失业保险`.split(
    /\s+/,
  );
const ACTIONS =
  `保护 修复 整治 建设 改造 管理 监测 检查 验收 评估 规划 审批 登记 普查 补偿 安置 考核 培训 调查 审计 整改
  治理 执法 应急 维修 养护 运营 收费 补贴 征收 备案 许可 核查 清理 排查 督查 统计 认定 评审 招投标 立项 论证
  设计 施工 监理 决算 预算编制 资金拨付 专项资金 绩效评价 信息化 标准化 试点 示范 推广 宣传 表彰 奖励 处罚`.split(
    /\s+/,
  );
const FORMS = "通知 请示 报告 批复 函 意见 决定 通报 公告 复函".split(" ");
const TAILS =
  `工作总结 会议纪要 实施方案 情况汇报 统计报表 验收报告 竣工图 施工合同 登记表 申请表 审批表 调查报告
  年度计划 评估报告 审计报告 往来函件 备案材料 工作简报 台账 名册 协议书 可行性研究报告 环境影响报告书
  监测数据汇编 整改报告 检查记录 移交清单 会议记录 专题报告`.split(/\s+/);

/** mulberry32: a seeded generator, so every run measures the same titles. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from `xs` with rank r weighted 1/r^s (the list is shuffled once per seed, so rank is not list order). */
function zipf<T>(xs: readonly T[], s: number, rand: () => number): () => T {
  const order = [...xs];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cdf: number[] = [];
  let sum = 0;
  for (let r = 1; r <= order.length; r++) {
    sum += 1 / r ** s;
    cdf.push(sum);
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

/** Two-character words a user would type: whole two-character entries, and the heads and tails of longer ones. */
export const TWO_CHAR_WORDS = new Set(
  [DISTRICTS, DEPARTMENTS, TOWNS, SITES, SUBJECTS, ACTIONS, FORMS, TAILS]
    .flat()
    .flatMap((w) => (w.length === 2 ? [w] : [w.slice(0, 2), w.slice(-2)])),
);

/** The vocabulary's size (units, places, topics, forms), for the report. */
export const VOCABULARY =
  DISTRICTS.length * DEPARTMENTS.length +
  TOWNS.length +
  SITES.length +
  SUBJECTS.length * ACTIONS.length +
  FORMS.length +
  TAILS.length;

export interface BenchRow {
  referenceCode: string;
  title: string;
  year: number;
  category: string;
  boxNo: string;
}

/** `n` catalogue items: fonds A001–A020, WS/KJ, year 1980–2024, serial; titles as above. */
export function* benchRows(n: number, seed = 20_260_101): Generator<BenchRow> {
  const rand = rng(seed);
  const district = zipf(DISTRICTS, 0.8, rand);
  const department = zipf(DEPARTMENTS, 1, rand);
  const town = zipf(TOWNS, 1, rand);
  const site = zipf(SITES, 1, rand);
  const subject = zipf(SUBJECTS, 1, rand);
  const action = zipf(ACTIONS, 1, rand);
  const form = zipf(FORMS, 1.2, rand);
  const tail = zipf(TAILS, 1, rand);
  const place = () => (rand() < 0.6 ? town() : site());
  const unit = () => district() + department();
  for (let g = 1; g <= n; g++) {
    const year = 2024 - Math.floor(45 * rand() ** 2); // recent years hold more files
    const topic = subject() + action();
    const k = rand();
    const title =
      k < 0.35
        ? `${unit()}关于${place()}${topic}的${form()}`
        : k < 0.6
          ? `${year}年${place()}${topic}${tail()}`
          : k < 0.75
            ? `关于${topic}有关问题的${form()}`
            : k < 0.9
              ? `${unit()}${year}年度${topic}${tail()}`
              : `${place()}${subject()}${action()}工程${tail()}（第${1 + Math.floor(rand() * 300)}号）`;
    const category = g % 4 === 0 ? "KJ" : "WS";
    yield {
      referenceCode: `A${String(1 + (g % 20)).padStart(3, "0")}-${category}·${year}-Y-${String(g).padStart(7, "0")}`,
      title,
      year,
      category,
      boxNo: `B${String(Math.floor(g / 25)).padStart(6, "0")}`,
    };
  }
}

/** Reference-code prefixes: a fonds-category-year (about 0.1 %), a fonds-category, one item, a fonds. */
export const REF_PREFIXES = ["A007-WS·2003-", "A012-KJ·", "A001-WS·1995-Y-00001", "A019-"] as const;
