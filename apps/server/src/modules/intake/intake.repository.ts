// SQL for intake batches: the batch with its parties (for the policy and the
// read scope), the list, and the rows a batch page shows.
import type { Database } from "@dangan/db";
import type { ProjectParties, ReadScope } from "@dangan/domain";
import type { Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";
import { visibleProjects } from "../projects/projects.repository.ts";

export interface BatchFilter {
  q?: string | undefined;
  projectId?: string | undefined;
  status?: string | undefined;
}

export function intakeRepository(db: Kysely<Database>) {
  const joined = (executor: Kysely<Database> = db) =>
    executor
      .selectFrom("intakeBatch as b")
      .innerJoin("project as p", "p.id", "b.projectId")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId");

  const columns = [
    "b.id",
    "b.code",
    "b.title",
    "b.status",
    "b.notes",
    "b.projectId",
    "b.createdAt",
    "b.updatedAt",
    "b.completedAt",
    "p.code as projectCode",
    "p.name as projectName",
    "p.clientOrgId",
    "p.agencyOrgId",
    "c.name as clientName",
    "c.district as clientDistrict",
    "a.name as agencyName",
    "a.district as agencyDistrict",
  ] as const;

  const filtered = (scope: ReadScope, f: BatchFilter) => {
    let q = joined().where(visibleProjects(scope));
    if (f.q)
      q = q.where((eb) =>
        eb.or([
          eb("b.code", "ilike", likePattern(f.q!)),
          eb("b.title", "ilike", likePattern(f.q!)),
          eb("p.name", "ilike", likePattern(f.q!)),
        ]),
      );
    if (f.projectId) q = q.where("b.projectId", "=", f.projectId);
    if (f.status) q = q.where("b.status", "=", f.status as "site_visit");
    return q;
  };

  return {
    async list(scope: ReadScope, f: BatchFilter, limit: number, offset: number) {
      const base = filtered(scope, f);
      const [items, count] = await Promise.all([
        base
          .select(columns)
          .select((eb) => [
            eb
              .selectFrom("intakeBox as ib")
              .innerJoin("box as x", "x.id", "ib.boxId")
              .whereRef("ib.batchId", "=", "b.id")
              .where("x.status", "<>", "returned_to_client")
              .select((e) => e.fn.countAll<number>().as("n"))
              .as("boxCount"),
          ])
          .orderBy("b.createdAt", "desc")
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((i) => ({ ...i, boxCount: Number(i.boxCount ?? 0) })),
        total: Number(count.n),
      };
    },

    /** The batch with its parties, regardless of scope; callers apply the policy. */
    find(id: string, executor: Kysely<Database> = db) {
      return joined(executor).select(columns).where("b.id", "=", id).executeTakeFirst();
    },

    /** Items of the batch's catalogues, in catalogue order, with their box. */
    items(batchId: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("intakeBatchCatalogue as bc")
        .innerJoin("catalogueItem as i", "i.catalogueId", "bc.catalogueId")
        .leftJoin("boxItem as bi", "bi.itemId", "i.id")
        .leftJoin("box as x", "x.id", "bi.boxId")
        .select([
          "i.id",
          "i.catalogueId",
          "i.rowNo",
          "i.referenceCode",
          "i.title",
          "i.boxNo as catalogueBoxNo",
          "i.quantity",
          "i.year",
          "i.carrier",
          "i.category",
          "x.id as boxId",
          "x.boxNo",
        ])
        .where("bc.batchId", "=", batchId)
        .orderBy("i.catalogueId")
        .orderBy("i.rowNo")
        .execute();
    },

    /** The batch's boxes (emptied transfer boxes included) with their current place. */
    boxes(batchId: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("intakeBox as ib")
        .innerJoin("box as x", "x.id", "ib.boxId")
        .leftJoin("location as l", "l.id", "x.locationId")
        .leftJoin("vault as v", "v.id", "l.vaultId")
        .leftJoin("intakeInspection as n", (j) =>
          j.onRef("n.boxId", "=", "x.id").onRef("n.batchId", "=", "ib.batchId"),
        )
        .select((eb) => [
          "x.id",
          "x.boxNo",
          "x.barcode",
          "x.kind",
          "x.carrier",
          "x.category",
          "x.status",
          "x.condition",
          "x.sealNumber",
          "x.sealedAt",
          "x.locationId",
          "l.code as locationCode",
          "v.name as vaultName",
          "n.id as inspectionId",
          "n.sealIntact",
          "n.damaged",
          "n.missingItemIds",
          "n.incidentId",
          eb
            .selectFrom("boxItem as bi")
            .whereRef("bi.boxId", "=", "x.id")
            .select((e) => e.fn.countAll<number>().as("n"))
            .as("itemCount"),
        ])
        .where("ib.batchId", "=", batchId)
        .orderBy("x.boxNo")
        .execute();
    },

    steps(batchId: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("intakeStep as s")
        .leftJoin("appUser as u", "u.id", "s.recordedBy")
        .selectAll("s")
        .select("u.displayName as recordedByName")
        .where("s.batchId", "=", batchId)
        .orderBy("s.recordedAt")
        .execute();
    },

    stepPeople(stepIds: string[], executor: Kysely<Database> = db) {
      if (stepIds.length === 0) return Promise.resolve([]);
      return executor
        .selectFrom("intakeStepPerson as sp")
        .innerJoin("appUser as u", "u.id", "sp.userId")
        .select(["sp.stepId", "sp.userId", "sp.side", "u.displayName as name"])
        .where("sp.stepId", "in", stepIds)
        .orderBy("sp.side")
        .orderBy("u.displayName")
        .execute();
    },

    /** Active users of the two parties: who can be named in a step. */
    partyUsers(clientOrgId: string, agencyOrgId: string, executor: Kysely<Database> = db) {
      return executor
        .selectFrom("appUser")
        .select(["id", "displayName as name", "orgId"])
        .where("orgId", "in", [clientOrgId, agencyOrgId])
        .where("active", "=", true)
        .orderBy("displayName")
        .execute();
    },
  };
}

export type IntakeRepository = ReturnType<typeof intakeRepository>;
export type BatchRow = NonNullable<Awaited<ReturnType<IntakeRepository["find"]>>>;

export const batchParties = (b: BatchRow): ProjectParties => ({
  clientOrgId: b.clientOrgId,
  agencyOrgId: b.agencyOrgId,
  clientDistrict: b.clientDistrict,
  agencyDistrict: b.agencyDistrict,
});
