// Every state change runs here: the caller's writes and the audit events that
// record them commit together or not at all.
import type { AuditActor, AuditEventDraft } from "@dangan/domain";
import type { Kysely, Transaction } from "kysely";
import { appendAuditEvents } from "./audit.ts";
import type { Database } from "./schema/index.ts";

export class AuditRecorder {
  readonly drafts: AuditEventDraft[] = [];
  record(draft: AuditEventDraft): void {
    this.drafts.push(draft);
  }
}

export type Tx = Transaction<Database>;

export async function inTransaction<T>(
  db: Kysely<Database>,
  actor: AuditActor,
  work: (trx: Tx, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const audit = new AuditRecorder();
    const result = await work(trx, audit);
    await appendAuditEvents(trx, actor, audit.drafts);
    return result;
  });
}
