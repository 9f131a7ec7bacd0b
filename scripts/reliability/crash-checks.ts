// What must hold after every crash, read straight from the database while the
// server is down: no partial import, no half-applied intake step, every box in
// one place (the movement register agrees with the audit trail), whole QC
// results, and an intact audit chain. Each check returns the problems it found.
import { type DbHandle, verifyAuditChain } from "@dangan/db";
import { intakeWorkflow } from "@dangan/domain";
import { sql } from "kysely";
import { dangan, type Target, withDb } from "../../apps/cli/test/helpers.ts";

const count = async (h: DbHandle, q: string) =>
  (await sql<{ n: number }>`${sql.raw(q)}`.execute(h.db)).rows.map((r) => r.n)[0] ?? 0;

async function catalogues(h: DbHandle): Promise<string[]> {
  const problems: string[] = [];
  const partial = await sql<{ id: string; rowCount: number; items: number }>`
    SELECT h.id, h.row_count AS "rowCount", (SELECT count(*)::int FROM catalogue_item i WHERE i.catalogue_id = h.id) AS items
    FROM handover_catalogue h`.execute(h.db);
  for (const c of partial.rows)
    if (c.items !== c.rowCount || c.items === 0)
      problems.push(`catalogue ${c.id}: ${c.items} items, row count ${c.rowCount} (partial import)`);
  const orphan = await count(
    h,
    `SELECT count(*)::int AS n FROM catalogue_import j WHERE (j.status = 'succeeded') <> (j.catalogue_id IS NOT NULL)`,
  );
  if (orphan) problems.push(`${orphan} import jobs whose status disagrees with their catalogue`);
  const events = await count(
    h,
    `SELECT count(*)::int AS n FROM audit_event WHERE action = 'catalogue.imported'`,
  );
  const done = await count(h, `SELECT count(*)::int AS n FROM catalogue_import WHERE status = 'succeeded'`);
  if (events !== done) problems.push(`${done} succeeded imports but ${events} catalogue.imported events`);
  return problems;
}

async function intake(h: DbHandle): Promise<string[]> {
  const problems: string[] = [];
  const rows = await sql<{ id: string; status: string; last: string | null; steps: number; events: number }>`
    SELECT b.id, b.status,
      (SELECT s.action FROM intake_step s WHERE s.batch_id = b.id ORDER BY s.recorded_at DESC, s.id LIMIT 1) AS last,
      (SELECT count(*)::int FROM intake_step s WHERE s.batch_id = b.id) AS steps,
      (SELECT count(*)::int FROM audit_event e WHERE e.entity_id = b.id::text
         AND e.action = 'intake_batch.transitioned') AS events
    FROM intake_batch b`.execute(h.db);
  for (const b of rows.rows) {
    const expected = b.last
      ? intakeWorkflow.transitions.find((t) => t.action === b.last)?.to
      : intakeWorkflow.transitions[0]!.from[0];
    if (b.status !== expected)
      problems.push(`intake batch ${b.id}: status ${b.status}, its last step ${b.last} leads to ${expected}`);
    if (b.steps !== b.events)
      problems.push(`intake batch ${b.id}: ${b.steps} steps, ${b.events} audit events`);
  }
  return problems;
}

async function boxes(h: DbHandle): Promise<string[]> {
  const problems: string[] = [];
  const over = await sql<{ code: string; held: number; capacity: number }>`
    SELECT l.code, count(b.id)::int AS held, l.capacity FROM location l JOIN box b ON b.location_id = l.id
    GROUP BY l.id HAVING count(b.id) > l.capacity`.execute(h.db);
  for (const l of over.rows)
    problems.push(`location ${l.code} holds ${l.held} boxes (capacity ${l.capacity})`);
  const lost = await count(
    h,
    `SELECT count(*)::int AS n FROM box WHERE status = 'shelved' AND location_id IS NULL`,
  );
  if (lost) problems.push(`${lost} shelved boxes without a location`);
  return problems;
}

/** `dangan ledger reconcile`: register and locations rebuilt from the audit trail (D-9.11, D-12.2). */
async function reconcile(t: Target): Promise<string[]> {
  const r = await dangan(["ledger", "reconcile", "--json", ...t.args]);
  if (r.code === 0) return [];
  return [`ledger reconcile exit ${r.code}: ${r.out.slice(0, 500)} ${r.err.slice(0, 300)}`];
}

async function deliveries(h: DbHandle): Promise<string[]> {
  const rows = await sql<{ id: string; status: string; total: number; files: number }>`
    SELECT d.id, d.status, d.total_files AS total,
      (SELECT count(*)::int FROM digitization_delivery_file f WHERE f.delivery_id = d.id) AS files
    FROM digitization_delivery d`.execute(h.db);
  return rows.rows
    .filter((d) => (d.status === "checked" ? d.files !== d.total : d.files !== 0))
    .map((d) => `delivery ${d.id}: ${d.status} with ${d.files} file rows of ${d.total}`);
}

async function audit(h: DbHandle): Promise<string[]> {
  const v = await verifyAuditChain(h.db);
  return v.ok ? [] : [`audit chain broken at ${v.firstBreak?.seq} (${v.firstBreak?.kind})`];
}

/** Every invariant, on the database of a stopped server (one opener at a time: the embedded folder is locked). */
export async function offlineChecks(t: Target): Promise<string[]> {
  const found = await withDb(t, async (h) => [
    ...(await catalogues(h)),
    ...(await intake(h)),
    ...(await boxes(h)),
    ...(await deliveries(h)),
    ...(await audit(h)),
  ]);
  return found.concat(await reconcile(t));
}
