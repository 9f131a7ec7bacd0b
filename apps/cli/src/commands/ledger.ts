// `dangan ledger reconcile`: rebuilds the movement register and every box's
// location from the audit trail and lists what differs [D-12.2]. Exit 0 when
// nothing differs, 1 when something does.
import { systemActor } from "@dangan/domain";
import type { LedgerReconciliation } from "@dangan/server";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, type Io, refuse } from "../lib/io.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ledgerCommand(cli: Cli): Command {
  const ledger = new Command("ledger").description("Custody ledgers: reconcile with the audit trail");
  ledger
    .command("reconcile")
    .description(
      "Rebuild the movement register and box locations from the audit trail; exit 1 on any difference",
    )
    .option("--project <code|id>", "only the boxes of this project")
    .option("--json", "print the result as JSON")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<{ project?: string; json?: boolean }>(cmd);
        return withServices(o, cli.io, async (s) => {
          let projectId: string | undefined;
          if (o.project) {
            const p = await s.db
              .selectFrom("project")
              .select("id")
              .where(UUID.test(o.project) ? "id" : "code", "=", o.project.trim())
              .executeTakeFirst();
            if (!p) throw refuse(`No project with code or id "${o.project}"`);
            projectId = p.id;
          }
          const r = await s.statistics.reconcile(systemActor("dangan ledger reconcile"), projectId);
          if (o.json) cli.io.out(JSON.stringify(r));
          else print(cli.io, r);
          return r.ok ? EXIT.OK : EXIT.FAILED;
        });
      }),
    );
  return ledger;
}

type Diff = LedgerReconciliation["differences"][number];

/** A location by its vault and code when the report names one, else the raw value. */
const where = (d: Diff, side: "register" | "audit") => {
  const r = d as Diff & Partial<Record<"register" | "audit" | "registerPlace" | "auditPlace", string | null>>;
  return r[`${side}Place`] ?? r[side] ?? null;
};

function print(io: Io, r: LedgerReconciliation): void {
  const kinds = (k: Record<string, number>) =>
    Object.entries(k)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(", ") || "none";
  io.out(`Boxes: ${r.boxes}`);
  io.out(`Register:    ${r.register.movements} movements (${kinds(r.register.byKind)})`);
  io.out(`Audit trail: ${r.audit.movements} movements (${kinds(r.audit.byKind)})`);
  if (r.ok) {
    io.out("Ledger reconciled: no differences.");
    return;
  }
  io.out(`DIFFERENCES: ${r.differences.length}`);
  for (const d of r.differences) {
    const box = `box ${d.boxNo ?? "?"} (${d.barcode ?? d.boxId})`;
    if (d.kind === "register_altered")
      io.out(
        `  ${d.kind}  ${box}  movement ${d.movementId}: ${d.field} is ${where(d, "register")}, audit says ${where(d, "audit")}`,
      );
    else if (d.kind === "location_mismatch")
      io.out(
        `  ${d.kind}  ${box}: at ${where(d, "register") ?? "no location"}, audit says ${where(d, "audit") ?? "no location"}`,
      );
    else io.out(`  ${d.kind}  ${box}  movement ${d.movementId}`);
  }
}
