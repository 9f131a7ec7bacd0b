// The demo world: who exists and what they do. Data only; seed.ts loads it.
import type { OrganisationCreate, Role } from "@dangan/domain";

export const DEMO_PASSWORD = "Dangan@2026";

export interface DemoOrg extends OrganisationCreate {
  key: string;
  users: { username: string; displayName: string; roles: Role[] }[];
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: "city",
    kind: "regulator",
    name: "上海市档案局（演示）",
    district: "huangpu",
    regulatorLevel: "city",
    users: [
      { username: "city.admin", displayName: "王建国", roles: ["regulator_admin"] },
      { username: "city.inspector", displayName: "李敏", roles: ["regulator_inspector"] },
    ],
  },
  {
    key: "pudong",
    kind: "regulator",
    name: "浦东新区档案局（演示）",
    district: "pudong",
    regulatorLevel: "district",
    supervisedDistricts: ["pudong"],
    users: [
      { username: "pudong.admin", displayName: "张伟", roles: ["regulator_admin"] },
      { username: "pudong.inspector", displayName: "陈静", roles: ["regulator_inspector"] },
    ],
  },
  {
    key: "clientA",
    kind: "client",
    name: "上海申城建设集团有限公司（演示）",
    creditCode: "91310115MA1K4ABC1X",
    district: "pudong",
    address: "浦东新区世纪大道100号",
    contactName: "刘洋",
    contactPhone: "13812345678",
    users: [
      { username: "client.admin", displayName: "刘洋", roles: ["client_admin"] },
      { username: "client.officer", displayName: "周红", roles: ["client_archive_officer"] },
      { username: "client.leader", displayName: "吴志强", roles: ["client_leader"] },
    ],
  },
  {
    key: "clientB",
    kind: "client",
    name: "上海市黄浦区示范街道办事处（演示）",
    district: "huangpu",
    address: "黄浦区南京东路200号",
    users: [
      { username: "client2.admin", displayName: "赵丽", roles: ["client_admin"] },
      { username: "client2.officer", displayName: "孙磊", roles: ["client_archive_officer"] },
    ],
  },
  {
    key: "custody",
    kind: "agency",
    name: "上海安存档案寄存托管有限公司（演示）",
    creditCode: "91310114MA1G8XYW2K",
    district: "jiading",
    serviceTypes: ["custody"],
    licenceNumber: "310114000123456",
    businessScope: "档案寄存、托管服务；档案整理；档案咨询",
    contactName: "马强",
    contactPhone: "13900001111",
    users: [
      { username: "custody.manager", displayName: "马强", roles: ["agency_manager"] },
      { username: "custody.keeper", displayName: "黄芳", roles: ["agency_vault_keeper"] },
      { username: "custody.keeper2", displayName: "林涛", roles: ["agency_vault_keeper"] },
      { username: "custody.operator", displayName: "何军", roles: ["agency_operator"] },
    ],
  },
  {
    key: "digitization",
    kind: "agency",
    name: "上海数典档案数字化服务有限公司（演示）",
    creditCode: "91310104MA1FL0QW3P",
    district: "xuhui",
    serviceTypes: ["digitization", "arrangement"],
    licenceNumber: "310104000654321",
    businessScope: "档案数字化加工；档案整理；信息技术服务",
    users: [
      { username: "digit.manager", displayName: "郭亮", roles: ["agency_manager"] },
      { username: "digit.operator", displayName: "罗佳", roles: ["agency_operator"] },
    ],
  },
  {
    key: "foreign",
    kind: "agency",
    name: "华美国际档案服务（上海）有限公司（演示）",
    creditCode: "91310000MA1H7FRN4T",
    district: "minhang",
    serviceTypes: ["custody", "digitization"],
    licenceNumber: "310000400777888",
    businessScope: "档案管理咨询；档案寄存服务",
    foreignBacked: true,
    users: [{ username: "foreign.manager", displayName: "Emily Chen", roles: ["agency_manager"] }],
  },
];
