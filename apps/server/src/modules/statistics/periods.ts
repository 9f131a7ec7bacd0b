// D-12.1: movements by kind per period, and use (checkouts and returns) per
// period, counted from the movement register of the boxes visible to the caller.
import type { Database, MovementKind } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import { type Kysely, sql } from "kysely";
import { MOVEMENT_KINDS } from "../movements/movement-labels.ts";
import { movementsRepository } from "../movements/movements.repository.ts";

export const PERIODS = ["month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

const FORMAT: Record<Period, string> = { month: "YYYY-MM", quarter: 'YYYY-"Q"Q', year: "YYYY" };

export interface PeriodFilter {
  period: Period;
  from?: string | undefined;
  to?: string | undefined;
  vaultId?: string | undefined;
  clientOrgId?: string | undefined;
  projectId?: string | undefined;
}

export type MovementPeriodRow = { period: string; total: number } & Record<MovementKind, number>;

export interface UsePeriodRow {
  period: string;
  checkouts: number;
  returns: number;
  /** Distinct boxes checked out in the period. */
  boxesUsed: number;
}

/** The period a movement falls in, by the Shanghai calendar. */
const periodOf = (p: Period) =>
  sql<string>`to_char(m.at AT TIME ZONE 'Asia/Shanghai', ${sql.lit(FORMAT[p])})`;

export function periodStatistics(db: Kysely<Database>) {
  const repo = movementsRepository(db);
  const scoped = (scope: ReadScope, f: PeriodFilter) =>
    repo.filtered(scope, {
      vaultId: f.vaultId,
      clientOrgId: f.clientOrgId,
      projectId: f.projectId,
      from: f.from,
      to: f.to,
    });

  return {
    async movements(scope: ReadScope, f: PeriodFilter): Promise<MovementPeriodRow[]> {
      const rows = await scoped(scope, f)
        .select([periodOf(f.period).as("period"), "m.kind", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy([periodOf(f.period), "m.kind"])
        .execute();
      const byPeriod = new Map<string, MovementPeriodRow>();
      for (const r of rows) {
        const row =
          byPeriod.get(r.period) ??
          ({
            period: r.period,
            total: 0,
            ...Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, 0])),
          } as MovementPeriodRow);
        row[r.kind] += Number(r.n);
        row.total += Number(r.n);
        byPeriod.set(r.period, row);
      }
      return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
    },

    async use(scope: ReadScope, f: PeriodFilter): Promise<UsePeriodRow[]> {
      const rows = await scoped(scope, f)
        .where("m.kind", "in", ["checkout", "return"])
        .select([
          periodOf(f.period).as("period"),
          sql<number>`count(*) FILTER (WHERE m.kind = 'checkout')`.as("checkouts"),
          sql<number>`count(*) FILTER (WHERE m.kind = 'return')`.as("returns"),
          sql<number>`count(DISTINCT m.box_id) FILTER (WHERE m.kind = 'checkout')`.as("boxesUsed"),
        ])
        .groupBy(periodOf(f.period))
        .orderBy("period")
        .execute();
      return rows.map((r) => ({
        period: r.period,
        checkouts: Number(r.checkouts),
        returns: Number(r.returns),
        boxesUsed: Number(r.boxesUsed),
      }));
    },
  };
}
