// Small pieces the intake services share: naming people of the two parties
// (D-8.1), holding a box for treatment (D-8.4), the audit scope of a batch.
import type { Tx } from "@dangan/db";
import { DomainError, type IntakeSide, statusAfterTreatment } from "@dangan/domain";
import type { BatchRow } from "./intake.repository.ts";

export { actorUserId as userIdOf } from "../../lib/audit-actor.ts";
export const scopeOf = (b: { clientOrgId: string; agencyOrgId: string }) => [b.clientOrgId, b.agencyOrgId];

/** The named people, each an active user of the client or the agency of the batch. */
export async function resolvePeople(trx: Tx, b: BatchRow, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom("appUser")
    .select(["id", "orgId", "displayName"])
    .where("id", "in", [...ids])
    .where("active", "=", true)
    .execute();
  const people = rows
    .filter((r) => r.orgId === b.clientOrgId || r.orgId === b.agencyOrgId)
    .map((r) => ({
      userId: r.id,
      name: r.displayName,
      side: (r.orgId === b.clientOrgId ? "client" : "agency") as IntakeSide,
    }));
  if (people.length !== ids.length) {
    throw new DomainError({
      code: "INTAKE_PERSON_NOT_A_PARTY",
      status: 422,
      clause: "D-8.1",
      message: {
        zh: "记录的人员须是本项目委托方或受托机构的在职用户",
        en: "Named people must be active users of the project's client or agency",
      },
      details: { unknown: ids.filter((id) => !people.some((p) => p.userId === id)) },
    });
  }
  return people;
}

/** A problem found (not good) and not yet cleared by a treatment record. */
async function openProblems(trx: Tx, boxId: string) {
  const r = await trx
    .selectFrom("intakeCondition as k")
    .leftJoin("intakeTreatment as t", "t.conditionId", "k.id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("k.condition", "<>", "good")
    .where("t.id", "is", null)
    .where((eb) =>
      eb.or([
        eb("k.boxId", "=", boxId),
        eb("k.itemId", "in", eb.selectFrom("boxItem").select("itemId").where("boxId", "=", boxId)),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * D-8.4: a box with an open problem is held in "treatment" (its seal, if any,
 * is broken to treat it); once every problem has a treatment record it goes
 * back to packing, or to received if it was already inspected at intake.
 * Returns the new status when it changed.
 */
export async function refreshTreatmentHold(trx: Tx, boxId: string): Promise<string | null> {
  const box = await trx
    .selectFrom("box")
    .select(["status"])
    .where("id", "=", boxId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const open = await openProblems(trx, boxId);
  if (open > 0 && (box.status === "packing" || box.status === "sealed" || box.status === "received")) {
    await trx
      .updateTable("box")
      .set({ status: "treatment", sealNumber: null, sealedAt: null, updatedAt: new Date() })
      .where("id", "=", boxId)
      .execute();
    return "treatment";
  }
  if (open === 0 && box.status === "treatment") {
    const inspected = await trx
      .selectFrom("intakeInspection")
      .select("id")
      .where("boxId", "=", boxId)
      .executeTakeFirst();
    const status = statusAfterTreatment(!!inspected);
    await trx.updateTable("box").set({ status, updatedAt: new Date() }).where("id", "=", boxId).execute();
    return status;
  }
  return null;
}
