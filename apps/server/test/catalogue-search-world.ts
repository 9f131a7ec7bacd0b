// A client with a searchable catalogue, its agency, and a third-party
// organisation that a written grant may name (catalogue-search.test.ts).
import { Readable } from "node:stream";
import { systemActor, type UserActor } from "@dangan/domain";
import { DEMO_PASSWORD } from "../src/demo/demo-world.ts";
import type { Services } from "../src/services.ts";

export const SEARCH_ROWS = [
  ["CS01-WS·2019-Y-0001", "崇明东滩湿地保护区年度报告", "B001", "2019", "文书"],
  ["CS01-WS·2020-Y-0002", "ＡＢＣ湿地监测数据汇编", "B001", "2020", "文书"],
  ["CS01-WS·2021-D30-0003", "库房湿度记录", "B002", "2021", "文书"],
  ["CS01-WS·2021-D30-0004", "湿地与地保险合同", "B002", "2021", "文书"],
  ["CS01-KJ·2022-Y-0005", "长江口湿地保护工程竣工图", "B003", "2022", "科技"],
] as const;

export interface SearchWorld {
  clientId: string;
  agencyId: string;
  readerOrgId: string;
  projectId: string;
  itemIds: Record<string, string>;
}

export async function createSearchWorld(s: Services): Promise<SearchWorld> {
  const op = systemActor("test catalogue search");
  const client = await s.organisations.create(op, {
    kind: "client",
    name: "崇明湿地管理局",
    district: "chongming",
  });
  const agency = await s.organisations.create(op, {
    kind: "agency",
    name: "崇明检索托管公司",
    district: "chongming",
    serviceTypes: ["custody"],
    licenceNumber: "310230000000077",
  });
  const reader = await s.organisations.create(op, {
    kind: "client",
    name: "湿地研究所",
    district: "chongming",
  });
  const roles = ["client_archive_officer", "client_admin"] as const;
  const user = await s.users.create(op, {
    orgId: client.id,
    username: "cs.officer",
    displayName: "检索管理员",
    roles: [...roles],
    password: DEMO_PASSWORD,
  });
  for (const [orgId, username, r] of [
    [agency.id, "cs.keeper", "agency_vault_keeper"],
    [reader.id, "cs.reader", "client_archive_officer"],
  ] as const)
    await s.users.create(op, { orgId, username, displayName: username, roles: [r], password: DEMO_PASSWORD });
  const actor: UserActor = {
    type: "user",
    userId: user.id,
    orgId: client.id,
    orgKind: "client",
    roles: [...roles],
    regulatorLevel: null,
    supervisedDistricts: [],
  };
  const project = await s.projects.create(actor, {
    name: "湿地档案寄存项目",
    clientOrgId: client.id,
    agencyOrgId: agency.id,
    serviceType: "custody",
    hasClassified: false,
    hasNationalScope: true,
    responsibleLeader: "检索领导",
    responsibleDepartment: "办公室",
  });
  const csv = `档号,题名,盒号,年度,门类,件数\r\n${SEARCH_ROWS.map((r) => `${r.join(",")},1`).join("\r\n")}\r\n`;
  const job = await s.catalogueImports.start(
    actor,
    project.id,
    { title: "湿地档案交接目录" },
    { filename: "search.csv", stream: Readable.from([Buffer.from(csv)]) },
  );
  await s.catalogueImports.idle();
  const done = await s.catalogueImports.job(actor, job.id);
  if (!done.catalogueId)
    throw new Error(`search catalogue import ${done.status}: ${JSON.stringify(done.error)}`);
  const items = await s.db
    .selectFrom("catalogueItem")
    .select(["id", "referenceCode"])
    .where("catalogueId", "=", done.catalogueId)
    .execute();
  return {
    clientId: client.id,
    agencyId: agency.id,
    readerOrgId: reader.id,
    projectId: project.id,
    itemIds: Object.fromEntries(items.map((i) => [i.referenceCode!, i.id])),
  };
}
