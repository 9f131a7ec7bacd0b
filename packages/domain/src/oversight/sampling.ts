// G-7: the yearly special spot check. A random sample of projects that anyone
// can reproduce from the recorded seed: stratified by service type and
// district, sized by the regulator's rate, national-scope projects always
// included or weighted. Pure: the same population, rate and seed give the
// same sample on any machine.
import { DomainError } from "../errors/domain-error.ts";

export const NATIONAL_MODES = ["always", "weighted"] as const;
export type NationalMode = (typeof NATIONAL_MODES)[number];

export interface SampleCandidate {
  id: string;
  serviceType: string;
  district: string;
  national: boolean;
}

export interface SampleOptions {
  rate: number;
  seed: string;
  nationalMode: NationalMode;
  /** With "weighted": how many times likelier a national-scope project is drawn. */
  nationalWeight: number;
}

export interface Sampled {
  id: string;
  stratum: string;
  /** Why: drawn at random, or included because it holds national-scope archives. */
  reason: "drawn" | "national";
}

/** FNV-1a over the seed's UTF-16 units: a 32-bit start state for the generator. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast and identical everywhere; not for secrets. */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const stratumOf = (c: SampleCandidate) => `${c.serviceType}/${c.district}`;

export function assertSamplingRate(rate: number): void {
  if (!(rate > 0 && rate <= 1))
    throw new DomainError({
      code: "SAMPLING_RATE_INVALID",
      status: 422,
      clause: "G-7",
      message: { zh: "抽查比例须大于0且不超过100%", en: "The sampling rate must be above 0 and at most 1" },
    });
}

/** Stratum sizes by largest remainder, so the total is round(N × rate) and every
 *  stratum gets its proportional share; ties go to the larger, then the first stratum. */
function allocate(sizes: [string, number][], rate: number, total: number): Map<string, number> {
  const quotas = sizes.map(([s, n]) => ({ s, n, q: n * rate, k: Math.floor(n * rate) }));
  let left = total - quotas.reduce((sum, x) => sum + x.k, 0);
  const order = [...quotas].sort((a, b) => b.q - b.k - (a.q - a.k) || b.n - a.n || a.s.localeCompare(b.s));
  for (const x of order) {
    if (left <= 0) break;
    if (x.k < x.n) {
      x.k++;
      left--;
    }
  }
  return new Map(quotas.map((x) => [x.s, x.k]));
}

export function drawSample(population: readonly SampleCandidate[], opts: SampleOptions): Sampled[] {
  assertSamplingRate(opts.rate);
  const random = seededRandom(opts.seed);
  // Order never depends on how the caller listed the population.
  const sorted = [...population].sort((a, b) => a.id.localeCompare(b.id));
  const always = opts.nationalMode === "always" ? sorted.filter((c) => c.national) : [];
  const pool = sorted.filter((c) => !always.includes(c));
  const strata = new Map<string, SampleCandidate[]>();
  for (const c of pool) strata.set(stratumOf(c), [...(strata.get(stratumOf(c)) ?? []), c]);
  const names = [...strata.keys()].sort();
  const quota = allocate(
    names.map((s) => [s, strata.get(s)?.length ?? 0]),
    opts.rate,
    Math.round(pool.length * opts.rate),
  );
  const out: Sampled[] = always.map((c) => ({ id: c.id, stratum: stratumOf(c), reason: "national" }));
  for (const s of names) {
    const members = strata.get(s) ?? [];
    // Weighted draw without replacement (Efraimidis–Spirakis): key = u^(1/w).
    const keyed = members.map((c) => {
      const w = c.national && opts.nationalMode === "weighted" ? Math.max(1, opts.nationalWeight) : 1;
      return { c, key: random() ** (1 / w) };
    });
    keyed.sort((a, b) => b.key - a.key);
    for (const { c } of keyed.slice(0, quota.get(s) ?? 0))
      out.push({ id: c.id, stratum: s, reason: "drawn" });
  }
  return out;
}
