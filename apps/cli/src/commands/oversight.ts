// `dangan oversight sample`: draw (and record) the yearly spot-check sample of a
// regulator from a seed (G-7); `--dry-run` only shows it. `dangan oversight
// escalate`: mark rectification orders past their deadline (run daily).
import { NATIONAL_MODES, type NationalMode, systemActor } from "@dangan/domain";
import { Command, Option } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SampleOptions {
  year: string;
  rate: string;
  seed?: string;
  regulator?: string;
  national: NationalMode;
  weight: string;
  dryRun?: boolean;
  json?: boolean;
}

export function oversightCommand(cli: Cli): Command {
  const oversight = new Command("oversight").description(
    "Regulator oversight: yearly spot checks, rectification deadlines",
  );
  oversight
    .command("sample")
    .description(
      "Draw the yearly spot-check sample from a recorded seed, stratified by service type and district",
    )
    .requiredOption("--year <year>", "the plan's year")
    .requiredOption("--rate <rate>", "sampling rate, above 0 and at most 1 (e.g. 0.2)")
    .option("--seed <seed>", "the seed (a random one is made and printed when omitted)")
    .option("--regulator <name|id>", "the regulator the plan is for (default: the city regulator)")
    .addOption(
      new Option("--national <mode>", "national-scope projects").choices(NATIONAL_MODES).default("always"),
    )
    .option("--weight <n>", "with --national weighted: how many times likelier", "3")
    .option("--dry-run", "show the sample without recording the plan")
    .option("--json", "print JSON")
    .action(
      action(cli, async (_opts: object, cmd: Command) => {
        const o = optionsOf<SampleOptions>(cmd);
        return withServices(o, cli.io, async (s) => {
          const regulators = await s.db
            .selectFrom("organisation")
            .select(["id", "name", "regulatorLevel"])
            .where("kind", "=", "regulator")
            .execute();
          const regulator = o.regulator
            ? regulators.find((r) =>
                UUID.test(o.regulator!) ? r.id === o.regulator : r.name === o.regulator,
              )
            : regulators.find((r) => r.regulatorLevel === "city");
          if (!regulator) throw refuse(`No regulator "${o.regulator ?? "city"}"`);
          const input = {
            year: Number(o.year),
            rate: Number(o.rate),
            seed: o.seed ?? Math.random().toString(36).slice(2, 12),
            nationalMode: o.national,
            nationalWeight: Number(o.weight),
          };
          if (!Number.isInteger(input.year) || !(input.rate > 0 && input.rate <= 1))
            throw refuse("--year must be a year and --rate within (0, 1]");
          const op = systemActor("dangan oversight sample");
          const drawn = await s.oversight.sampling.preview(op, input, regulator.id);
          const names = new Map(
            (
              await s.db
                .selectFrom("project")
                .select(["id", "code", "name"])
                .where("id", "in", drawn.sample.length ? drawn.sample.map((x) => x.id) : [""])
                .execute()
            ).map((p) => [p.id, `${p.code} ${p.name}`]),
          );
          let planId: string | null = null;
          if (!o.dryRun) planId = (await s.oversight.sampling.create(op, input, regulator.id)).id;
          const result = {
            regulator: regulator.name,
            ...input,
            planId,
            population: drawn.population,
            sample: drawn.sample,
          };
          if (o.json) cli.io.out(JSON.stringify(result));
          else {
            cli.io.out(
              `${regulator.name} ${input.year}: seed ${input.seed}, rate ${input.rate}, national ${input.nationalMode}`,
            );
            cli.io.out(
              `Population ${drawn.population}, sampled ${drawn.sample.length}${planId ? `, plan ${planId}` : " (dry run)"}`,
            );
            for (const x of drawn.sample)
              cli.io.out(`  ${x.stratum.padEnd(28)} ${x.reason.padEnd(8)} ${names.get(x.id) ?? x.id}`);
          }
          return EXIT.OK;
        });
      }),
    );
  oversight
    .command("escalate")
    .description("Mark rectification orders past their deadline as escalated (once each)")
    .action(
      action(cli, async (_opts: object, cmd: Command) =>
        withServices(optionsOf<object>(cmd), cli.io, async (s) => {
          const r = await s.oversight.rectifications.escalate(systemActor("dangan oversight escalate"));
          cli.io.out(`Escalated ${r.escalated} overdue rectification orders`);
          return EXIT.OK;
        }),
      ),
    );
  return oversight;
}
