// The regulator's register of agencies (G-12, G-14, D-4.2, Z-3.4) and changes
// of an agency's standing, audited with their reason.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  applyTransition,
  authorize,
  nextActions,
  notFound,
  policy,
  readScope,
  type StandingAction,
  standingWorkflow,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { type AgencyFilter, registryRepository } from "./registry.repository.ts";
import { registrySections } from "./registry-detail.ts";

export function registryService({ dbh: { db } }: Deps) {
  const repo = registryRepository(db);

  return {
    async list(actor: Actor, f: AgencyFilter, page: number, pageSize: number) {
      const { items, total } = await repo.page(readScope(actor), f, page, pageSize);
      return pageOf(items, total, page, pageSize);
    },

    exportRows: (actor: Actor, f: AgencyFilter) => repo.all(readScope(actor), f),

    async get(actor: Actor, id: string) {
      const scope = readScope(actor);
      const agency = await repo.one(scope, id);
      if (!agency) throw notFound("agency", id);
      const ref = { id, kind: "agency" as const, district: agency.district };
      const mayChange = policy.changeStanding(actor, ref);
      return {
        ...agency,
        ...(await registrySections(db, scope, id)),
        nextStandingActions: mayChange
          ? nextActions(standingWorkflow, agency.registrationStatus, { reason: "x" }).map((a) => a.action)
          : [],
      };
    },

    /** G-12: suspend, reinstate or revoke, by a supervising regulator, with the reason on record. */
    async changeStanding(actor: Actor, id: string, action: StandingAction, reason: string | undefined) {
      const agency = await repo.one(readScope(actor), id);
      if (!agency) throw notFound("agency", id);
      authorize(
        policy.changeStanding(actor, { id, kind: "agency", district: agency.district }),
        "change this agency's standing",
      );
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const row = await trx
          .selectFrom("organisation")
          .select("registrationStatus")
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const to = applyTransition(standingWorkflow, row.registrationStatus, action, { reason });
        await trx
          .updateTable("organisation")
          .set({ registrationStatus: to, updatedAt: new Date() })
          .where("id", "=", id)
          .execute();
        await trx
          .insertInto("agencyStandingChange")
          .values({
            agencyOrgId: id,
            action,
            fromStatus: row.registrationStatus,
            toStatus: to,
            reason: reason?.trim() ?? "",
            changedBy: actor.type === "user" ? actor.userId : null,
          })
          .execute();
        audit.record({
          action: "organisation.standing_changed",
          entityType: "organisation",
          entityId: id,
          payload: {
            registrationStatus: { from: row.registrationStatus, to },
            action,
            reason: reason ?? null,
            clause: "G-12",
            ...operatorNote(actor),
          },
          scopeOrgIds: [id],
        });
        return { registrationStatus: to };
      });
    },
  };
}
export type RegistryService = ReturnType<typeof registryService>;
