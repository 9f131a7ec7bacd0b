// `dangan token create`: an API token for an integration, issued in the name of
// an existing user (it acts with that user's roles) and audited as theirs.
import { Command } from "commander";
import { z } from "zod";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { refuse } from "../lib/io.ts";
import { findUser } from "../lib/lookup.ts";
import { loadUserActor } from "../lib/server-internals.ts";
import { validate } from "../lib/validate.ts";
import { dropUndefined } from "./org.ts";

const tokenSchema = z
  .object({
    username: z.string().trim().min(1),
    name: z.string().trim().min(1).max(100),
    days: z.coerce.number().int().min(1).max(3650).optional(),
  })
  .strict();

export function tokenCommand(cli: Cli): Command {
  const token = new Command("token").description("API tokens for integrations: create");
  token
    .command("create")
    .description("Create an API token acting as a user; the token is shown once")
    .option("--username <username>", "(required) the user the token acts as")
    .option("--name <name>", "(required) what the token is for, e.g. the integration's name")
    .option("--days <n>", "expire after n days (default: no expiry)")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<{ username?: string; name?: string; days?: string }>(cmd);
        const input = validate(
          tokenSchema,
          dropUndefined({ username: o.username, name: o.name, days: o.days }),
          {
            username: "--username",
            name: "--name",
            days: "--days",
          },
        );
        return withServices(o, cli.io, async (s) => {
          const u = await findUser(s.db, input.username);
          const actor = await loadUserActor(s.db, u.id);
          if (!actor) throw refuse(`User ${u.username} is inactive: no token issued`);
          const created = await s.auth.createToken(actor, input.name, input.days);
          const expiry = created.expiresAt ? `expires ${created.expiresAt.toISOString()}` : "no expiry";
          cli.io.err(
            `Token "${created.name}" for ${u.username} (${expiry}). It is shown only now; store it safely:`,
          );
          cli.io.out(created.token);
          return 0;
        });
      }),
    );
  return token;
}
