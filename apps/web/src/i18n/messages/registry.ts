import { defineMessages } from "../define.ts";

export const registry = defineMessages(
  {
    menuRegistry: "中介机构登记",
    severityCol: "等级",
    stateCol: "状态",
    changedAt: "变更时间",
    menuFilings: "报送备案",
    menuMarket: "市场监测",
    menuIncidents: "事故登记",
    title: "档案中介机构名录",
    subtitle: "登记、许可、经营范围、人员职称、设施、项目、检查与事故（G-12、G-14、D-4.2）",
    search: "名称、许可证号或信用代码",
    allDistricts: "全部区",
    allServices: "全部服务类型",
    allStatuses: "全部状态",
    foreign: "外资背景",
    foreignYes: "有外资背景",
    foreignNo: "无外资背景",
    empty: "名录中暂无机构",
    name: "机构",
    district: "区",
    services: "服务类型",
    status: "登记状态",
    licence: "许可证号",
    scope: "经营范围",
    staff: "在职人员",
    titled: "中级以上职称",
    vaults: "库房",
    activeProjects: "在办项目",
    openIncidents: "未结事故",
    staffByTitle: "人员与职称（G-14）",
    professionals: "档案专业人员",
    titles: (k: string) =>
      (({ none: "无职称", junior: "初级", intermediate: "中级", senior: "高级" }) as Record<string, string>)[
        k
      ] ?? k,
    facilities: "设施",
    sites: "场所",
    projects: "项目",
    inspections: "检查记录",
    inspectionsEmpty: "暂无监管检查记录",
    findings: "发现问题",
    equipment: "库房防护设备 / 数字化设备",
    incidents: "事故",
    incidentsEmpty: "暂无事故",
    acceptance: "验收结果",
    completed: "已完成（已验收）",
    cancelled: "已终止",
    standingHistory: "登记状态变更",
    standingEmpty: "登记状态未变更过",
    reason: "理由",
    changeStanding: "变更登记状态",
    actions: (k: string) =>
      (({ suspend: "暂停", reinstate: "恢复", revoke: "撤销" }) as Record<string, string>)[k] ?? k,
    reasonRequired: "请填写变更理由（G-12）",
    changed: "登记状态已变更",
    compliance: "库房合规",
    // Filings (G-7)
    filingsTitle: "国家档案馆收集范围档案寄存报送",
    filingsSubtitle: "列入国家综合档案馆收集范围的档案寄存托管，须向同级档案行政管理部门报送（G-7）",
    filingSearch: "报送编号、项目或委托方",
    filingNo: "报送编号",
    project: "项目",
    client: "委托方",
    agency: "受托机构",
    regulator: "受理部门",
    round: "轮次",
    submittedAt: "报送时间",
    verifiedAt: "核查时间",
    filingStatus: (k: string) =>
      (({ submitted: "待核查", returned: "已退回补充", verified: "已核查" }) as Record<string, string>)[k] ??
      k,
    filingsEmpty: "暂无报送",
    unfiled: "未报送的寄存",
    unfiledHint: "以下项目寄存了国家档案馆收集范围的档案，尚未报送",
    fileNow: "立即报送",
    filed: "已报送",
    content: "报送内容",
    exchanges: "往来记录",
    exchangeKind: (k: string) =>
      (
        ({
          submitted: "报送",
          returned: "退回",
          resubmitted: "答复并重新报送",
          verified: "核查通过",
        }) as Record<string, string>
      )[k] ?? k,
    questions: "退回问题",
    answer: "答复",
    verify: "核查通过",
    return: "退回补充",
    resubmit: "答复并重新报送",
    textRequired: "请填写内容",
    contract: "合同",
    term: "期限",
    quantity: "数量",
    responsible: "负责人",
    trigger: (k: string) =>
      (
        ({
          project_started: "项目开始时自动报送",
          intake: "首批入库时自动报送",
          manual: "委托方补报",
        }) as Record<string, string>
      )[k] ?? k,
    // Market (G-5, Z-5.2)
    marketTitle: "市场监测",
    marketSubtitle: "合同收费折算为统一单位，按服务类型与区统计，标记疑似虚高与低价倾销（G-5、Z-5.2）",
    fees: "收费统计",
    compare: "机构比选",
    unitPrice: "折算单价",
    price: "合同价格",
    flag: "异常",
    flags: (k: string) =>
      (({ inflated: "疑似虚高", dumping: "疑似低价倾销" }) as Record<string, string>)[k] ?? k,
    units: (k: string) =>
      (
        ({ box_year: "元/盒·年", box: "元/盒", page: "元/页", volume: "元/卷", item: "元/件" }) as Record<
          string,
          string
        >
      )[k] ?? k,
    band: "正常区间",
    median: "中位数",
    ruleK: "阈值 k（倍MAD）",
    byDistrict: "各区中位价",
    feesEmpty: "暂无可比较的合同收费",
    chooseAgencies: "选择2至6家候选机构进行比选",
    incidentsTotal: "事故（重大）",
    contracts: "合同数",
    // Incidents (G-7)
    incidentsTitle: "事故登记与责任追究",
    incidentsSubtitle: "档案丢失、损毁、泄密与安全事件：调查、措施、责任认定，由档案行政管理部门结案（G-7）",
    incidentSearch: "事故或项目",
    severity: (k: string) =>
      (({ minor: "一般", major: "较大", critical: "重大" }) as Record<string, string>)[k] ?? k,
    incidentStatus: (k: string) =>
      (({ open: "未处理", investigating: "调查中", closed: "已结案" }) as Record<string, string>)[k] ?? k,
    source: (k: string) => (({ manual: "报告", system: "系统发现" }) as Record<string, string>)[k] ?? k,
    parties: (k: string) =>
      (
        ({ client: "委托方", agency: "受托机构", third_party: "第三方", none: "无责任方" }) as Record<
          string,
          string
        >
      )[k] ?? k,
    investigation: "调查情况",
    measures: "整改措施",
    responsibleParties: "责任方",
    responsiblePeople: "责任人",
    resolution: "处理结果",
    save: "保存",
    close: "结案",
    saved: "已保存",
    openedAt: "发生时间",
    title_: "事故",
    // Dashboard
    filingsWaiting: "待核查报送",
    filingsReturned: "退回待答复",
    unfiledCount: "未报送寄存",
    openIncidentsCard: "未结事故",
    incidentsByAgency: "各机构未结事故",
    filingsByState: "报送状态",
    asked: "需要我处理",
    nothingAsked: "目前没有需要处理的事项",
  },
  {
    menuRegistry: "Agency registry",
    severityCol: "Severity",
    stateCol: "State",
    changedAt: "Changed",
    menuFilings: "Filings",
    menuMarket: "Market view",
    menuIncidents: "Incidents",
    title: "Agency registry",
    subtitle:
      "Registration, licence, business scope, staff titles, facilities, projects, inspections, incidents (G-12, G-14, D-4.2)",
    search: "Name, licence or credit code",
    allDistricts: "All districts",
    allServices: "All service types",
    allStatuses: "All statuses",
    foreign: "Foreign backing",
    foreignYes: "Foreign-backed",
    foreignNo: "Not foreign-backed",
    empty: "No agencies in the registry",
    name: "Agency",
    district: "District",
    services: "Service types",
    status: "Standing",
    licence: "Licence",
    scope: "Business scope",
    staff: "Staff",
    titled: "Intermediate+ titles",
    vaults: "Vaults",
    activeProjects: "Active projects",
    openIncidents: "Open incidents",
    staffByTitle: "Staff and titles (G-14)",
    professionals: "Archive professionals",
    titles: (k: string) =>
      (
        ({ none: "No title", junior: "Junior", intermediate: "Intermediate", senior: "Senior" }) as Record<
          string,
          string
        >
      )[k] ?? k,
    facilities: "Facilities",
    sites: "Sites",
    projects: "Projects",
    inspections: "Inspections",
    inspectionsEmpty: "No inspections by a regulator yet",
    findings: "Findings",
    equipment: "Vault equipment / digitization devices",
    incidents: "Incidents",
    incidentsEmpty: "No incidents",
    acceptance: "Acceptance results",
    completed: "Completed (accepted)",
    cancelled: "Cancelled",
    standingHistory: "Standing changes",
    standingEmpty: "Standing never changed",
    reason: "Reason",
    changeStanding: "Change standing",
    actions: (k: string) =>
      (({ suspend: "Suspend", reinstate: "Reinstate", revoke: "Revoke" }) as Record<string, string>)[k] ?? k,
    reasonRequired: "Give the reason (G-12)",
    changed: "Standing changed",
    compliance: "Vault compliance",
    filingsTitle: "Filings of national-scope deposits",
    filingsSubtitle:
      "Archives within the national archives' collection scope deposited with an agency are reported to the regulator of the same level (G-7)",
    filingSearch: "Filing no., project or client",
    filingNo: "Filing no.",
    project: "Project",
    client: "Client",
    agency: "Agency",
    regulator: "Receiving regulator",
    round: "Round",
    submittedAt: "Submitted",
    verifiedAt: "Verified",
    filingStatus: (k: string) =>
      (
        ({ submitted: "Awaiting check", returned: "Returned", verified: "Verified" }) as Record<
          string,
          string
        >
      )[k] ?? k,
    filingsEmpty: "No filings",
    unfiled: "Unfiled deposits",
    unfiledHint: "These projects hold national-scope archives in custody and have not been filed",
    fileNow: "File now",
    filed: "Filed",
    content: "Content",
    exchanges: "Exchanges",
    exchangeKind: (k: string) =>
      (
        ({
          submitted: "Submitted",
          returned: "Returned",
          resubmitted: "Answered and resubmitted",
          verified: "Verified",
        }) as Record<string, string>
      )[k] ?? k,
    questions: "Questions",
    answer: "Answer",
    verify: "Verify",
    return: "Return with questions",
    resubmit: "Answer and resubmit",
    textRequired: "Enter the text",
    contract: "Contract",
    term: "Term",
    quantity: "Quantity",
    responsible: "Responsible",
    trigger: (k: string) =>
      (
        ({
          project_started: "Filed automatically at project start",
          intake: "Filed automatically at first intake",
          manual: "Filed by the client",
        }) as Record<string, string>
      )[k] ?? k,
    marketTitle: "Market view",
    marketSubtitle:
      "Contract fees per unit by service type and district; possibly inflated or dumping prices flagged (G-5, Z-5.2)",
    fees: "Fees",
    compare: "Compare agencies",
    unitPrice: "Unit price",
    price: "Contract price",
    flag: "Flag",
    flags: (k: string) =>
      (({ inflated: "Possibly inflated", dumping: "Possibly dumping" }) as Record<string, string>)[k] ?? k,
    units: (k: string) =>
      (
        ({
          box_year: "CNY/box-year",
          box: "CNY/box",
          page: "CNY/page",
          volume: "CNY/volume",
          item: "CNY/item",
        }) as Record<string, string>
      )[k] ?? k,
    band: "Normal band",
    median: "Median",
    ruleK: "Threshold k (× MAD)",
    byDistrict: "Median by district",
    feesEmpty: "No comparable contract fees",
    chooseAgencies: "Choose 2 to 6 candidate agencies",
    incidentsTotal: "Incidents (critical)",
    contracts: "Contracts",
    incidentsTitle: "Incidents and accountability",
    incidentsSubtitle:
      "Loss, damage, leaks and security breaches: investigation, measures, responsibility; closed by the regulator (G-7)",
    incidentSearch: "Incident or project",
    severity: (k: string) =>
      (({ minor: "Minor", major: "Major", critical: "Critical" }) as Record<string, string>)[k] ?? k,
    incidentStatus: (k: string) =>
      (({ open: "Open", investigating: "Investigating", closed: "Closed" }) as Record<string, string>)[k] ??
      k,
    source: (k: string) =>
      (({ manual: "Reported", system: "Raised by the system" }) as Record<string, string>)[k] ?? k,
    parties: (k: string) =>
      (
        ({ client: "Client", agency: "Agency", third_party: "Third party", none: "No one" }) as Record<
          string,
          string
        >
      )[k] ?? k,
    investigation: "Investigation",
    measures: "Measures",
    responsibleParties: "Parties responsible",
    responsiblePeople: "People responsible",
    resolution: "Resolution",
    save: "Save",
    close: "Close",
    saved: "Saved",
    openedAt: "Occurred",
    title_: "Incident",
    filingsWaiting: "Filings awaiting check",
    filingsReturned: "Returned, to answer",
    unfiledCount: "Unfiled deposits",
    openIncidentsCard: "Open incidents",
    incidentsByAgency: "Open incidents by agency",
    filingsByState: "Filings by state",
    asked: "Asked of me",
    nothingAsked: "Nothing is asked of you right now",
  },
);
