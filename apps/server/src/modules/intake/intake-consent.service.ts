// D-8.9: the client's signed consent to unseal and repack, and each party's
// confirmation of the register the repacking produced (one copy each).
import { inTransaction } from "@dangan/db";
import { type Actor, authorize, DomainError, intakePolicy, policy } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import { batchParties } from "./intake.repository.ts";
import type { IntakeService } from "./intake.service.ts";
import { REPACK_CONSENT, REPACK_REGISTER, registerDigest } from "./intake-context.ts";
import { consentDigest, signOnce } from "./intake-repack.ts";
import { scopeOf } from "./intake-support.ts";

const byPeople = () =>
  new DomainError({
    code: "CONFIRMATION_BY_PERSON",
    status: 422,
    message: { zh: "确认须由具体人员作出", en: "Confirmations are given by people, not the operator" },
  });

export function intakeConsentService(
  { dbh: { db } }: Deps,
  intake: IntakeService,
  confirmations: ConfirmationsService,
) {
  return {
    async consentToRepack(actor: Actor, batchId: string) {
      if (actor.type !== "user") throw byPeople();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const b = await intake.readable(actor, batchId, trx, true);
        authorize(
          intakePolicy.decideForClient(actor, batchParties(b)),
          "consent to repacking for the client",
        );
        intake.assertState(b, ["inspection", "repacking"], "D-8.9");
        const row = await signOnce(trx, audit, confirmations, actor, b, REPACK_CONSENT, consentDigest(b.id));
        audit.record({
          action: "intake.repack_consented",
          entityType: "intake_batch",
          entityId: b.id,
          payload: { projectId: b.projectId, confirmationId: row.id },
          scopeOrgIds: scopeOf(b),
        });
        return { confirmationId: row.id, signedAt: row.signedAt };
      });
    },

    async confirmRegister(actor: Actor, batchId: string) {
      if (actor.type !== "user") throw byPeople();
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const b = await intake.readable(actor, batchId, trx, true);
        authorize(policy.confirmForProject(actor, batchParties(b)), "confirm the repacking register");
        const digest = await registerDigest(trx, b.id);
        if (!digest)
          throw new DomainError({
            code: "NO_REGISTER",
            status: 409,
            clause: "D-8.9",
            message: {
              zh: "本批次尚未重新装箱，没有登记册",
              en: "Nothing was repacked: there is no register to confirm",
            },
          });
        const row = await signOnce(trx, audit, confirmations, actor, b, REPACK_REGISTER, digest);
        return { confirmationId: row.id, digest };
      });
    },
  };
}
export type IntakeConsentService = ReturnType<typeof intakeConsentService>;
