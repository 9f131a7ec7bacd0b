// Intake batches (D-8.1): created by either party on a running custody
// project, moved step by step through the transition table, each step
// recorded with the named people of both parties.
import { type Database, inTransaction, type Tx } from "@dangan/db";
import {
  ACTION_STEP,
  type Actor,
  applyTransition,
  authorize,
  countSides,
  DomainError,
  type IntakeBatchCreate,
  type IntakeTransitionInput,
  intakePolicy,
  intakeWorkflow,
  notFound,
  policy,
  readScope,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import { fileDepositIn } from "../filings/filing-create.ts";
import { type BatchFilter, type BatchRow, batchParties, intakeRepository } from "./intake.repository.ts";
import { intakeContext } from "./intake-context.ts";
import { batchDetail } from "./intake-detail.ts";
import { repack } from "./intake-repack.ts";
import { stepRecords } from "./intake-steps.ts";
import { resolvePeople, scopeOf, userIdOf } from "./intake-support.ts";

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const notRunning = () =>
  new DomainError({
    code: "PROJECT_NOT_ACTIVE",
    status: 422,
    clause: "G-10",
    message: {
      zh: "只有已签订合同并开始实施的寄存托管项目可以接收入库",
      en: "Only a running custody project (signed contract) can take archives in",
    },
  });

export function intakeService({ dbh: { db } }: Deps, confirmations: ConfirmationsService) {
  const repo = intakeRepository(db);

  /** A batch the actor may read, or NOT_FOUND; `lock` serialises changes to it. */
  async function readable(actor: Actor, id: string, executor: Kysely<Database> = db, lock = false) {
    if (lock)
      await (executor as Tx)
        .selectFrom("intakeBatch")
        .select("id")
        .where("id", "=", id)
        .forUpdate()
        .execute();
    const b = await repo.find(id, executor);
    if (!b) throw notFound("intake_batch", id);
    if (!policy.readProject(actor, batchParties(b))) throw notFound("intake_batch", id);
    return b;
  }

  /** The batch in one of the given states, else a refusal naming the step's clause. */
  function assertState(b: BatchRow, states: readonly string[], clause: string) {
    if (states.includes(b.status)) return;
    throw new DomainError({
      code: "INTAKE_STEP_NOT_OPEN",
      status: 409,
      clause,
      message: {
        zh: `批次当前处于“${b.status}”步骤，不能进行此项操作`,
        en: `The batch is at step "${b.status}"; this cannot be done now`,
      },
      details: { status: b.status, allowed: states },
    });
  }

  return {
    repo,
    readable,
    assertState,

    async list(actor: Actor, f: BatchFilter, page: number, pageSize: number) {
      const { items, total } = await repo.list(readScope(actor), f, pageSize, (page - 1) * pageSize);
      return pageOf(items, total, page, pageSize);
    },

    get: (actor: Actor, id: string) => batchDetail(db, repo, actor, id, readable),

    /** The project's current handover catalogues, each with the batch that took it in, if any. */
    async catalogues(actor: Actor, projectId: string) {
      const p = await db
        .selectFrom("project as p")
        .innerJoin("organisation as c", "c.id", "p.clientOrgId")
        .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
        .select([
          "p.id",
          "p.clientOrgId",
          "p.agencyOrgId",
          "c.district as clientDistrict",
          "a.district as agencyDistrict",
        ])
        .where("p.id", "=", projectId)
        .executeTakeFirst();
      if (!p || !policy.readProject(actor, p)) throw notFound("project", projectId);
      return db
        .selectFrom("handoverCatalogue as h")
        .leftJoin("intakeBatchCatalogue as bc", "bc.catalogueId", "h.id")
        .leftJoin("intakeBatch as b", "b.id", "bc.batchId")
        .select([
          "h.id",
          "h.title",
          "h.level",
          "h.status",
          "h.rowCount",
          "h.createdAt",
          "b.id as batchId",
          "b.code as batchCode",
        ])
        .where("h.projectId", "=", projectId)
        .where("h.status", "<>", "superseded")
        .orderBy("h.createdAt", "desc")
        .execute();
    },

    async create(actor: Actor, input: IntakeBatchCreate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const p = await trx
          .selectFrom("project as p")
          .innerJoin("organisation as c", "c.id", "p.clientOrgId")
          .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
          .select([
            "p.id",
            "p.code",
            "p.status",
            "p.serviceType",
            "p.clientOrgId",
            "p.agencyOrgId",
            "c.district as clientDistrict",
            "a.district as agencyDistrict",
          ])
          .where("p.id", "=", input.projectId)
          .forUpdate(["p"])
          .executeTakeFirst();
        if (!p || !policy.readProject(actor, p)) throw notFound("project", input.projectId);
        authorize(intakePolicy.recordSteps(actor, p), "start an intake batch for this project");
        if (p.serviceType !== "custody" || p.status !== "active") throw notRunning();
        const cats = await trx
          .selectFrom("handoverCatalogue as h")
          .leftJoin("intakeBatchCatalogue as bc", "bc.catalogueId", "h.id")
          .select(["h.id", "h.status", "bc.batchId"])
          .where("h.id", "in", input.catalogueIds)
          .where("h.projectId", "=", p.id)
          .execute();
        const bad = input.catalogueIds.filter((id) => {
          const c = cats.find((x) => x.id === id);
          return !c || c.batchId || c.status === "superseded";
        });
        if (bad.length)
          throw new DomainError({
            code: "CATALOGUE_NOT_AVAILABLE",
            status: 422,
            clause: "D-8.2",
            message: {
              zh: "所选交接目录须属于本项目、未被替代且未列入其他批次",
              en: "Each catalogue must belong to this project, be current and not be in another batch",
            },
            details: { catalogueIds: bad },
          });
        const n = await trx
          .selectFrom("intakeBatch")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("projectId", "=", p.id)
          .executeTakeFirstOrThrow();
        const code = `${p.code}-IN${String(Number(n.n) + 1).padStart(2, "0")}`;
        const row = await trx
          .insertInto("intakeBatch")
          .values({
            projectId: p.id,
            clientOrgId: p.clientOrgId,
            agencyOrgId: p.agencyOrgId,
            code,
            title: input.title,
            notes: input.notes ?? null,
            createdBy: userIdOf(actor),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("intakeBatchCatalogue")
          .values(input.catalogueIds.map((catalogueId) => ({ batchId: row.id, catalogueId })))
          .execute();
        audit.record({
          action: "intake_batch.created",
          entityType: "intake_batch",
          entityId: row.id,
          payload: {
            code,
            projectId: p.id,
            title: input.title,
            catalogueIds: input.catalogueIds,
            ...operatorNote(actor),
          },
          scopeOrgIds: scopeOf(p),
        });
        return (await repo.find(row.id, trx))!;
      });
    },

    async transition(actor: Actor, id: string, input: IntakeTransitionInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const b = await readable(actor, id, trx, true);
        const parties = batchParties(b);
        authorize(
          input.action === "repack"
            ? intakePolicy.handleBoxes(actor, parties)
            : intakePolicy.recordSteps(actor, parties),
          "record this intake step",
        );
        const people = await resolvePeople(trx, b, input.people);
        const ctx = await intakeContext(trx, b);
        const transportBy = input.action === "load" ? input.transport.by : undefined;
        const to = applyTransition(intakeWorkflow, b.status, input.action, {
          ...ctx,
          input: { people: countSides(people), transportBy },
        });
        const by = userIdOf(actor);
        const records =
          input.action === "repack"
            ? await repack(trx, audit, confirmations, actor, b, input)
            : await stepRecords(trx, b, input, by);
        const step = await trx
          .insertInto("intakeStep")
          .values({
            batchId: b.id,
            action: input.action,
            step: ACTION_STEP[input.action],
            performedOn: input.performedOn ?? today(),
            notes: input.notes ?? null,
            records,
            attachmentId: input.action === "site_visit" ? (input.attachmentId ?? null) : null,
            recordedBy: by,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (people.length)
          await trx
            .insertInto("intakeStepPerson")
            .values(people.map((p) => ({ stepId: step.id, userId: p.userId, side: p.side })))
            .execute();
        await trx
          .updateTable("intakeBatch")
          .set({
            status: to,
            updatedAt: new Date(),
            ...(to === "completed" ? { completedAt: new Date() } : {}),
          })
          .where("id", "=", b.id)
          .execute();
        audit.record({
          action: "intake_batch.transitioned",
          entityType: "intake_batch",
          entityId: b.id,
          payload: {
            projectId: b.projectId,
            action: input.action,
            from: b.status,
            to,
            people: people.map((p) => ({ userId: p.userId, name: p.name, side: p.side })),
            records,
            ...operatorNote(actor),
          },
          scopeOrgIds: scopeOf(b),
        });
        // G-7: the boxes reaching the agency are the deposit; file it if project start did not.
        if (input.action === "arrive") await fileDepositIn(trx, audit, b.projectId, "intake");
        return { status: to, stepId: step.id };
      });
    },
  };
}
export type IntakeService = ReturnType<typeof intakeService>;
