// The victim's oversight records: its own Chongming district regulator, which
// inspects the victim project, records a major finding, orders rectification,
// publishes a notice to Chongming and plans the year's spot checks. No demo
// organisation is in Chongming, so all of it is foreign to every demo user
// but the city regulator.
import { systemActor, type UserActor } from "@dangan/domain";
import { DEMO_PASSWORD } from "../src/demo/demo-world.ts";
import type { Services } from "../src/services.ts";

export interface VictimOversight {
  regulatorId: string;
  inspectionId: string;
  findingId: string;
  orderId: string;
  noticeId: string;
  planId: string;
}

export const OVERSIGHT_MARKERS = ["INSPECT-REZROV", "FINDING-FROTZ-OZMOO", "RECTIFY-GNUSTO", "NOTICE-YOMIN"];

export async function victimOversight(s: Services, projectId: string): Promise<VictimOversight> {
  const op = systemActor("test victim world");
  const regulator = await s.organisations.create(op, {
    kind: "regulator",
    name: "崇明区档案局（隔离）",
    district: "chongming",
    regulatorLevel: "district",
    supervisedDistricts: ["chongming"],
  });
  const user = await s.users.create(op, {
    orgId: regulator.id,
    username: "victim.regulator",
    displayName: "隔离检查员",
    roles: ["regulator_inspector"],
    password: DEMO_PASSWORD,
  });
  const inspector: UserActor = {
    type: "user",
    userId: user.id,
    orgId: regulator.id,
    orgKind: "regulator",
    roles: ["regulator_inspector"],
    regulatorLevel: "district",
    supervisedDistricts: ["chongming"],
  };
  const o = s.oversight;
  const plan = await o.sampling.create(inspector, {
    year: 2026,
    rate: 1,
    seed: "victim-seed",
    nationalMode: "always",
    nationalWeight: 1,
  });
  const inspection = await o.inspections.create(inspector, {
    projectId,
    kind: "spot",
    title: "INSPECT-REZROV 专项抽查",
  });
  const finding = await o.inspections.addFinding(inspector, inspection.id, {
    clause: "D-9.3",
    severity: "major",
    description: "FINDING-FROTZ-OZMOO 库房堆放可燃物",
  });
  const order = await o.rectifications.issue(inspector, {
    findingId: finding.id,
    addressee: "agency",
    requirement: "RECTIFY-GNUSTO 清除可燃物",
  });
  const notice = await o.notices.publish(inspector, {
    findingId: finding.id,
    title: "NOTICE-YOMIN 通报",
    body: "崇明隔离通报正文",
  });
  return {
    regulatorId: regulator.id,
    inspectionId: inspection.id,
    findingId: finding.id,
    orderId: order.id,
    noticeId: notice.id,
    planId: plan.id,
  };
}
