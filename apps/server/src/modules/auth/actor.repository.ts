// Builds the acting user, with their organisation's kind and supervision area.

import type { Database } from "@dangan/db";
import type { District, Role, UserActor } from "@dangan/domain";
import type { Kysely } from "kysely";

export async function loadUserActor(db: Kysely<Database>, userId: string): Promise<UserActor | null> {
  const row = await db
    .selectFrom("appUser as u")
    .innerJoin("organisation as o", "o.id", "u.orgId")
    .select(["u.id", "u.orgId", "u.roles", "u.active", "o.kind", "o.regulatorLevel", "o.supervisedDistricts"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row?.active) return null;
  return {
    type: "user",
    userId: row.id,
    orgId: row.orgId,
    orgKind: row.kind,
    roles: row.roles as Role[],
    regulatorLevel: row.regulatorLevel,
    supervisedDistricts: row.supervisedDistricts as District[],
  };
}
