// What the intake workflow's guards look at, read from the database: the
// project's site visits (D-7.2), boxing (D-8.5), treatment (D-8.4), seals
// (D-8.6), inspections and open anomalies (D-8.8), consent and the repacking
// register (D-8.9), shelving (D-9.1).
import type { Database } from "@dangan/db";
import type { IntakeContext } from "@dangan/domain";
import type { Kysely } from "kysely";
import type { BatchRow } from "./intake.repository.ts";

export const REPACK_CONSENT = "repack_consent";
export const REPACK_REGISTER = "repack_register";

export async function projectSiteVisit(executor: Kysely<Database>, projectId: string) {
  return executor
    .selectFrom("intakeStep as s")
    .innerJoin("intakeBatch as b", "b.id", "s.batchId")
    .select(["s.performedOn", "b.code as batchCode", "b.id as batchId"])
    .where("b.projectId", "=", projectId)
    .where("s.action", "=", "site_visit")
    .orderBy("s.performedOn")
    .executeTakeFirst();
}

/** Which parties signed a document of the batch. */
async function signedBy(executor: Kysely<Database>, b: BatchRow, kind: string, digest?: string) {
  let q = executor
    .selectFrom("confirmation")
    .select("orgId")
    .where("entityType", "=", "intake_batch")
    .where("entityId", "=", b.id)
    .where("documentKind", "=", kind);
  if (digest) q = q.where("documentDigest", "=", digest);
  const orgs = new Set((await q.execute()).map((r) => r.orgId));
  return { client: orgs.has(b.clientOrgId), agency: orgs.has(b.agencyOrgId) };
}

export async function registerDigest(executor: Kysely<Database>, batchId: string): Promise<string | null> {
  const step = await executor
    .selectFrom("intakeStep")
    .select("records")
    .where("batchId", "=", batchId)
    .where("action", "=", "repack")
    .executeTakeFirst();
  const digest = step?.records.digest;
  return typeof digest === "string" ? digest : null;
}

export async function intakeContext(executor: Kysely<Database>, b: BatchRow): Promise<IntakeContext> {
  const [visit, items, boxes, anomalies, consent, digest] = await Promise.all([
    projectSiteVisit(executor, b.projectId),
    executor
      .selectFrom("intakeBatchCatalogue as bc")
      .innerJoin("catalogueItem as i", "i.catalogueId", "bc.catalogueId")
      .leftJoin("boxItem as bi", "bi.itemId", "i.id")
      .select((eb) => [eb.fn.countAll<number>().as("all"), eb.fn.count<number>("bi.boxId").as("boxed")])
      .where("bc.batchId", "=", b.id)
      .executeTakeFirstOrThrow(),
    executor
      .selectFrom("intakeBox as ib")
      .innerJoin("box as x", "x.id", "ib.boxId")
      .leftJoin("intakeInspection as n", (j) =>
        j.onRef("n.boxId", "=", "x.id").onRef("n.batchId", "=", "ib.batchId"),
      )
      .select(["x.boxNo", "x.status", "n.id as inspectionId"])
      .where("ib.batchId", "=", b.id)
      .where("x.status", "<>", "returned_to_client")
      .orderBy("x.boxNo")
      .execute(),
    executor
      .selectFrom("intakeInspection as n")
      .innerJoin("incident as i", "i.id", "n.incidentId")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("n.batchId", "=", b.id)
      .where("i.status", "<>", "closed")
      .executeTakeFirstOrThrow(),
    signedBy(executor, b, REPACK_CONSENT),
    registerDigest(executor, b.id),
  ]);
  const nos = (pred: (x: (typeof boxes)[number]) => boolean) => boxes.filter(pred).map((x) => x.boxNo);
  return {
    projectHasSiteVisit: !!visit,
    itemCount: Number(items.all),
    unboxedItems: Number(items.all) - Number(items.boxed),
    boxCount: boxes.length,
    boxesInTreatment: nos((x) => x.status === "treatment"),
    unsealedBoxes: nos((x) => x.status === "packing"),
    uninspectedBoxes: nos((x) => !x.inspectionId),
    unshelvedBoxes: nos((x) => x.status !== "shelved"),
    openAnomalies: Number(anomalies.n),
    repackConsent: consent.client,
    register: digest ? await signedBy(executor, b, REPACK_REGISTER, digest) : null,
  };
}
