// `dangan labels locations`: the printable location labels of a vault (D-9.1),
// the same PDF the web UI serves, written to a file by the operator.
import { writeFileSync } from "node:fs";
import { CARRIER_ZONES, systemActor } from "@dangan/domain";
import { Command } from "commander";
import { z } from "zod";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { refuse } from "../lib/io.ts";
import { findOrg } from "../lib/lookup.ts";
import { validate } from "../lib/validate.ts";
import { dropUndefined } from "./org.ts";

const labelsSchema = z
  .object({
    vault: z.string().trim().min(1),
    agency: z.string().trim().min(1).optional(),
    out: z.string().trim().min(1),
    row: z.coerce.number().int().min(1).max(999).optional(),
    zone: z.enum(CARRIER_ZONES).optional(),
  })
  .strict();

interface LabelsOptions {
  vault?: string;
  agency?: string;
  out?: string;
  row?: string;
  zone?: string;
}

/**
 * Adds `labels locations` to the program's `labels` group (other modules add
 * their own label commands to it, e.g. `labels boxes`), creating the group if
 * no module has yet.
 */
export function addLocationLabels(program: Command, cli: Cli): void {
  let labels = program.commands.find((c) => c.name() === "labels");
  if (!labels) {
    labels = new Command("labels").description("Printable labels: locations");
    program.addCommand(labels);
  } else labels.description(`${labels.description()}, locations`);
  labels
    .command("locations")
    .description("Write a vault's location labels (Code 128) to a PDF")
    .option("--vault <code>", "(required) the vault code")
    .option("--agency <name>", "the agency's name or id, when several agencies use the code")
    .option("--out <file.pdf>", "(required) where to write the PDF")
    .option("--row <n>", "only this row")
    .option("--zone <zone>", `only this carrier zone: ${CARRIER_ZONES.join(" | ")}`)
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<LabelsOptions>(cmd);
        const input = validate(
          labelsSchema,
          dropUndefined({ vault: o.vault, agency: o.agency, out: o.out, row: o.row, zone: o.zone }),
        );
        return withServices(o, cli.io, async (s) => {
          const agency = input.agency ? await findOrg(s.db, input.agency) : undefined;
          let q = s.db
            .selectFrom("vault as v")
            .innerJoin("organisation as a", "a.id", "v.agencyOrgId")
            .select(["v.id", "a.name as agencyName"])
            .where("v.code", "=", input.vault);
          if (agency) q = q.where("v.agencyOrgId", "=", agency.id);
          const vaults = await q.execute();
          if (vaults.length === 0)
            throw refuse(`No vault with code "${input.vault}"${agency ? ` at ${agency.name}` : ""}`);
          if (vaults.length > 1)
            throw refuse(
              `Several agencies have a vault "${input.vault}"; name one with --agency`,
              vaults.map((v) => v.agencyName),
            );
          const op = systemActor("dangan labels locations");
          const { pdf, count } = await s.facilities.labels(op, vaults[0]!.id, {
            row: input.row,
            zone: input.zone,
          });
          writeFileSync(input.out, pdf);
          cli.io.err(
            `${count} labels for vault ${input.vault} (${vaults[0]!.agencyName}) written to ${input.out}`,
          );
          return 0;
        });
      }),
    );
}
