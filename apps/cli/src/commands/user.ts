// `dangan user …`: people administration for the operator: add, list, unlock
// after too many failed sign-ins, set a new password. Every change is audited.
import { passwordSchema, systemActor } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { findOrg, findUser } from "../lib/lookup.ts";
import { readPassword } from "../lib/password.ts";
import { validate } from "../lib/validate.ts";
import { userAddCommand } from "./user-add.ts";

export function userCommand(cli: Cli): Command {
  const user = new Command("user").description("Users: add, list, unlock, mfa-reset, passwd");
  user.addCommand(userAddCommand(cli));

  user
    .command("list")
    .description("List users, by organisation")
    .option("--org <name-or-id>", "only this organisation")
    .option("--json", "one JSON object per line")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<{ org?: string; json?: boolean }>(cmd);
        return withServices(o, cli.io, async (s) => {
          const op = systemActor("dangan user list");
          const orgs = o.org
            ? [await findOrg(s.db, o.org)]
            : await s.db.selectFrom("organisation").select(["id", "name"]).orderBy("name").execute();
          for (const org of orgs) {
            for (let page = 1; ; page++) {
              const { items, total } = await s.users.list(op, org.id, undefined, page, 200);
              for (const u of items) {
                const state = !u.active ? "inactive" : u.locked ? "locked" : "active";
                cli.io.out(
                  o.json
                    ? JSON.stringify({ ...u, orgName: org.name })
                    : `${u.username.padEnd(20)} ${state.padEnd(8)} ${u.roles.join(",").padEnd(28)} ${u.displayName}  (${org.name})`,
                );
              }
              if (page * 200 >= total) break;
            }
          }
          return 0;
        });
      }),
    );

  user
    .command("unlock <username>")
    .description("Clear failed sign-ins and the lock on a user")
    .action(
      action(cli, async (username: string, _opts: object, cmd: Command) =>
        withServices(optionsOf(cmd), cli.io, async (s) => {
          const u = await findUser(s.db, username);
          await s.users.unlock(systemActor("dangan user unlock"), u.id);
          cli.io.out(`Unlocked ${u.username}.`);
          return 0;
        }),
      ),
    );

  user
    .command("mfa-reset <username>")
    .description("Remove a user's lost second factor (authenticator and recovery codes); ends their sessions")
    .action(
      action(cli, async (username: string, _opts: object, cmd: Command) =>
        withServices(optionsOf(cmd), cli.io, async (s) => {
          const u = await findUser(s.db, username);
          await s.users.resetMfa(systemActor("dangan user mfa-reset"), u.id);
          cli.io.out(`Second factor of ${u.username} removed; the next sign-in is by password.`);
          return 0;
        }),
      ),
    );

  user
    .command("passwd <username>")
    .description("Set a user's password (from --password, stdin or a prompt); ends their sessions")
    .option("--password <password>", "at least 12 characters (avoid: visible in the process list)")
    .action(
      action(cli, async (username: string, _opts: object, cmd: Command) => {
        const o = optionsOf<{ password?: string }>(cmd);
        const password = validate(
          passwordSchema,
          o.password ?? (await readPassword(cli.io, "New password: ")),
          {
            "": "--password",
          },
        );
        return withServices(o, cli.io, async (s) => {
          const u = await findUser(s.db, username);
          await s.users.resetPassword(systemActor("dangan user passwd"), u.id, password);
          cli.io.out(`Password of ${u.username} changed; their sessions were ended.`);
          return 0;
        });
      }),
    );
  return user;
}
