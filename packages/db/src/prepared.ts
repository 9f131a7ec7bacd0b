// Named prepared statements for the few hot statements that mark themselves.
// Kysely sends every statement unnamed, so PostgreSQL parses, analyses and
// plans it on each call; planning the catalogue search costs more than running
// it on PGlite (docs/adr/0008-generic-plan-for-catalogue-search.md). A statement
// whose text starts with `select /* prepared */` (Kysely: `.modifyFront(PREPARED)`)
// is sent under a name derived from its text, so the connection parses it once
// and PostgreSQL may keep its plan.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type pg from "pg";

/** Put on a select with `.modifyFront(PREPARED)` to send it as a named prepared statement. */
export const PREPARED = sql.raw("/* prepared */");

const MARK = "select /* prepared */ ";

/**
 * Distinct statement texts named at most; past this, marked statements go
 * unnamed. The texts come from a fixed set of filter combinations, so the cap
 * only guards a connection's memory against a mistake.
 */
const MAX_NAMES = 500;

const names = new Map<string, string>();

/** The statement's name: a digest of its text (the same text, the same name, on every connection). */
export function preparedName(text: string): string | null {
  let name = names.get(text);
  if (name) return name;
  if (names.size >= MAX_NAMES) return null;
  name = `dangan_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
  names.set(text, name);
  return name;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Sends marked statements of every client of `pool` under their name. (A new
 * connection to PGlite finds its session reset, prepared statements included:
 * embedded/socket-server.mjs.)
 */
export function namePreparedStatements(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as Query;
    (client as { query: Query }).query = (text: unknown, ...rest: unknown[]) => {
      const name = typeof text === "string" && text.startsWith(MARK) ? preparedName(text) : null;
      if (!name) return query(text, ...rest);
      const [values, callback] = rest;
      return query({ name, text, values }, ...(callback ? [callback] : []));
    };
  });
}
