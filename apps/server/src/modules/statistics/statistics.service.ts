// D-12.1, D-12.2: statistics over holdings and movements, and the ledger
// reconciliation. Everything is read through the caller's project scope: an
// agency sees all its clients, a client its own boxes, a regulator its districts.
import { type Actor, authorize, readScope } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { type HoldingDimension, type HoldingFilter, holdings } from "./holdings.ts";
import { type PeriodFilter, periodStatistics } from "./periods.ts";
import { reconcileLedger } from "./reconcile.ts";

const PER_CLIENT: HoldingDimension[] = ["client", "project"];

export function statisticsService({ dbh: { db } }: Deps, projects: ProjectsService) {
  const periods = periodStatistics(db);
  return {
    holdings(actor: Actor, by: HoldingDimension, f: HoldingFilter) {
      // Regulators see aggregates per agency, never a breakdown by client or project.
      const regulator = actor.type === "user" && actor.orgKind === "regulator";
      authorize(!regulator || !PER_CLIENT.includes(by), "break holdings down by client");
      return holdings(db, readScope(actor), by, f);
    },
    movements: (actor: Actor, f: PeriodFilter) => periods.movements(readScope(actor), f),
    use: (actor: Actor, f: PeriodFilter) => periods.use(readScope(actor), f),

    /** D-12.2: zero differences on a healthy database. */
    async reconcile(actor: Actor, projectId?: string) {
      if (projectId) await projects.readable(actor, projectId);
      return reconcileLedger(db, readScope(actor), projectId);
    },
  };
}
export type StatisticsService = ReturnType<typeof statisticsService>;
