// G-7: the yearly spot-check plan. The population is every project the
// regulator supervises that runs in the year; the sample is drawn by the pure
// domain function from a recorded seed, so anyone can redraw and compare it.
import { randomBytes } from "node:crypto";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  conflict,
  type District,
  drawSample,
  notFound,
  oversightPolicy,
  type ReadScope,
  readScope,
  type SampleCandidate,
  type SpotCheckPlanInput,
} from "@dangan/domain";
import { sql } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { visibleProjects } from "../projects/projects.repository.ts";
import type { InspectionsService } from "./inspections.service.ts";

export function samplingService({ dbh: { db } }: Deps, inspections: InspectionsService) {
  /** Projects under the regulator's supervision that run in the year. */
  async function population(scope: ReadScope, year: number): Promise<SampleCandidate[]> {
    const rows = await db
      .selectFrom("project as p")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .innerJoin("contract as k", "k.projectId", "p.id")
      .where(visibleProjects(scope))
      .where((eb) =>
        eb.or([
          eb("p.status", "in", ["active", "suspended"]),
          eb.and([
            eb("p.status", "=", "completed"),
            eb(sql<number>`extract(year FROM p.completed_at AT TIME ZONE 'Asia/Shanghai')::int`, ">=", year),
          ]),
        ]),
      )
      .select(["p.id", "p.serviceType", "a.district", "p.hasNationalScope"])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      serviceType: r.serviceType,
      district: r.district,
      national: r.hasNationalScope,
    }));
  }

  /** Plans of the caller's own regulator (the city regulator and the operator see all). */
  const ownPlans = (actor: Actor) => {
    const q = db.selectFrom("spotCheckPlan as s").innerJoin("organisation as o", "o.id", "s.regulatorOrgId");
    if (readScope(actor).kind === "all") return q;
    return q.where("s.regulatorOrgId", "=", actor.type === "user" ? actor.orgId : "");
  };

  async function readablePlan(actor: Actor, id: string) {
    const plan = await ownPlans(actor)
      .selectAll("s")
      .select("o.name as regulatorName")
      .where("s.id", "=", id)
      .executeTakeFirst();
    if (!plan) throw notFound("spot check plan", id);
    return plan;
  }

  /** The operator draws for a named regulator: that regulator's area. */
  async function scopeOf(actor: Actor, regulatorOrgId: string | undefined): Promise<ReadScope> {
    if (actor.type === "user" || !regulatorOrgId) return readScope(actor);
    const r = await db
      .selectFrom("organisation")
      .select(["kind", "regulatorLevel", "supervisedDistricts"])
      .where("id", "=", regulatorOrgId)
      .executeTakeFirst();
    if (r?.kind !== "regulator") throw notFound("regulator", regulatorOrgId);
    return r.regulatorLevel === "city"
      ? { kind: "all" }
      : { kind: "districts", districts: r.supervisedDistricts as District[] };
  }

  return {
    population,

    /** The draw without recording it: what `dangan oversight sample --dry-run` shows. */
    async preview(actor: Actor, input: SpotCheckPlanInput & { seed: string }, regulatorOrgId?: string) {
      authorize(oversightPolicy.planSpotChecks(actor), "plan spot checks");
      const pop = await population(await scopeOf(actor, regulatorOrgId), input.year);
      return { population: pop.length, sample: drawSample(pop, input) };
    },

    async create(actor: Actor, input: SpotCheckPlanInput, regulatorOrgId?: string) {
      authorize(oversightPolicy.planSpotChecks(actor), "plan spot checks");
      const regulator = actor.type === "user" ? actor.orgId : regulatorOrgId;
      if (!regulator) throw notFound("regulator");
      const seed = input.seed ?? randomBytes(8).toString("hex");
      const pop = await population(await scopeOf(actor, regulator), input.year);
      const sample = drawSample(pop, { ...input, seed });
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const exists = await trx
          .selectFrom("spotCheckPlan")
          .select("id")
          .where("regulatorOrgId", "=", regulator)
          .where("year", "=", input.year)
          .executeTakeFirst();
        if (exists)
          throw conflict(
            "PLAN_EXISTS",
            { zh: "该年度抽查计划已制定", en: "The plan for this year exists" },
            { planId: exists.id },
          );
        const plan = await trx
          .insertInto("spotCheckPlan")
          .values({
            regulatorOrgId: regulator,
            year: input.year,
            rate: input.rate,
            seed,
            nationalMode: input.nationalMode,
            nationalWeight: input.nationalWeight,
            population: JSON.stringify(pop),
            createdBy: actor.type === "user" ? actor.userId : null,
          })
          .returning(["id"])
          .executeTakeFirstOrThrow();
        if (sample.length)
          await trx
            .insertInto("spotCheckSample")
            .values(
              sample.map((x) => ({ planId: plan.id, projectId: x.id, stratum: x.stratum, reason: x.reason })),
            )
            .execute();
        audit.record({
          action: "spot_check_plan.created",
          entityType: "spot_check_plan",
          entityId: plan.id,
          payload: { ...input, seed, population: pop.length, sampled: sample.map((x) => x.id) },
          scopeOrgIds: [regulator],
        });
        return { id: plan.id, seed, population: pop.length, sampled: sample.length };
      });
    },

    async list(actor: Actor) {
      return ownPlans(actor)
        .select([
          "s.id",
          "s.year",
          "s.rate",
          "s.seed",
          "s.nationalMode",
          "s.nationalWeight",
          "s.createdAt",
          "o.name as regulatorName",
        ])
        .select((eb) =>
          eb
            .selectFrom("spotCheckSample as x")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("x.planId", "=", "s.id")
            .as("sampled"),
        )
        .orderBy("s.year", "desc")
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, sampled: Number(r.sampled) })));
    },

    async get(actor: Actor, id: string) {
      const plan = await readablePlan(actor, id);
      const samples = await db
        .selectFrom("spotCheckSample as x")
        .innerJoin("project as p", "p.id", "x.projectId")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .leftJoin("inspection as i", "i.id", "x.inspectionId")
        .select([
          "x.projectId",
          "x.stratum",
          "x.reason",
          "x.inspectionId",
          "i.status as inspectionStatus",
          "p.code as projectCode",
          "p.name as projectName",
          "p.serviceType",
          "p.hasNationalScope",
          "c.name as clientName",
          "a.name as agencyName",
          "a.district as agencyDistrict",
        ])
        .where("x.planId", "=", id)
        .orderBy("x.stratum")
        .orderBy("p.code")
        .execute();
      // G-7: anyone can redraw the sample from the recorded population and seed.
      const redraw = drawSample(plan.population, {
        rate: plan.rate,
        seed: plan.seed,
        nationalMode: plan.nationalMode,
        nationalWeight: plan.nationalWeight,
      })
        .map((x) => x.id)
        .sort();
      const recorded = samples.map((x) => x.projectId).sort();
      const { population, ...rest } = plan;
      return {
        ...rest,
        populationCount: population.length,
        reproducible: JSON.stringify(redraw) === JSON.stringify(recorded),
        samples,
        permissions: { inspect: oversightPolicy.planSpotChecks(actor) },
      };
    },

    /** Starts the spot inspection of a sampled project. */
    async inspect(actor: Actor, planId: string, projectId: string, title?: string) {
      const plan = await readablePlan(actor, planId);
      return inspections.create(actor, {
        projectId,
        kind: "spot",
        title: title ?? `${plan.year}年度专项抽查`,
        planId,
      });
    },
  };
}
export type SamplingService = ReturnType<typeof samplingService>;
