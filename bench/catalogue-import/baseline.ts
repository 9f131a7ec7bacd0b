// The baseline: the same rows, already normalised, loaded raw into
// catalogue_item in one transaction — COPY FROM STDIN on a PostgreSQL server;
// embedded, where the socket does not carry COPY, the same batched INSERT the
// import's write phase uses. No parsing, no checks: the cost of the database alone.
import { randomUUID } from "node:crypto";
import {
  copySpool,
  insertSpool,
  type WriteMethod,
} from "../../apps/server/src/modules/catalogues/catalogue-write.ts";
import { writeCopyText } from "./generate.ts";
import type { World } from "./world.ts";

export async function prepareBaseline(
  w: World,
  path: string,
  rows: number,
  fonds: string,
  projectId: string,
) {
  const catalogueId = randomUUID();
  await writeCopyText(path, rows, fonds, { catalogueId, projectId, clientOrgId: w.clientOrgId });
  return catalogueId;
}

export async function rawLoad(
  w: World,
  path: string,
  method: WriteMethod,
  projectId: string,
  catalogueId: string,
) {
  const client = await w.dbh.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      "INSERT INTO handover_catalogue (id, project_id, client_org_id, agency_org_id, title, level) VALUES ($1, $2, $3, $4, 'baseline', 'item')",
      [catalogueId, projectId, w.clientOrgId, w.agencyOrgId],
    );
    if (method === "copy") await copySpool(client, path);
    else await insertSpool(client, path, () => {});
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
