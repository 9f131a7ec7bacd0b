// What the system already knows about a project, gathered for the checklist
// pre-fill (G-7, G-13): vault compliance findings, open environment alerts,
// inventory checks this year, open incidents, overdue equipment upkeep; for a
// digitization site, camera coverage gaps and overdue seal tests.
// Read with the system actor after the caller's access to the project is checked.
import type { Database } from "@dangan/db";
import { cameraCoverageGaps, type OversightFacts, overdueSealTests, systemActor } from "@dangan/domain";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { siteConfig } from "../digitization-site/site.config.ts";
import { siteRepository } from "../digitization-site/site.repository.ts";
import { todayInShanghai } from "../facilities/facilities.common.ts";
import type { facilitiesService } from "../facilities/facilities.service.ts";

export type Compliance = ReturnType<typeof facilitiesService>["compliance"];

export async function projectFacts(
  db: Kysely<Database>,
  compliance: Compliance,
  p: { id: string; agencyOrgId: string; serviceType: string },
): Promise<OversightFacts> {
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const custody = p.serviceType === "custody";
  const vaults = custody
    ? await db
        .selectFrom("vault")
        .select(["id", "code"])
        .where("agencyOrgId", "=", p.agencyOrgId)
        .orderBy("code")
        .execute()
    : [];
  const op = systemActor("oversight checklist pre-fill");
  const [findings, alerts, checks, incidents, equipment] = await Promise.all([
    Promise.all(vaults.map((v) => compliance(op, v.id))),
    custody
      ? db
          .selectFrom("environmentAlert as e")
          .innerJoin("vault as v", "v.id", "e.vaultId")
          .select(["e.id", "e.kind", "v.code as vaultCode"])
          .where("e.agencyOrgId", "=", p.agencyOrgId)
          .where("e.status", "=", "open")
          .execute()
      : [],
    custody
      ? db
          .selectFrom("inventoryCheck")
          .select(["vaultId", (eb) => eb.fn.countAll<number>().as("n")])
          .where("agencyOrgId", "=", p.agencyOrgId)
          .where("status", "=", "completed")
          .where(sql<number>`extract(year FROM completed_at AT TIME ZONE 'Asia/Shanghai')::int`, "=", year)
          .groupBy("vaultId")
          .execute()
      : [],
    db
      .selectFrom("incident")
      .select(["id", "title", "clauseId"])
      .where("projectId", "=", p.id)
      .where("status", "!=", "closed")
      .execute(),
    custody
      ? db
          .selectFrom("protectiveEquipment")
          .select(["id", "name", "nextDueOn"])
          .where("agencyOrgId", "=", p.agencyOrgId)
          .where("status", "!=", "retired")
          .where("nextDueOn", "<", today)
          .execute()
      : [],
  ]);
  return {
    vaults: findings.map((c) => ({
      id: c.vault.id,
      code: c.vault.code,
      findings: c.findings.map((f) => ({ clause: f.clause, ok: f.ok, label: f.label })),
    })),
    openAlerts: alerts,
    inventory: vaults.map((v) => ({
      vaultId: v.id,
      vaultCode: v.code,
      completed: Number(checks.find((k) => k.vaultId === v.id)?.n ?? 0),
    })),
    openIncidents: incidents,
    overdueEquipment: equipment.map((q) => ({ id: q.id, name: q.name, nextDueOn: String(q.nextDueOn) })),
    ...(p.serviceType === "digitization" ? await siteFacts(db, p.id) : {}),
  };
}

const GAP: Record<string, (g: Record<string, unknown>) => { zh: string; en: string }> = {
  workstation: (g) => ({
    zh: `工位 ${g.code} 无监控覆盖`,
    en: `Workstation ${g.code} not covered by a camera`,
  }),
  area: (g) => ({ zh: `区域 ${g.area} 无监控覆盖`, en: `Area ${g.area} not covered by a camera` }),
  recordings_not_with_client: (g) => ({
    zh: `${g.label} 录像未由委托方保存`,
    en: `${g.label}: recordings not held by the client`,
  }),
  retention_short: (g) => ({
    zh: `${g.label} 录像保存 ${g.retentionDays} 天，少于 ${g.minimumDays} 天`,
    en: `${g.label}: recordings kept ${g.retentionDays} days, under ${g.minimumDays}`,
  }),
};

/** Z-5.5, Z-5.8: camera coverage gaps and overdue seal tests of a digitization site. */
async function siteFacts(db: Kysely<Database>, projectId: string) {
  const config = siteConfig();
  const repo = siteRepository(db);
  const [ports, stations, cameras] = await Promise.all([
    repo.ports(projectId),
    repo.workstations(projectId),
    repo.cameras(projectId),
  ]);
  const overdue = overdueSealTests(
    ports.map((t) => ({ ...t, lastTestedAt: t.lastTestedAt ? new Date(t.lastTestedAt) : null })),
    new Date(),
    config.sealTestIntervalDays,
  );
  return {
    overdueSealTests: overdue.map((t) => ({
      id: t.id,
      label: `${t.deviceName} · ${t.kind}`,
      dueAt: t.dueAt.toISOString(),
    })),
    coverageGaps: cameraCoverageGaps(stations, cameras, config.cameraRetentionDays).map((g) =>
      GAP[g.kind]!(g as unknown as Record<string, unknown>),
    ),
  };
}
