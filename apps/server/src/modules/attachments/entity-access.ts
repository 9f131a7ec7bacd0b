// What an actor may do with a record that carries attachments, confirmations
// or an audit trail. A record belongs to a project, to an agency (facilities)
// or is an organisation; new record types register in the maps below.
import type { Database } from "@dangan/db";
import { type Actor, notFound, policy, supervises } from "@dangan/domain";
import type { Kysely, SelectQueryBuilder } from "kysely";
import { organisationsRepository } from "../organisations/organisations.repository.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { RETRIEVAL_ENTITY_TYPES, retrievalAccess } from "../use-requests/retrieval-access.ts";

type Lookup = (db: Kysely<Database>, id: string) => Promise<string | undefined>;
// biome-ignore lint/suspicious/noExplicitAny: the query shape varies per table; only the one column is read
const first = async (q: SelectQueryBuilder<any, any, { v: string | null }>) =>
  (await q.executeTakeFirst())?.v ?? undefined;

/** Records that belong to a project: how to find their project. */
const PROJECT_OF: Record<string, Lookup> = {
  project: async (_db, id) => id,
  contract: (db, id) => first(db.selectFrom("contract").select("projectId as v").where("id", "=", id)),
  ledger_entry: (db, id) => first(db.selectFrom("ledgerEntry").select("projectId as v").where("id", "=", id)),
  incident: (db, id) => first(db.selectFrom("incident").select("projectId as v").where("id", "=", id)),
  filing: (db, id) => first(db.selectFrom("filing").select("projectId as v").where("id", "=", id)),
  handover_catalogue: (db, id) =>
    first(db.selectFrom("handoverCatalogue").select("projectId as v").where("id", "=", id)),
  box: (db, id) => first(db.selectFrom("box").select("projectId as v").where("id", "=", id)),
  intake_batch: (db, id) => first(db.selectFrom("intakeBatch").select("projectId as v").where("id", "=", id)),
  inspection: (db, id) => first(db.selectFrom("inspection").select("projectId as v").where("id", "=", id)),
  project_acceptance: (db, id) =>
    first(db.selectFrom("projectAcceptance").select("projectId as v").where("id", "=", id)),
  rectification_order: (db, id) =>
    first(db.selectFrom("rectificationOrder").select("projectId as v").where("id", "=", id)),
  digitization_media_handover: (db, id) =>
    first(db.selectFrom("digitizationMediaHandover").select("projectId as v").where("id", "=", id)),
};

/** Records that belong to an agency (its facilities): how to find the agency. */
const AGENCY_OF: Record<string, Lookup> = {
  site: (db, id) => first(db.selectFrom("site").select("agencyOrgId as v").where("id", "=", id)),
  vault: (db, id) => first(db.selectFrom("vault").select("agencyOrgId as v").where("id", "=", id)),
  facility_room: (db, id) =>
    first(db.selectFrom("facilityRoom").select("agencyOrgId as v").where("id", "=", id)),
  camera: (db, id) => first(db.selectFrom("camera").select("agencyOrgId as v").where("id", "=", id)),
  fire_alarm: (db, id) => first(db.selectFrom("fireAlarm").select("agencyOrgId as v").where("id", "=", id)),
  protective_equipment: (db, id) =>
    first(db.selectFrom("protectiveEquipment").select("agencyOrgId as v").where("id", "=", id)),
  staff_member: (db, id) =>
    first(db.selectFrom("staffMember").select("agencyOrgId as v").where("id", "=", id)),
  environment_sensor: (db, id) =>
    first(db.selectFrom("environmentSensor").select("agencyOrgId as v").where("id", "=", id)),
  environment_alert: (db, id) =>
    first(db.selectFrom("environmentAlert").select("agencyOrgId as v").where("id", "=", id)),
  location: (db, id) =>
    first(
      db
        .selectFrom("location")
        .innerJoin("vault", "vault.id", "location.vaultId")
        .select("vault.agencyOrgId as v")
        .where("location.id", "=", id),
    ),
  inventory_plan: (db, id) =>
    first(db.selectFrom("inventoryPlan").select("agencyOrgId as v").where("id", "=", id)),
  inventory_check: (db, id) =>
    first(db.selectFrom("inventoryCheck").select("agencyOrgId as v").where("id", "=", id)),
};

export const ENTITY_TYPES = [
  "organisation",
  ...RETRIEVAL_ENTITY_TYPES,
  ...Object.keys(PROJECT_OF),
  ...Object.keys(AGENCY_OF),
] as [string, ...string[]];
export type EntityType = string;

export interface EntityAccess {
  read: boolean;
  attach: boolean;
  confirm: boolean;
  /** Organisations whose data this is: audit scope. */
  orgIds: string[];
}

export function entityAccessResolver(db: Kysely<Database>, projects: ProjectsService) {
  const orgs = organisationsRepository(db);

  async function organisationAccess(actor: Actor, id: string, type: string): Promise<EntityAccess> {
    const org = await db
      .selectFrom("organisation")
      .select(["id", "kind", "district"])
      .where("id", "=", id)
      .executeTakeFirst();
    const shares = !!org && actor.type === "user" && (await orgs.sharesProject(actor.orgId, org.id));
    if (!org || !policy.readOrganisation(actor, org, shares)) throw notFound(type);
    return {
      read: true,
      attach: policy.updateOrganisationProfile(actor, org),
      confirm: false,
      orgIds: [org.id],
    };
  }

  /** An agency's facilities: the agency, its supervisors and the clients it works for. */
  async function agencyAccess(actor: Actor, agencyId: string, type: string): Promise<EntityAccess> {
    const org = await db
      .selectFrom("organisation")
      .select(["id", "kind", "district"])
      .where("id", "=", agencyId)
      .executeTakeFirstOrThrow();
    const own = actor.type === "system" || actor.orgId === agencyId;
    const related =
      own ||
      supervises(actor, org.district) ||
      (actor.type === "user" && (await orgs.sharesProject(actor.orgId, agencyId)));
    if (!related) throw notFound(type);
    const staff =
      actor.type === "system" ||
      (own && actor.roles.some((r) => r === "agency_manager" || r === "agency_vault_keeper"));
    return { read: true, attach: staff, confirm: false, orgIds: [agencyId] };
  }

  /** Access to the record, or NOT_FOUND when the actor may not read it. */
  return async function access(actor: Actor, type: EntityType, id: string): Promise<EntityAccess> {
    if (type === "organisation") return organisationAccess(actor, id, type);
    if ((RETRIEVAL_ENTITY_TYPES as readonly string[]).includes(type))
      return retrievalAccess(db, actor, type, id);
    const agencyOf = AGENCY_OF[type];
    if (agencyOf) {
      const agencyId = await agencyOf(db, id);
      if (!agencyId) throw notFound(type);
      return agencyAccess(actor, agencyId, type);
    }
    const projectOf = PROJECT_OF[type];
    const projectId = projectOf ? await projectOf(db, id) : undefined;
    const p = projectId ? await projects.repo.find(projectId) : undefined;
    if (!p || !policy.readProject(actor, partiesOf(p))) throw notFound(type);
    return {
      read: true,
      attach: policy.attachToProject(actor, partiesOf(p)),
      confirm: policy.confirmForProject(actor, partiesOf(p)),
      orgIds: [p.clientOrgId, p.agencyOrgId],
    };
  };
}
export type EntityAccessResolver = ReturnType<typeof entityAccessResolver>;
