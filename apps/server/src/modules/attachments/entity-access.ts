// What an actor may do with a record that carries attachments, confirmations
// or an audit trail. New record types register here.

import type { Database } from "@dangan/db";
import { type Actor, notFound, policy } from "@dangan/domain";
import type { Kysely } from "kysely";
import { organisationsRepository } from "../organisations/organisations.repository.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";

export const ENTITY_TYPES = ["project", "contract", "ledger_entry", "organisation"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityAccess {
  read: boolean;
  attach: boolean;
  confirm: boolean;
  /** Organisations whose data this is: audit scope. */
  orgIds: string[];
}

export function entityAccessResolver(db: Kysely<Database>, projects: ProjectsService) {
  const orgs = organisationsRepository(db);
  async function projectIdOf(type: EntityType, id: string): Promise<string | undefined> {
    if (type === "project") return id;
    if (type === "contract")
      return (await db.selectFrom("contract").select("projectId").where("id", "=", id).executeTakeFirst())
        ?.projectId;
    if (type === "ledger_entry")
      return (await db.selectFrom("ledgerEntry").select("projectId").where("id", "=", id).executeTakeFirst())
        ?.projectId;
    return undefined;
  }

  /** Access to the record, or NOT_FOUND when the actor may not read it. */
  return async function access(actor: Actor, type: EntityType, id: string): Promise<EntityAccess> {
    if (type === "organisation") {
      const org = await db
        .selectFrom("organisation")
        .select(["id", "kind", "district"])
        .where("id", "=", id)
        .executeTakeFirst();
      const shares = !!org && actor.type === "user" && (await orgs.sharesProject(actor.orgId, org.id));
      if (!org || !policy.readOrganisation(actor, org, shares)) throw notFound(type, id);
      const update = policy.updateOrganisationProfile(actor, org);
      return { read: true, attach: update, confirm: false, orgIds: [org.id] };
    }
    const projectId = await projectIdOf(type, id);
    const p = projectId ? await projects.repo.find(projectId) : undefined;
    if (!p || !policy.readProject(actor, partiesOf(p))) throw notFound(type, id);
    return {
      read: true,
      attach: policy.attachToProject(actor, partiesOf(p)),
      confirm: policy.confirmForProject(actor, partiesOf(p)),
      orgIds: [p.clientOrgId, p.agencyOrgId],
    };
  };
}
export type EntityAccessResolver = ReturnType<typeof entityAccessResolver>;
