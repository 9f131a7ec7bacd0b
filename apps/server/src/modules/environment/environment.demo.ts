// Demo environment and entry log (D-9.4, D-9.5, D-9.9, D-9.10), through the
// real services: sensors in the custody agency's vaults A and B with a week of
// ten-minute readings (a humidity excursion in B two days ago, acknowledged;
// lights left on in A yesterday, still open), yesterday's entry by two keepers
// and an entry under way with a visitor approved by the manager.

import type { Services } from "../../services.ts";
import { loadUserActor } from "../auth/actor.repository.ts";
import { simulatedReading } from "./simulator.ts";

const STEP = 10 * 60_000;
const DAYS = 7;

function history(
  codes: string[],
  first: number,
  now: number,
  tweak: (code: string, at: number, r: ReturnType<typeof simulatedReading>) => void,
) {
  const lines = ["sensor_code,at,temperature_c,humidity_pct,lux"];
  const start = Math.floor((now - DAYS * 86_400_000) / STEP) * STEP;
  // Seeded (Park–Miller), so every demo world looks the same.
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  codes.forEach((code, i) => {
    for (let at = start; at < now; at += STEP) {
      const r = simulatedReading(first + i, new Date(at), 0, random);
      tweak(code, at, r);
      lines.push(`${code},${r.at},${r.temperatureC},${r.humidityPct},${r.lux}`);
    }
  });
  return lines.join("\n");
}

export async function seedEnvironmentDemo(s: Services): Promise<void> {
  const user = async (username: string) => {
    const u = await s.db
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirst();
    return u ? loadUserActor(s.db, u.id) : null;
  };
  const [keeper, keeper2, operator, manager] = await Promise.all(
    ["custody.keeper", "custody.keeper2", "custody.operator", "custody.manager"].map(user),
  );
  if (!keeper || !keeper2 || !operator || !manager) return;
  const vaults = await s.db
    .selectFrom("vault")
    .select(["id", "code"])
    .where("agencyOrgId", "=", keeper.orgId)
    .orderBy("code")
    .execute();
  const [a, b] = vaults;
  if (!a || !b) return;
  const env = s.environment;
  await env.sensors.register(keeper, a.id, { code: "A-TH-01", name: "一号库东侧温湿度计" });
  await env.sensors.register(keeper, a.id, { code: "A-TH-02", name: "一号库西侧温湿度计" });
  await env.sensors.register(keeper, b.id, {
    code: "B-TH-01",
    name: "二号库磁带区温湿度计",
    zone: "audiovisual_tape",
  });

  const now = Date.now();
  const day = (n: number) => now - n * 86_400_000;
  await env.imports.importCsv(
    keeper,
    a.id,
    history(["A-TH-01", "A-TH-02"], 0, now, (code, at, r) => {
      if (code === "A-TH-01" && at > day(0.75) && at < day(0.75) + 40 * 60_000) r.lux = 180;
    }),
    "一号库温湿度记录.csv",
  );
  await env.imports.importCsv(
    keeper,
    b.id,
    history(["B-TH-01"], 3, now, (_code, at, r) => {
      if (at > day(2) && at < day(2) + 70 * 60_000) r.humidityPct = 62.5;
    }),
    "二号库温湿度记录.csv",
  );
  const humid = await s.db
    .selectFrom("environmentAlert")
    .select("id")
    .where("vaultId", "=", b.id)
    .where("kind", "=", "humidity_high")
    .executeTakeFirst();
  if (humid) await env.alerts.acknowledge(keeper, humid.id, "除湿机排水管堵塞，已疏通，湿度已回落至 52%");

  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const yesterday = await s.vaultAccess.record(keeper, a.id, {
    purpose: "上架新入库档案（第一批）",
    enteredAt: ago(26 * 60),
    staffUserIds: [keeper.userId, keeper2.userId],
    visitors: [],
  });
  await s.vaultAccess.exit(keeper, yesterday.id, { exitedAt: ago(25 * 60), note: "门窗已关闭" });
  await s.vaultAccess.record(manager, a.id, {
    purpose: "委托方监督检查库房保管情况",
    enteredAt: ago(20),
    staffUserIds: [keeper.userId, operator.userId],
    visitors: [
      {
        name: "周红",
        organisation: "上海申城建设集团有限公司",
        idNumber: "310115198503124526",
        purpose: "监督检查",
      },
    ],
    approvedByUserId: manager.userId,
    approvalNote: "经机构负责人马强同意",
  });
}
