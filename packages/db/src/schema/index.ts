// Kysely table types, camelCased (CamelCasePlugin maps to snake_case columns).
// Written by hand beside the SQL migrations, one file per migration's module;
// packages/db/test/schema.test.ts checks that the tables and columns exist.
// A new module adds its file here and one interface to `Database`.
import type { CoreTables } from "./core.ts";
import type { CustodyCoreTables } from "./custody-core.ts";

export type * from "./core.ts";
export type * from "./custody-core.ts";

export interface Database extends CoreTables, CustodyCoreTables {}
