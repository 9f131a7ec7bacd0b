// `dangan org add|list`: registers organisations as the operator, so a real
// instance can be bootstrapped without demo data. Validated and audited like the API.
import {
  ORG_KINDS,
  organisationCreateSchema,
  REGULATOR_LEVELS,
  SERVICE_TYPES,
  systemActor,
} from "@dangan/domain";
import { Command } from "commander";
import { action, type Cli, collect, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { validate } from "../lib/validate.ts";

interface OrgAddOptions {
  kind?: string;
  name?: string;
  district?: string;
  creditCode?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  regulatorLevel?: string;
  supervisedDistrict?: string[];
  serviceType?: string[];
  licence?: string;
  businessScope?: string;
  foreignBacked?: boolean;
}

const OPTION_NAMES: Record<string, string> = {
  creditCode: "--credit-code",
  contactName: "--contact-name",
  contactPhone: "--contact-phone",
  regulatorLevel: "--regulator-level",
  supervisedDistricts: "--supervised-district",
  serviceTypes: "--service-type",
  licenceNumber: "--licence",
  businessScope: "--business-scope",
  foreignBacked: "--foreign-backed",
};

export function orgCommand(cli: Cli): Command {
  const org = new Command("org").description("Organisations (regulators, clients, agencies): add, list");

  org
    .command("add")
    .description("Register an organisation (audited as the operator)")
    .option("--kind <kind>", `(required) ${ORG_KINDS.join(" | ")}`)
    .option("--name <name>", "(required) full registered name")
    .option("--district <district>", "(required) Shanghai district code, e.g. pudong, jiading")
    .option("--credit-code <code>", "unified social credit code (18 characters)")
    .option("--address <address>")
    .option("--contact-name <name>")
    .option("--contact-phone <phone>")
    .option("--regulator-level <level>", `regulators: ${REGULATOR_LEVELS.join(" | ")}`)
    .option(
      "--supervised-district <district>",
      "district regulators: a supervised district (repeatable)",
      collect,
    )
    .option("--service-type <type>", `agencies: ${SERVICE_TYPES.join(" | ")} (repeatable)`, collect)
    .option("--licence <number>", "agencies: business licence number")
    .option("--business-scope <text>", "agencies: business scope")
    .option("--foreign-backed", "agencies: foreign-invested or foreign-controlled")
    .action(
      action(cli, async (_opts: OrgAddOptions, cmd: Command) => {
        const o = optionsOf<OrgAddOptions>(cmd);
        const input = validate(
          organisationCreateSchema,
          dropUndefined({
            kind: o.kind,
            name: o.name,
            district: o.district,
            creditCode: o.creditCode,
            address: o.address,
            contactName: o.contactName,
            contactPhone: o.contactPhone,
            regulatorLevel: o.regulatorLevel,
            supervisedDistricts: o.supervisedDistrict,
            serviceTypes: o.serviceType,
            licenceNumber: o.licence,
            businessScope: o.businessScope,
            foreignBacked: o.foreignBacked,
          }),
          OPTION_NAMES,
        );
        return withServices(o, cli.io, async (s) => {
          const created = await s.organisations.create(systemActor("dangan org add"), input);
          cli.io.out(`Registered ${created.kind} "${created.name}" (${created.district}): ${created.id}`);
          return 0;
        });
      }),
    );

  org
    .command("list")
    .description("List organisations")
    .option("--kind <kind>", ORG_KINDS.join(" | "))
    .option("--json", "one JSON object per line")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<{ kind?: "regulator" | "client" | "agency"; json?: boolean }>(cmd);
        return withServices(o, cli.io, async (s) => {
          const op = systemActor("dangan org list");
          for (let page = 1; ; page++) {
            const { items, total } = await s.organisations.list(op, { kind: o.kind }, page, 200);
            for (const org of items) {
              if (o.json) cli.io.out(JSON.stringify(org));
              else {
                const extra =
                  org.kind === "agency" ? `  [${org.serviceTypes.join(",")}; ${org.registrationStatus}]` : "";
                const level = org.regulatorLevel ? `  [${org.regulatorLevel}]` : "";
                cli.io.out(
                  `${org.id}  ${org.kind.padEnd(9)} ${org.district.padEnd(10)} ${org.name}${level}${extra}`,
                );
              }
            }
            if (page * 200 >= total) break;
          }
          return 0;
        });
      }),
    );
  return org;
}

/** Options left out stay out, so the strict schema reports only what was given wrongly. */
export const dropUndefined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
