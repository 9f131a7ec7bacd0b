// Organisations: the three parties (G-4) and the agency registry (G-12).

import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertForeignBackingChange,
  assertOrganisationShape,
  authorize,
  notFound,
  type OrganisationCreate,
  type OrganisationUpdate,
  policy,
  readScope,
  STANDING_FIELDS,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { changes } from "../../lib/diff.ts";
import { pageOf } from "../../lib/page.ts";
import { createSigningKey } from "../confirmations/signing-keys.ts";
import { organisationDto } from "./organisation.dto.ts";
import { type OrganisationFilter, organisationsRepository } from "./organisations.repository.ts";

export type OrganisationsService = ReturnType<typeof organisationsService>;

export function organisationsService({ dbh: { db }, config }: Deps) {
  const repo = organisationsRepository(db);

  return {
    repo,

    async list(actor: Actor, f: OrganisationFilter, page: number, pageSize: number) {
      const { items, total } = await repo.list(readScope(actor), f, pageSize, (page - 1) * pageSize);
      return pageOf(
        items.map((o) => organisationDto(o, actor)),
        total,
        page,
        pageSize,
      );
    },

    async get(actor: Actor, id: string) {
      const org = await repo.findVisible(readScope(actor), id);
      if (!org) throw notFound("organisation", id);
      const signingKey = await db
        .selectFrom("signingKey")
        .select(["publicKeyPem", "algorithm"])
        .where("orgId", "=", id)
        .executeTakeFirst();
      return {
        ...organisationDto(org, actor),
        signingKey: signingKey ?? null,
        permissions: {
          update: policy.updateOrganisationProfile(actor, org),
          changeStanding: policy.changeStanding(actor, org),
          manageUsers: policy.manageUsers(actor, org.id),
        },
      };
    },

    async create(actor: Actor, input: OrganisationCreate) {
      authorize(
        policy.createOrganisation(actor, input.district),
        "register an organisation in this district",
      );
      assertOrganisationShape(input);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const org = await trx
          .insertInto("organisation")
          .values({
            ...input,
            supervisedDistricts: input.regulatorLevel === "city" ? [] : (input.supervisedDistricts ?? []),
            serviceTypes: input.serviceTypes ?? [],
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await createSigningKey(trx, org.id, config.secret);
        audit.record({
          action: "organisation.created",
          entityType: "organisation",
          entityId: org.id,
          payload: { ...input, ...operatorNote(actor) },
          scopeOrgIds: [org.id],
        });
        audit.record({
          action: "signing_key.created",
          entityType: "organisation",
          entityId: org.id,
          payload: { algorithm: "ed25519" },
          scopeOrgIds: [org.id],
        });
        return org;
      });
    },

    async update(actor: Actor, id: string, patch: OrganisationUpdate) {
      const before = await repo.findVisible(readScope(actor), id);
      if (!before) throw notFound("organisation", id);
      const touchesStanding = STANDING_FIELDS.some((f) => f in patch);
      authorize(policy.updateOrganisationProfile(actor, before), "update this organisation");
      if (touchesStanding)
        authorize(policy.changeStanding(actor, before), "change this organisation's registration");
      if (patch.district && patch.district !== before.district) {
        authorize(policy.createOrganisation(actor, patch.district), "move an organisation to this district");
      }
      assertOrganisationShape({ ...before, ...patch });
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        // Lock the row first: a project being created for this agency takes a
        // share lock on it, so the G-3 count below cannot miss a new project.
        await trx.selectFrom("organisation").select("id").where("id", "=", id).forUpdate().execute();
        if (patch.foreignBacked === true && !before.foreignBacked) {
          assertForeignBackingChange(true, await repo.openNationalScopeProjects(trx, id));
        }
        const diff = changes(before, patch);
        const org = await trx
          .updateTable("organisation")
          .set({ ...patch, updatedAt: new Date() })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const standing = Object.keys(diff).some((k) => (STANDING_FIELDS as readonly string[]).includes(k));
        audit.record({
          action: standing ? "organisation.standing_changed" : "organisation.updated",
          entityType: "organisation",
          entityId: id,
          payload: { changes: diff, ...operatorNote(actor) },
          scopeOrgIds: [id],
        });
        return organisationDto(org, actor);
      });
    },
  };
}
