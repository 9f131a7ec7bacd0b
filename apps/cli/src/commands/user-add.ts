// `dangan user add`: creates a user through the users service as the operator,
// validated with the API's schema and audited.
import { systemActor, userCreateSchema } from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, collect, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { findOrg } from "../lib/lookup.ts";
import { readPassword } from "../lib/password.ts";
import { validate } from "../lib/validate.ts";
import { dropUndefined } from "./org.ts";

interface UserAddOptions {
  org?: string;
  username?: string;
  name?: string;
  role?: string[];
  password?: string;
  phone?: string;
  idNumber?: string;
}

const OPTION_NAMES = {
  orgId: "--org",
  username: "--username",
  displayName: "--name",
  roles: "--role",
  password: "--password",
  phone: "--phone",
  idNumber: "--id-number",
};

export function userAddCommand(cli: Cli): Command {
  return new Command("add")
    .description("Add a user to an organisation (password from --password, stdin or a prompt)")
    .option("--org <name-or-id>", "(required) organisation, by exact name or id")
    .option("--username <username>", "(required) 3–40 letters, digits, dot, dash or underscore")
    .option("--name <display-name>", "(required) the person's name")
    .option("--role <role>", "(required) a role fitting the organisation's kind (repeatable)", collect)
    .option("--password <password>", "at least 12 characters (avoid: visible in the process list)")
    .option("--phone <phone>")
    .option("--id-number <number>")
    .action(
      action(cli, async (_opts: UserAddOptions, cmd: Command) => {
        const o = optionsOf<UserAddOptions>(cmd);
        const fields = dropUndefined({
          username: o.username,
          displayName: o.name,
          roles: o.role,
          phone: o.phone,
          idNumber: o.idNumber,
        });
        // Check what the operator typed before asking for a password or opening the database.
        const early =
          o.password === undefined
            ? userCreateSchema.omit({ orgId: true, password: true })
            : userCreateSchema.omit({ orgId: true });
        validate(early, dropUndefined({ ...fields, password: o.password }), OPTION_NAMES);
        if (!o.org) validate(userCreateSchema.pick({ orgId: true }), {}, OPTION_NAMES);
        const password = o.password ?? (await readPassword(cli.io));
        return withServices(o, cli.io, async (s) => {
          const org = await findOrg(s.db, o.org!);
          const input = validate(userCreateSchema, { ...fields, orgId: org.id, password }, OPTION_NAMES);
          const user = await s.users.create(systemActor("dangan user add"), input);
          cli.io.out(`Added ${user.username} (${user.roles.join(", ")}) to ${org.name}: ${user.id}`);
          return 0;
        });
      }),
    );
}
