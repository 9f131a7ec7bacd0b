// `dangan sensors add|import|simulate`: a vault's environment sensors (D-9.4,
// D-9.5) for the operator — register one (its secret and token are printed
// once), load a logger's CSV export, or publish realistic signed readings to
// the MQTT broker for a demo.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { CARRIER_ZONES, type CarrierZone, DomainError, systemActor } from "@dangan/domain";
import { type Services, simulate } from "@dangan/server";
import { Command } from "commander";
import { action, type Cli, optionsOf } from "../lib/command.ts";
import { withServices } from "../lib/context.ts";
import { EXIT, refuse } from "../lib/io.ts";
import { findOrg } from "../lib/lookup.ts";

interface VaultOptions {
  vault?: string;
  agency?: string;
}

/** A vault by code; codes are unique per agency, so --agency settles a clash. */
async function findVault(db: Services["db"], code: string | undefined, agency: string | undefined) {
  if (!code) throw refuse("Give --vault <code>");
  let q = db
    .selectFrom("vault as v")
    .innerJoin("organisation as o", "o.id", "v.agencyOrgId")
    .select(["v.id", "v.code", "o.name as agencyName"])
    .where("v.code", "=", code.trim());
  if (agency) q = q.where("v.agencyOrgId", "=", (await findOrg(db, agency)).id);
  const rows = await q.execute();
  if (rows.length === 0) throw refuse(`No vault with code "${code}"`);
  if (rows.length > 1)
    throw refuse(
      `Several agencies have a vault "${code}"; add --agency`,
      rows.map((r) => r.agencyName),
    );
  return rows[0]!;
}

type SimulateOptions = VaultOptions & {
  minutes: string;
  every: string;
  excursion?: boolean;
  broker?: string;
  secret?: string[];
};

const vaultOptions = (cmd: Command) =>
  cmd
    .option("--vault <code>", "(required) the vault's code")
    .option("--agency <name-or-id>", "the vault's agency, when several agencies use the code");

export function sensorsCommand(cli: Cli): Command {
  const sensors = new Command("sensors").description("Vault environment sensors: add, import, simulate");

  vaultOptions(sensors.command("add").description("Register a sensor; prints its secret and token once"))
    .option("--code <code>", "(required) sensor code, also its MQTT topic: dangan/sensors/<code>/readings")
    .option("--name <name>", "(required) what and where it is, e.g. 一号库东墙温湿度计")
    .option(
      "--zone <zone>",
      `carrier zone it watches (default: the vault's dominant zone): ${CARRIER_ZONES.join(" | ")}`,
    )
    .action(
      action(cli, async (_o: object, cmd: Command) => {
        const o = optionsOf<VaultOptions & { code?: string; name?: string; zone?: string }>(cmd);
        if (!o.code || !o.name) throw refuse("Give --code and --name");
        if (o.zone && !(CARRIER_ZONES as readonly string[]).includes(o.zone))
          throw refuse(`Unknown zone "${o.zone}"`);
        return withServices(o, cli.io, async (s) => {
          const vault = await findVault(s.db, o.vault, o.agency);
          const r = await s.environment.sensors.register(systemActor("dangan sensors add"), vault.id, {
            code: o.code!,
            name: o.name!,
            zone: (o.zone as CarrierZone | undefined) ?? null,
          });
          cli.io.out(
            `Registered sensor ${r.sensor.code} in vault ${vault.code} (${vault.agencyName}): ${r.sensor.id}`,
          );
          cli.io.out("Shown once — store them in the sensor now:");
          cli.io.out(`  HMAC secret (MQTT signatures): ${r.secret}`);
          cli.io.out(`  HTTP token (x-sensor-token):   ${r.token}`);
          return 0;
        });
      }),
    );

  vaultOptions(sensors.command("import").description("Import readings from a CSV file (all or nothing)"))
    .argument(
      "<file>",
      "CSV with sensor_code, at, temperature_c, humidity_pct, lux (or 传感器编号, 时间, 温度, 湿度, 照度)",
    )
    .action(
      action(cli, async (file: string, _o: object, cmd: Command) => {
        const o = optionsOf<VaultOptions>(cmd);
        const text = readFileSync(file, "utf8");
        return withServices(o, cli.io, async (s) => {
          const vault = await findVault(s.db, o.vault, o.agency);
          try {
            const r = await s.environment.imports.importCsv(
              systemActor("dangan sensors import"),
              vault.id,
              text,
              basename(file),
            );
            cli.io.out(
              `Imported ${r.imported} readings into vault ${vault.code}; alerts opened: ${r.alertsOpened}`,
            );
            return 0;
          } catch (e) {
            if (!(e instanceof DomainError) || e.code !== "IMPORT_INVALID") throw e;
            cli.io.err(`✗ ${e.messages.zh} / ${e.messages.en}`);
            for (const p of (e.details?.problems ?? []) as { message: { zh: string; en: string } }[])
              cli.io.err(`  ${p.message.zh} / ${p.message.en}`);
            return EXIT.REFUSED;
          }
        });
      }),
    );

  vaultOptions(
    sensors.command("simulate").description("Publish realistic signed readings to MQTT for a demo"),
  )
    .option("--minutes <n>", "how long to run", "5")
    .option("--every <seconds>", "one reading per sensor every … seconds", "60")
    .option("--excursion", "let the temperature climb past the limit halfway through")
    .option("--broker <url>", "MQTT broker (default $DANGAN_MQTT_URL or mqtt://127.0.0.1:1883)")
    .option(
      "--secret <code=secret>",
      "publish for this sensor without opening the database (repeatable): while `dangan serve` holds the embedded one",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .action(
      action(cli, async (_o: object, cmd: Command) => {
        const o = optionsOf<SimulateOptions>(cmd);
        const minutes = Number(o.minutes);
        const every = Number(o.every);
        if (!(minutes > 0) || !(every >= 1)) throw refuse("--minutes must be > 0 and --every ≥ 1");
        const ticks = Math.max(1, Math.round((minutes * 60) / every));
        const run = async (list: { code: string; secret: string }[], url: string, topicPrefix: string) => {
          cli.io.err(
            `Publishing ${list.length} sensor(s) × ${ticks} to ${url} (${topicPrefix}/<code>/readings)…`,
          );
          const n = await simulate({
            url,
            topicPrefix,
            sensors: list,
            ticks,
            everyMs: every * 1000,
            excursion: o.excursion === true,
            onTick: (tick, published) => cli.io.progress(`tick ${tick}/${ticks}: ${published} readings`),
          });
          cli.io.out(`Published ${n} signed readings.`);
          return 0;
        };
        const env = cli.io.env;
        if (o.secret?.length) {
          const list = o.secret.map((pair) => {
            const [code, secret] = pair.split("=");
            if (!code || !secret) throw refuse(`--secret takes <code>=<secret>, not "${pair}"`);
            return { code, secret };
          });
          const url = o.broker ?? env.DANGAN_MQTT_URL ?? "mqtt://127.0.0.1:1883";
          return run(list, url, env.DANGAN_MQTT_TOPIC_PREFIX ?? "dangan/sensors");
        }
        return withServices(o, cli.io, async (s, { config }) => {
          const vault = await findVault(s.db, o.vault, o.agency);
          const rows = await s.db
            .selectFrom("environmentSensor")
            .select("code")
            .where("vaultId", "=", vault.id)
            .where("active", "=", true)
            .orderBy("code")
            .execute();
          if (!rows.length)
            throw refuse(`Vault ${vault.code} has no active sensor (see: dangan sensors add)`);
          const list = [];
          for (const r of rows)
            list.push({ code: r.code, secret: (await s.environment.directory.byCode(r.code))!.secret });
          const url = o.broker ?? config.environment.mqtt?.url ?? "mqtt://127.0.0.1:1883";
          return run(list, url, config.environment.mqtt?.topicPrefix ?? "dangan/sensors");
        });
      }),
    );
  return sensors;
}
