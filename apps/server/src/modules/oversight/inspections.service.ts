// G-7, G-11, G-13: inspections of a project — the checklist generated from the
// clause catalogue and pre-filled from the system's data, answers with
// evidence, findings citing a clause and a severity, completion.
import type { Database } from "@dangan/db";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertChecklistAnswered,
  assertFindingClause,
  assertInspectionKind,
  authorize,
  buildChecklist,
  conflict,
  type FindingCreate,
  type InspectionCreate,
  type ItemAnswer,
  notFound,
  oversightPolicy,
  prefillChecklist,
  readScope,
  type ServiceType,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { type Compliance, projectFacts } from "./facts.ts";
import { type OversightRepository, visibleParties } from "./oversight.repository.ts";

export interface InspectionFilter {
  projectId?: string | undefined;
  kind?: string | undefined;
  status?: "in_progress" | "completed" | undefined;
  q?: string | undefined;
}

const userId = (actor: Actor) => (actor.type === "user" ? actor.userId : null);
const partiesOfRow = (i: {
  clientOrgId: string;
  agencyOrgId: string;
  clientDistrict: string;
  agencyDistrict: string;
}) => ({
  clientOrgId: i.clientOrgId,
  agencyOrgId: i.agencyOrgId,
  clientDistrict: i.clientDistrict,
  agencyDistrict: i.agencyDistrict,
});

export function inspectionsService(
  { dbh: { db }, clauses }: Deps,
  projects: ProjectsService,
  repo: OversightRepository,
  compliance: Compliance,
) {
  const checklist = (serviceType: ServiceType) => buildChecklist(clauses, serviceType);

  async function readable(actor: Actor, id: string, executor: Kysely<Database> = db) {
    const i = await repo.inspection(id, executor);
    if (!i || !oversightPolicy.read(actor, partiesOfRow(i))) throw notFound("inspection", id);
    return i;
  }

  /** Locked, in progress, and the caller runs it. */
  async function workable(trx: Kysely<Database>, actor: Actor, id: string) {
    await trx.selectFrom("inspection").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
    const i = await readable(actor, id, trx);
    authorize(
      oversightPolicy.work(actor, { ...partiesOfRow(i), inspectorOrgId: i.inspectorOrgId }),
      "work on this inspection",
    );
    if (i.status !== "in_progress")
      throw conflict("INSPECTION_COMPLETED", { zh: "检查已完成", en: "The inspection is completed" });
    return i;
  }

  async function preview(actor: Actor, projectId: string) {
    const p = await projects.readable(actor, projectId);
    const items = checklist(p.serviceType as ServiceType);
    const facts = await projectFacts(db, compliance, p);
    const pre = prefillChecklist(
      items.map((x) => x.clause),
      facts,
    );
    return items.map((x, n) => ({ ...x, ...pre[n]! }));
  }

  return {
    checklist,
    readable,
    workable,
    preview,

    async create(actor: Actor, input: InspectionCreate) {
      const p = await projects.readable(actor, input.projectId);
      authorize(oversightPolicy.inspect(actor, partiesOf(p)), "inspect this project");
      const inspectorOrgId =
        actor.type === "user" ? actor.orgId : ((await regulatorFor(db, p.agencyDistrict)) ?? p.clientOrgId);
      const orgKind = actor.type === "user" ? actor.orgKind : "regulator";
      assertInspectionKind(orgKind, input.kind);
      const items = await preview(actor, p.id);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .insertInto("inspection")
          .values({
            projectId: p.id,
            clientOrgId: p.clientOrgId,
            agencyOrgId: p.agencyOrgId,
            inspectorOrgId,
            kind: input.kind,
            serviceType: p.serviceType,
            planId: input.planId ?? null,
            title: input.title,
            plannedOn: input.plannedOn ?? null,
            createdBy: userId(actor),
          })
          .returning(["id"])
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("inspectionItem")
          .values(
            items.map((x, position) => ({
              inspectionId: row.id,
              clauseId: x.clause,
              position,
              result: x.result,
              prefilled: x.result !== "unanswered",
              evidence: JSON.stringify(x.evidence),
            })),
          )
          .execute();
        if (input.planId) {
          const linked = await trx
            .updateTable("spotCheckSample")
            .set({ inspectionId: row.id })
            .where("planId", "=", input.planId)
            .where("projectId", "=", p.id)
            .where("inspectionId", "is", null)
            .executeTakeFirst();
          if (Number(linked.numUpdatedRows) === 0)
            throw conflict("NOT_IN_SAMPLE", {
              zh: "该项目不在抽查样本中或已开始抽查",
              en: "The project is not in the plan's sample, or its spot check has started",
            });
        }
        audit.record({
          action: "inspection.created",
          entityType: "inspection",
          entityId: row.id,
          payload: {
            projectId: p.id,
            kind: input.kind,
            title: input.title,
            items: items.length,
            prefilled: items.filter((x) => x.result !== "unanswered").map((x) => [x.clause, x.result]),
          },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId, inspectorOrgId],
        });
        return row;
      });
    },

    async list(actor: Actor, f: InspectionFilter, page: number, pageSize: number) {
      let q = repo.inspections().where(visibleParties(readScope(actor)));
      if (f.projectId) q = q.where("i.projectId", "=", f.projectId);
      if (f.kind) q = q.where("i.kind", "=", f.kind as "spot");
      if (f.status) q = q.where("i.status", "=", f.status);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) =>
          eb.or([eb("i.title", "like", like), eb("p.name", "like", like), eb("p.code", "like", like)]),
        );
      }
      const [items, count] = await Promise.all([
        q
          .selectAll("i")
          .select(repo.inspectionColumns)
          .select((eb) =>
            eb
              .selectFrom("inspectionFinding as f")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("f.inspectionId", "=", "i.id")
              .as("findings"),
          )
          .orderBy("i.createdAt", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(
        items.map((i) => ({ ...i, findings: Number(i.findings) })),
        Number(count.n),
        page,
        pageSize,
      );
    },

    async get(actor: Actor, id: string) {
      const i = await readable(actor, id);
      const [items, findings, orders] = await Promise.all([
        db
          .selectFrom("inspectionItem")
          .selectAll()
          .where("inspectionId", "=", id)
          .orderBy("position")
          .execute(),
        db
          .selectFrom("inspectionFinding")
          .selectAll()
          .where("inspectionId", "=", id)
          .orderBy("createdAt")
          .execute(),
        db
          .selectFrom("rectificationOrder")
          .select(["id", "findingId", "status", "deadline"])
          .where("inspectionId", "=", id)
          .execute(),
      ]);
      const notices = await db
        .selectFrom("notice")
        .select(["id", "findingId"])
        .where("projectId", "=", i.projectId)
        .execute();
      const glossOf = new Map(clauses.map((c) => [c.id, c]));
      const parties = partiesOfRow(i);
      const work =
        oversightPolicy.work(actor, { ...parties, inspectorOrgId: i.inspectorOrgId }) &&
        i.status === "in_progress";
      return {
        ...i,
        items: items.map((x) => ({
          ...x,
          gloss: glossOf.get(x.clauseId)?.gloss ?? "",
          // The clause's own words (Chinese), for the zh-CN checklist.
          text: (glossOf.get(x.clauseId)?.text ?? "").replace(/^[（(][^）)]*[）)]/, "").slice(0, 90),
          kind: glossOf.get(x.clauseId)?.kind ?? "",
        })),
        findings: findings.map((f) => ({
          ...f,
          orderId: orders.find((o) => o.findingId === f.id)?.id ?? null,
          noticeId: notices.find((n) => n.findingId === f.id)?.id ?? null,
        })),
        permissions: {
          work,
          regulate: oversightPolicy.regulate(actor, parties) && i.inspectorKind === "regulator",
        },
      };
    },

    async answer(actor: Actor, id: string, a: ItemAnswer) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const i = await workable(trx, actor, id);
        const res = await trx
          .updateTable("inspectionItem")
          .set({ result: a.result, note: a.note ?? null, answeredBy: userId(actor), answeredAt: new Date() })
          .where("inspectionId", "=", id)
          .where("clauseId", "=", a.clause)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) assertFindingClause(a.clause, []);
        audit.record({
          action: "inspection.item_answered",
          entityType: "inspection",
          entityId: id,
          payload: { clause: a.clause, result: a.result, note: a.note ?? null },
          scopeOrgIds: [i.clientOrgId, i.agencyOrgId, i.inspectorOrgId],
        });
        return { clause: a.clause, result: a.result };
      });
    },

    async addFinding(actor: Actor, id: string, f: FindingCreate) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const i = await workable(trx, actor, id);
        const items = await trx
          .selectFrom("inspectionItem")
          .select("clauseId")
          .where("inspectionId", "=", id)
          .execute();
        assertFindingClause(
          f.clause,
          items.map((x) => x.clauseId),
        );
        const row = await trx
          .insertInto("inspectionFinding")
          .values({
            inspectionId: id,
            clauseId: f.clause,
            severity: f.severity,
            description: f.description,
            createdBy: userId(actor),
          })
          .returning(["id"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "inspection.finding_added",
          entityType: "inspection",
          entityId: id,
          payload: { findingId: row.id, ...f },
          scopeOrgIds: [i.clientOrgId, i.agencyOrgId, i.inspectorOrgId],
        });
        return row;
      });
    },

    async complete(actor: Actor, id: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const i = await workable(trx, actor, id);
        const open = await trx
          .selectFrom("inspectionItem")
          .select("clauseId")
          .where("inspectionId", "=", id)
          .where("result", "=", "unanswered")
          .orderBy("position")
          .execute();
        assertChecklistAnswered(open.map((x) => x.clauseId));
        await trx
          .updateTable("inspection")
          .set({ status: "completed", completedAt: new Date(), completedBy: userId(actor) })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: "inspection.completed",
          entityType: "inspection",
          entityId: id,
          payload: { projectId: i.projectId },
          scopeOrgIds: [i.clientOrgId, i.agencyOrgId, i.inspectorOrgId],
        });
        return { status: "completed" as const };
      });
    },
  };
}

/** The regulator the operator inspects for: the district's own, else the city's. */
async function regulatorFor(db: Kysely<Database>, district: string) {
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "regulatorLevel", "supervisedDistricts"])
    .where("kind", "=", "regulator")
    .execute();
  const own = rows.find((r) => r.regulatorLevel === "district" && r.supervisedDistricts.includes(district));
  return (own ?? rows.find((r) => r.regulatorLevel === "city"))?.id;
}
export type InspectionsService = ReturnType<typeof inspectionsService>;
