// The sections of an agency's registry entry: staff and titles (G-14),
// facilities, projects, inspections and findings, incidents, acceptance
// results and standing history (G-12). Projects and incidents stay in the
// caller's project scope; no archive content is read.
import type { Database } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import type { Kysely } from "kysely";
import { visibleProjects } from "../projects/projects.repository.ts";

export async function registrySections(db: Kysely<Database>, scope: ReadScope, agencyId: string) {
  const projects = () =>
    db
      .selectFrom("project as p")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .where("p.agencyOrgId", "=", agencyId)
      .where(visibleProjects(scope));

  const [staffByTitle, professionals, sites, vaults, projectRows, incidents, inspections, standing, rounds] =
    await Promise.all([
      db
        .selectFrom("staffMember")
        .select(["titleLevel", (eb) => eb.fn.countAll<number>().as("n")])
        .where("agencyOrgId", "=", agencyId)
        .where("active", "=", true)
        .groupBy("titleLevel")
        .execute(),
      db
        .selectFrom("staffMember")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("agencyOrgId", "=", agencyId)
        .where("active", "=", true)
        .where("archiveProfessional", "=", true)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom("site")
        .select(["id", "name", "address", "district"])
        .where("agencyOrgId", "=", agencyId)
        .orderBy("name")
        .execute(),
      db
        .selectFrom("vault as v")
        .innerJoin("site as s", "s.id", "v.siteId")
        .select(["v.id", "v.code", "v.name", "s.name as siteName", "v.floorAreaM2"])
        .where("v.agencyOrgId", "=", agencyId)
        .orderBy("v.code")
        .execute(),
      projects()
        .select([
          "p.id",
          "p.code",
          "p.name",
          "p.serviceType",
          "p.status",
          "p.hasNationalScope",
          "p.startedAt",
          "p.completedAt",
          "c.name as clientName",
        ])
        .orderBy("p.createdAt", "desc")
        .limit(200)
        .execute(),
      db
        .selectFrom("incident as i")
        .innerJoin("project as p", "p.id", "i.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .where("i.agencyOrgId", "=", agencyId)
        .where(visibleProjects(scope))
        .select([
          "i.id",
          "i.kind",
          "i.severity",
          "i.source",
          "i.title",
          "i.status",
          "i.openedAt",
          "i.responsibleParties",
          "p.code as projectCode",
        ])
        .orderBy("i.openedAt", "desc")
        .limit(100)
        .execute(),
      db
        .selectFrom("inspection as n")
        .innerJoin("project as p", "p.id", "n.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .where("n.agencyOrgId", "=", agencyId)
        .where("n.kind", "!=", "self_check")
        .where(visibleProjects(scope))
        .select([
          "n.id",
          "n.kind",
          "n.title",
          "n.status",
          "n.plannedOn",
          "n.completedAt",
          "p.code as projectCode",
          (eb) =>
            eb
              .selectFrom("inspectionFinding as f")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("f.inspectionId", "=", "n.id")
              .as("findingCount"),
        ])
        .orderBy("n.createdAt", "desc")
        .limit(100)
        .execute(),
      db
        .selectFrom("agencyStandingChange as s")
        .leftJoin("appUser as u", "u.id", "s.changedBy")
        .select([
          "s.id",
          "s.action",
          "s.fromStatus",
          "s.toStatus",
          "s.reason",
          "s.changedAt",
          "u.displayName",
        ])
        .where("s.agencyOrgId", "=", agencyId)
        .orderBy("s.changedAt", "desc")
        .execute(),
      // G-11, Z-8.2: final acceptance rounds of the agency's projects the caller may read.
      db
        .selectFrom("projectAcceptance as x")
        .innerJoin("project as p", "p.id", "x.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .where("x.agencyOrgId", "=", agencyId)
        .where(visibleProjects(scope))
        .select(["x.id", "x.projectId", "p.code as projectCode", "x.round", "x.verdict", "x.decidedAt"])
        .orderBy("x.decidedAt", "desc")
        .limit(100)
        .execute(),
    ]);

  return {
    staff: {
      byTitle: Object.fromEntries(staffByTitle.map((r) => [r.titleLevel, Number(r.n)])),
      archiveProfessionals: Number(professionals.n),
    },
    facilities: { sites, vaults },
    projects: projectRows,
    /** G-11, Z-8.2: final acceptance rounds (passed, failed) beside completed and cancelled projects. */
    acceptance: {
      completed: projectRows.filter((p) => p.status === "completed").length,
      cancelled: projectRows.filter((p) => p.status === "cancelled").length,
      passed: rounds.filter((x) => x.verdict === "passed").length,
      failed: rounds.filter((x) => x.verdict === "failed").length,
      rounds,
    },
    incidents,
    inspections: inspections.map((i) => ({ ...i, findingCount: Number(i.findingCount ?? 0) })),
    standingHistory: standing,
  };
}
