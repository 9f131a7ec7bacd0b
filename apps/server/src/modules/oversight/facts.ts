// What the system already knows about a project, gathered for the checklist
// pre-fill (G-7, G-13): vault compliance findings, open environment alerts,
// inventory checks this year, open incidents, overdue equipment upkeep.
// Read with the system actor after the caller's access to the project is checked.
import type { Database } from "@dangan/db";
import { type OversightFacts, systemActor } from "@dangan/domain";
import type { Kysely } from "kysely";
import { sql } from "kysely";
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
  };
}
