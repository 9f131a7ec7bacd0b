// The fields a patch actually changes, as { field: { before, after } } for
// audit payloads (dates and numbers compare by value).
export type Changes = Record<string, { before: unknown; after: unknown }>;

const norm = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));

export function changes(before: object, patch: object): Changes {
  const out: Changes = {};
  for (const [key, after] of Object.entries(patch)) {
    if (after === undefined) continue;
    const prior = (before as Record<string, unknown>)[key];
    if (norm(prior) !== norm(after)) out[key] = { before: prior ?? null, after };
  }
  return out;
}
