// Applies a backup's records, in file order, inside the restore transaction:
// rows in batches (as JSON text, never parsed here, so numbers stay exact),
// sequences, and blobs into staging. Checks each table against its end record.
import type { BackupRecord, Line, Manifest, TableCount } from "./backup-file.ts";
import type { BlobStaging } from "./blob-staging.ts";
import type { Table } from "./catalog.ts";
import type { Io } from "./io.ts";
import { TableDigest } from "./rows.ts";
import { type Db, ident, qualified, query } from "./sql.ts";

const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

class TableLoader {
  readonly digest = new TableDigest();
  private batch: string[] = [];
  private bytes = 0;
  private readonly sql: string;

  constructor(
    private readonly trx: Db,
    readonly table: Table,
  ) {
    const cols = table.columns
      .filter((c) => !c.generated)
      .map((c) => ident(c.name))
      .join(", ");
    const overriding = table.columns.some((c) => c.identityAlways) ? "OVERRIDING SYSTEM VALUE" : "";
    this.sql = `INSERT INTO ${qualified(table.name)} (${cols}) ${overriding}
      SELECT ${cols} FROM json_populate_recordset(NULL::${qualified(table.name)}, $1::json)`;
  }

  async add(json: string): Promise<void> {
    this.digest.add(json);
    this.batch.push(json);
    this.bytes += json.length;
    if (this.batch.length >= BATCH_ROWS || this.bytes >= BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.batch.length) return;
    const text = `[${this.batch.join(",")}]`;
    this.batch = [];
    this.bytes = 0;
    await query(this.trx, this.sql, [text]);
  }
}

const corrupt = (why: string) => new Error(`The backup is corrupted or incomplete: ${why}`);

export async function applyRecords(
  trx: Db,
  lines: AsyncIterator<Line>,
  tables: Map<string, Table>,
  blobs: BlobStaging,
  io: Io,
): Promise<{ manifest: Manifest; loaded: TableCount[] }> {
  let loader: TableLoader | null = null;
  let manifest: Manifest | null = null;
  const loaded: TableCount[] = [];
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value;
    if (manifest) throw corrupt("records after the manifest");
    if (blobs.expectingChunks && line.kind !== "chunk") throw corrupt("a blob is cut short");
    switch (line.kind) {
      case "row":
        if (!loader) throw corrupt("a row outside a table");
        await loader.add(line.json);
        break;
      case "chunk":
        await blobs.write(line.data);
        break;
      case "table": {
        if (loader) throw corrupt(`table ${loader.table.name} has no end record`);
        const table = tables.get(line.name);
        if (!table) throw corrupt(`unknown table ${line.name}`);
        loader = new TableLoader(trx, table);
        break;
      }
      case "tableEnd": {
        if (loader?.table.name !== line.name) throw corrupt(`unexpected end of table ${line.name}`);
        await loader.flush();
        const got = { name: line.name, rows: loader.digest.rows, sm3: loader.digest.hex() };
        if (got.rows !== line.rows || got.sm3 !== line.sm3)
          throw corrupt(
            `table ${line.name}: ${got.rows} rows read, ${line.rows} recorded, or their digest differs`,
          );
        io.err(`  ${line.name}: ${got.rows} rows`);
        loaded.push(got);
        loader = null;
        break;
      }
      case "sequence":
        await query(trx, "SELECT setval($1::regclass, $2::bigint, $3::boolean)", [
          `public.${ident(line.name)}`,
          line.value,
          line.isCalled,
        ]);
        break;
      case "blob":
        await blobs.begin(line.sm3, line.size);
        break;
      case "manifest":
        if (loader) throw corrupt(`table ${loader.table.name} has no end record`);
        manifest = line;
        break;
      default:
        throw corrupt(`unexpected ${(line as BackupRecord).kind} record`);
    }
  }
  if (!manifest) throw corrupt("no manifest at the end (truncated?)");
  return { manifest, loaded };
}
