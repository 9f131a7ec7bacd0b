// The batch page: the batch, each step's record with its people, the boxes
// with their condition, seal, inspection and place, the anomalies (D-8.8), the
// content grant (D-8.10), the repacking consent and register (D-8.9), and the
// legal next actions with the clause that blocks each.
import type { Database } from "@dangan/db";
import { type Actor, intakePermissions, intakeWorkflow, nextActions } from "@dangan/domain";
import type { Kysely } from "kysely";
import { type BatchRow, batchParties, type IntakeRepository } from "./intake.repository.ts";
import {
  intakeContext,
  projectSiteVisit,
  REPACK_CONSENT,
  REPACK_REGISTER,
  registerDigest,
} from "./intake-context.ts";

async function confirmationsOf(db: Kysely<Database>, batchId: string) {
  return db
    .selectFrom("confirmation as c")
    .innerJoin("organisation as o", "o.id", "c.orgId")
    .select([
      "c.id",
      "c.documentKind",
      "c.documentDigest",
      "c.orgId",
      "c.signerName",
      "c.signedAt",
      "o.name as orgName",
    ])
    .where("c.entityType", "=", "intake_batch")
    .where("c.entityId", "=", batchId)
    .where("c.documentKind", "in", [REPACK_CONSENT, REPACK_REGISTER])
    .orderBy("c.signedAt")
    .execute();
}

async function conditionsOf(db: Kysely<Database>, batchId: string) {
  return db
    .selectFrom("intakeCondition as k")
    .leftJoin("intakeTreatment as t", "t.conditionId", "k.id")
    .leftJoin("appUser as u", "u.id", "k.checkedBy")
    .leftJoin("catalogueItem as i", "i.id", "k.itemId")
    .leftJoin("box as x", "x.id", "k.boxId")
    .select([
      "k.id",
      "k.boxId",
      "k.itemId",
      "k.condition",
      "k.note",
      "k.checkedAt",
      "u.displayName as checkedByName",
      "i.referenceCode",
      "i.title as itemTitle",
      "x.boxNo",
      "t.id as treatmentId",
      "t.method as treatmentMethod",
      "t.treatedOn",
      "t.treatedBy",
    ])
    .where("k.batchId", "=", batchId)
    .orderBy("k.checkedAt")
    .execute();
}

async function anomaliesOf(db: Kysely<Database>, batchId: string) {
  return db
    .selectFrom("intakeInspection as n")
    .innerJoin("incident as i", "i.id", "n.incidentId")
    .innerJoin("box as x", "x.id", "n.boxId")
    .select([
      "i.id",
      "i.kind",
      "i.title",
      "i.status",
      "i.openedAt",
      "i.resolution",
      "x.boxNo",
      "x.id as boxId",
    ])
    .where("n.batchId", "=", batchId)
    .orderBy("i.openedAt")
    .execute();
}

async function activeGrant(db: Kysely<Database>, batchId: string) {
  return db
    .selectFrom("intakeContentGrant as g")
    .innerJoin("appUser as u", "u.id", "g.grantedBy")
    .select(["g.id", "g.grantedAt", "g.note", "u.displayName as grantedByName"])
    .where("g.batchId", "=", batchId)
    .where("g.revokedAt", "is", null)
    .executeTakeFirst();
}

export async function batchDetail(
  db: Kysely<Database>,
  repo: IntakeRepository,
  actor: Actor,
  id: string,
  readable: (actor: Actor, id: string) => Promise<BatchRow>,
) {
  const b = await readable(actor, id);
  const [steps, boxes, ctx, catalogues, conditions, anomalies, grant, confirmations, digest, visit, users] =
    await Promise.all([
      repo.steps(id),
      repo.boxes(id),
      intakeContext(db, b),
      db
        .selectFrom("intakeBatchCatalogue as bc")
        .innerJoin("handoverCatalogue as h", "h.id", "bc.catalogueId")
        .select(["h.id", "h.title", "h.level", "h.status", "h.rowCount"])
        .where("bc.batchId", "=", id)
        .orderBy("h.createdAt")
        .execute(),
      conditionsOf(db, id),
      anomaliesOf(db, id),
      activeGrant(db, id),
      confirmationsOf(db, id),
      registerDigest(db, id),
      projectSiteVisit(db, b.projectId),
      repo.partyUsers(b.clientOrgId, b.agencyOrgId),
    ]);
  const people = await repo.stepPeople(steps.map((s) => s.id));
  const permissions = intakePermissions(actor, batchParties(b));
  const side = (orgId: string) => (orgId === b.clientOrgId ? "client" : "agency");
  return {
    ...b,
    catalogues,
    itemCount: ctx.itemCount,
    unboxedItems: ctx.unboxedItems,
    steps: steps.map((s) => ({ ...s, people: people.filter((p) => p.stepId === s.id) })),
    siteVisit: visit ?? null,
    boxes: boxes.map((x) => ({ ...x, itemCount: Number(x.itemCount ?? 0) })),
    conditions,
    anomalies,
    contentAccess: grant ? { granted: true as const, ...grant } : { granted: false as const },
    repack: {
      consent:
        confirmations.find((c) => c.documentKind === REPACK_CONSENT && c.orgId === b.clientOrgId) ?? null,
      register: digest
        ? {
            digest,
            confirmations: confirmations.filter(
              (c) => c.documentKind === REPACK_REGISTER && c.documentDigest === digest,
            ),
            record: steps.find((s) => s.action === "repack")?.records.register ?? null,
          }
        : null,
    },
    parties: {
      client: users.filter((u) => side(u.orgId) === "client").map(({ id, name }) => ({ id, name })),
      agency: users.filter((u) => side(u.orgId) === "agency").map(({ id, name }) => ({ id, name })),
    },
    permissions,
    nextActions:
      permissions.recordSteps || permissions.handleBoxes ? nextActions(intakeWorkflow, b.status, ctx) : [],
  };
}
