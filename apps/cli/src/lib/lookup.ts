// Operators name organisations and users the way they know them: an
// organisation by id or exact name, a user by username.
import type { Database } from "@dangan/db";
import type { Kysely } from "kysely";
import { refuse } from "./io.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findOrg(db: Kysely<Database>, nameOrId: string) {
  const rows = await db
    .selectFrom("organisation")
    .select(["id", "name", "kind"])
    .where((eb) =>
      UUID.test(nameOrId) ? eb("id", "=", nameOrId.toLowerCase()) : eb("name", "=", nameOrId.trim()),
    )
    .execute();
  if (rows.length === 0)
    throw refuse(`No organisation named or with id "${nameOrId}" (see: dangan org list)`);
  if (rows.length > 1)
    throw refuse(`Several organisations are named "${nameOrId}"; give the id instead`, [
      ...rows.map((r) => `${r.id}  ${r.kind}`),
    ]);
  return rows[0]!;
}

export async function findUser(db: Kysely<Database>, username: string) {
  const row = await db
    .selectFrom("appUser")
    .select(["id", "username", "orgId", "active"])
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) throw refuse(`No user "${username}" (see: dangan user list)`);
  return row;
}
