// `dangan loans overdue`: the loans not back by their due date (D-10.6), for an
// operator's morning check; records each newly overdue loan in the audit trail.
import { systemActor } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";

export function loansCommand(cli: Cli): Command {
  const loans = new Command("loans").description("Loans of client archives (D-10.6)");
  loans
    .command("overdue")
    .description("List overdue loans and record newly overdue ones in the audit trail")
    .action(
      action(cli, async (_opts: object, cmd: Command) =>
        withServices(optionsOf(cmd), cli.io, async (s) => {
          const alerted = await s.useServices.loans.checkOverdue();
          const { items, total } = await s.useServices.loanList(
            systemActor("dangan loans overdue"),
            { status: "overdue" },
            1,
            200,
          );
          for (const l of items as {
            requestNo: string;
            clientName: string;
            userName: string;
            dueOn: string;
          }[])
            cli.io.out(`${l.requestNo}\t${l.dueOn}\t${l.clientName}\t${l.userName}`);
          cli.io.out(`${total} overdue loan(s); ${alerted} newly recorded`);
          return total > 0 ? 2 : 0;
        }),
      ),
    );
  return loans;
}
