// Form values to an API body: trimmed text, empty text left out (or sent as a
// change only when it differs from the stored value).
export type OrgFormValues = Record<string, unknown>;

const norm = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const empty = (v: unknown) => v === undefined || v === null || v === "";

export function createBody(v: OrgFormValues): OrgFormValues {
  const out: OrgFormValues = {};
  for (const [k, raw] of Object.entries(v)) {
    const value = norm(raw);
    if (!empty(value)) out[k] = value;
  }
  return out;
}

/** Only the fields whose value differs from `before`. */
export function changedBody(before: OrgFormValues, v: OrgFormValues): OrgFormValues {
  const out: OrgFormValues = {};
  for (const [k, raw] of Object.entries(v)) {
    const value = norm(raw);
    const prior = before[k] ?? undefined;
    if (empty(value) && empty(prior)) continue;
    if (JSON.stringify(value ?? "") !== JSON.stringify(prior ?? "")) out[k] = value ?? "";
  }
  return out;
}
