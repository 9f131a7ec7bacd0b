// Realistic signed readings for demos and benchmarks: each sensor drifts slowly
// around its own baseline (a daily wave plus noise); lights come on now and
// then; `excursion` makes the temperature climb past the paper limit.
import { signReading } from "@dangan/domain";
import mqtt from "mqtt";

export interface SimulatedSensor {
  code: string;
  secret: string;
}

export interface Reading {
  at: string;
  temperatureC: number;
  humidityPct: number;
  lux: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The reading of sensor number `i` at time `at`; `heat` adds degrees (excursions). */
export function simulatedReading(i: number, at: Date, heat = 0, random = Math.random): Reading {
  const day = (at.getTime() % 86_400_000) / 86_400_000;
  const wave = Math.sin(2 * Math.PI * (day - 0.3));
  return {
    at: at.toISOString(),
    temperatureC: round1(19 + (i % 5) * 0.4 + wave * 0.8 + (random() - 0.5) * 0.3 + heat),
    humidityPct: round1(51 + (i % 3) + wave * 2 + (random() - 0.5)),
    lux: random() < 0.1 ? round1(35 + random() * 10) : round1(random() * 5),
  };
}

export const signedPayload = (s: SimulatedSensor, r: Reading) =>
  JSON.stringify({ ...r, sig: signReading(s.secret, s.code, r) });

/** Publishes one reading per sensor every `everyMs`, `ticks` times, in real time. */
export async function simulate(opts: {
  url: string;
  topicPrefix: string;
  sensors: SimulatedSensor[];
  ticks: number;
  everyMs: number;
  excursion?: boolean;
  onTick?: (tick: number, published: number) => void;
}): Promise<number> {
  const client = await mqtt.connectAsync(opts.url, { clientId: `dangan-simulate-${process.pid}` });
  let published = 0;
  try {
    for (let tick = 0; tick < opts.ticks; tick++) {
      const heat = opts.excursion && tick >= opts.ticks / 2 ? 3 + (tick - opts.ticks / 2) : 0;
      const at = new Date();
      await Promise.all(
        opts.sensors.map((s, i) =>
          client.publishAsync(
            `${opts.topicPrefix}/${s.code}/readings`,
            signedPayload(s, simulatedReading(i, at, heat)),
            {
              qos: 1,
            },
          ),
        ),
      );
      published += opts.sensors.length;
      opts.onTick?.(tick + 1, published);
      if (tick + 1 < opts.ticks) await new Promise((r) => setTimeout(r, opts.everyMs));
    }
  } finally {
    await client.endAsync();
  }
  return published;
}
