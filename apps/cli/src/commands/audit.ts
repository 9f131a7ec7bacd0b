// `dangan audit verify`: recomputes the whole audit hash chain [G-7][D-12.2].
// An intact chain can still have lost its tail; --expect-head compares with a
// head recorded earlier (e.g. in the operations log or a backup manifest).
import { type VerifyResult, verifyAuditChain } from "@dangan/db";
import { Command } from "commander";
import { hasTable } from "../lib/catalog.ts";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { type GlobalOptions, withDatabase } from "../lib/context.ts";
import { EXIT, type Io, refuse } from "../lib/io.ts";

export interface AuditVerifyOptions extends GlobalOptions {
  json?: boolean;
  expectHead?: string;
}

export function auditCommand(cli: Cli): Command {
  const audit = new Command("audit").description("Audit log: verify the hash chain");
  audit
    .command("verify")
    .description("Verify the audit hash chain; exit 0 when intact, 1 when broken or truncated")
    .option("--json", "print the result as JSON")
    .option("--expect-head <seq:hash>", "fail unless the chain still holds this event (detects a cut tail)")
    .action(action(cli, async (_opts: object, cmd: Command) => auditVerify(optionsOf(cmd), cli.io)));
  return audit;
}

export async function auditVerify(opts: AuditVerifyOptions, io: Io): Promise<number> {
  const expected = opts.expectHead ? parseHead(opts.expectHead) : null;
  return withDatabase(opts, io, async (dbh) => {
    if (!(await hasTable(dbh.db, "audit_event")))
      throw refuse("This database has no Dangan schema (run: dangan migrate)");
    const started = Date.now();
    const result = await verifyAuditChain(dbh.db, (n) => {
      if (Date.now() - started > 1000) io.progress(`verified ${n} events…`);
    });
    io.progress("");
    const brokenAt = result.firstBreak
      ? await dbh.db
          .selectFrom("auditEvent")
          .select(["action", "at"])
          .where("seq", "=", result.firstBreak.seq)
          .executeTakeFirst()
      : undefined;
    let truncation: string | null = null;
    if (expected && result.ok) {
      const held = await dbh.db
        .selectFrom("auditEvent")
        .select("hash")
        .where("seq", "=", expected.seq)
        .executeTakeFirst();
      if (!held) truncation = `event ${expected.seq} is missing: the chain ends at ${result.head.seq}`;
      else if (held.hash !== expected.hash)
        truncation = `event ${expected.seq} has hash ${held.hash}, not ${expected.hash}`;
    }
    const ok = result.ok && truncation === null;
    if (opts.json) {
      io.out(
        JSON.stringify({ ...result, ok, brokenEvent: brokenAt ?? null, expectedHead: expected, truncation }),
      );
    } else printResult(io, result, brokenAt?.action, truncation);
    return ok ? EXIT.OK : EXIT.FAILED;
  });
}

function printResult(io: Io, r: VerifyResult, action: string | undefined, truncation: string | null): void {
  if (r.firstBreak) {
    const b = r.firstBreak;
    const why = {
      sequence_gap: `sequence gap (expected seq ${"expectedSeq" in b ? b.expectedSeq : "?"})`,
      prev_hash_mismatch: "does not link to the event before it (inserted, deleted or reordered)",
      hash_mismatch: "content does not match its hash (edited)",
    }[b.kind];
    io.out(`Audit chain BROKEN at seq ${b.seq}${action ? ` (${action})` : ""}: ${b.kind} — ${why}`);
    io.out(`${r.count} events read up to the break.`);
    return;
  }
  io.out(`Audit chain intact: ${r.count} events, head seq ${r.head.seq}, hash ${r.head.hash}`);
  if (truncation) io.out(`TRUNCATED: ${truncation}`);
}

function parseHead(text: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  if (!m) throw refuse("--expect-head takes <seq>:<hash>, e.g. 1234:9f2c…(64 hex digits)");
  return { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
}
