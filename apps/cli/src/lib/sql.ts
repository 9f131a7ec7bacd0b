// Raw SQL for the backup machinery, which works on whatever tables the
// migrations created rather than on the typed schema.
import { CompiledQuery, type Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: any Kysely (database, transaction, connection) will do
export type Db = Kysely<any>;

export async function query<R = Record<string, unknown>>(db: Db, text: string, params: unknown[] = []) {
  const r = await db.executeQuery<R>(CompiledQuery.raw(text, params));
  return r.rows;
}

/** Quotes an identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export const qualified = (table: string) => `public.${ident(table)}`;

/**
 * Fixes everything that changes how values render as text, so the same rows
 * give the same bytes (and digests) on PGlite and on any PostgreSQL server.
 * SET LOCAL: only for the current transaction.
 */
export async function canonicalSession(db: Db): Promise<void> {
  await query(
    db,
    `SET LOCAL TIME ZONE 'UTC'; SET LOCAL datestyle = 'ISO, YMD'; SET LOCAL intervalstyle = 'postgres';
     SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'`,
  );
}
