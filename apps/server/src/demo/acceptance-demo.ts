// G-11, Z-8.2: one failed final acceptance in the demo, with the rectification
// order it raised to the agency — what the regulator's acceptance list shows.
import type { UserActor } from "@dangan/domain";
import type { Services } from "../services.ts";

export async function seedAcceptanceDemo(s: Services, officer: UserActor) {
  const p = await s.db
    .selectFrom("project")
    .select("id")
    .where("name", "=", "2010—2020年工程档案寄存")
    .where("clientOrgId", "=", officer.orgId)
    .executeTakeFirst();
  if (!p) return;
  await s.acceptance.record(officer, p.id, {
    verdict: "failed",
    confirmed: [],
    requirement: "补齐2018—2020年库房温湿度记录，并对缺失原因作出书面说明。",
    note: "库房温湿度记录缺2019年第三季度。",
  });
}
