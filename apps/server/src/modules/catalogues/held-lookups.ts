// Duplicates against what the project already holds (D-8.3). The unique index
// on catalogue_item(project_id, reference_code) guards every write; these
// look-ups only name the rows, so they run when a file is refused or its write
// hit that index — never on the way of a good import. Batches of 5,000 codes,
// two in flight.
import type { CatalogueValidator } from "@dangan/domain";

type Lookup = (codes: string[]) => Promise<Set<string>>;

export async function reportHeld(v: CatalogueValidator, lookup: Lookup, batch = 5000): Promise<number> {
  let found = 0;
  let pending: [string, number][] = [];
  const inflight: Promise<void>[] = [];
  const run = (b: [string, number][]) =>
    lookup(b.map(([code]) => code)).then((held) => {
      for (const [code, row] of b)
        if (held.has(code)) {
          v.held(row, code);
          found++;
        }
    });
  for (const entry of v.codes()) {
    pending.push(entry);
    if (pending.length < batch) continue;
    inflight.push(run(pending));
    pending = [];
    if (inflight.length >= 2) await inflight.shift();
  }
  if (pending.length) inflight.push(run(pending));
  await Promise.all(inflight);
  return found;
}
