// `dangan filings list`: national-scope deposits filed (and not filed) with the
// regulators (G-7), for an operator's report. `dangan agency suspend|reinstate|
// revoke`: change an agency's standing with its reason, audited (G-12).
import { FILING_STATUSES, type StandingAction, systemActor } from "@dangan/domain";
import { Command, Option } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";

export function filingsCommand(cli: Cli): Command {
  const filings = new Command("filings").description("Filings of national-scope deposits (G-7)");
  filings
    .command("list")
    .description("List filings and deposits not yet filed")
    .addOption(new Option("--status <status>", "only filings in this state").choices(FILING_STATUSES))
    .option("--json", "print JSON")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<{ status?: (typeof FILING_STATUSES)[number]; json?: boolean }>(cmd);
        return withServices(o, cli.io, async (s) => {
          const op = systemActor("dangan filings list");
          const { items } = await s.filings.list(op, { status: o.status }, 1, 200);
          const { items: unfiled } = await s.filings.unfiled(op);
          if (o.json) cli.io.out(JSON.stringify({ filings: items, unfiled }, null, 2));
          else {
            for (const f of items)
              cli.io.out(
                `${f.filingNo}\t${f.status}\t${f.projectCode} ${f.projectName}\t${f.clientName}\t→ ${f.regulatorName}`,
              );
            for (const u of unfiled)
              cli.io.out(`UNFILED\t${u.projectCode} ${u.projectName}\t${u.clientName}`);
            cli.io.out(`${items.length} filing(s), ${unfiled.length} unfiled deposit(s)`);
          }
          return EXIT.OK;
        });
      }),
    );
  return filings;
}

const STANDING: { name: StandingAction; description: string }[] = [
  { name: "suspend", description: "Suspend an agency's registration, with the reason (G-12)" },
  { name: "reinstate", description: "Reinstate a suspended agency, with the reason (G-12)" },
  { name: "revoke", description: "Revoke an agency's registration, with the reason (G-12)" },
];

export function agencyCommand(cli: Cli): Command {
  const agency = new Command("agency").description("The agency registry: standing (G-12)");
  for (const { name, description } of STANDING)
    agency
      .command(name)
      .description(description)
      .argument("<agency>", "the agency's name or id")
      .requiredOption("--reason <text>", "why: recorded in the registry and the audit trail")
      .action(
        action(cli, async (who: string, _opts: object, cmd: Command) => {
          const o = optionsOf<{ reason: string }>(cmd);
          return withServices(o, cli.io, async (s) => {
            const row = await s.db
              .selectFrom("organisation")
              .select(["id", "name"])
              .where("kind", "=", "agency")
              .where(/^[0-9a-f-]{36}$/i.test(who) ? "id" : "name", "=", who)
              .executeTakeFirst();
            if (!row) throw refuse(`no agency named ${who}`);
            const r = await s.registry.changeStanding(
              systemActor(`dangan agency ${name}`),
              row.id,
              name,
              o.reason,
            );
            cli.io.out(`${row.name}: ${r.registrationStatus}`);
            return EXIT.OK;
          });
        }),
      );
  return agency;
}
