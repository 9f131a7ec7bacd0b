// The open points of each final-acceptance item (G-11, Z-8.2), read from the
// data the modules keep. Digitization items come from the site and originals
// modules and the QC results; the common ones from the ledger and oversight.
import type { Database } from "@dangan/db";
import type { Message } from "@dangan/domain";
import { type Kysely, sql } from "kysely";

/** What the digitization modules report as still open for a project. */
export interface DigitizationOpenPoints {
  devices(projectId: string): Promise<Message[]>;
  mediaHandover(projectId: string): Promise<Message[]>;
  originalsReturned(projectId: string): Promise<Message[]>;
  quality(projectId: string): Promise<Message[]>;
}

const count = (n: number, zh: string, en: string): Message[] =>
  n > 0 ? [{ zh: `${n} ${zh}`, en: `${n} ${en}` }] : [];

async function commonOpenPoints(db: Kysely<Database>, projectId: string) {
  const r = await sql<{ problems: number; orders: number; incidents: number }>`SELECT
      (SELECT count(*)::int FROM ledger_entry WHERE project_id = ${projectId} AND kind = 'problem' AND status = 'open') AS problems,
      (SELECT count(*)::int FROM rectification_order WHERE project_id = ${projectId} AND status <> 'accepted') AS orders,
      (SELECT count(*)::int FROM incident WHERE project_id = ${projectId} AND status <> 'closed') AS incidents`.execute(
    db,
  );
  const c = r.rows[0]!;
  return {
    ledger_problems: count(c.problems, "个台帐问题未整改", "ledger problem(s) open"),
    rectifications: count(c.orders, "份整改通知未验收", "rectification order(s) not accepted"),
    incidents: count(c.incidents, "起安全事件未结案", "incident(s) not closed"),
  };
}

export async function acceptanceOpenPoints(
  db: Kysely<Database>,
  digitization: DigitizationOpenPoints,
  project: { id: string; serviceType: string },
): Promise<Record<string, Message[]>> {
  const common = await commonOpenPoints(db, project.id);
  if (project.serviceType !== "digitization") return common;
  const [devices, mediaHandover, originals, quality] = await Promise.all([
    digitization.devices(project.id),
    digitization.mediaHandover(project.id),
    digitization.originalsReturned(project.id),
    digitization.quality(project.id),
  ]);
  return {
    ...common,
    devices,
    media_handover: mediaHandover,
    originals_returned: originals,
    quality,
  };
}
