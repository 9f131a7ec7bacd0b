// Puts an API error's field problems on the form: validation issues (path
// "body.name") and domain refusals that name a field (details.field).
import type { FormInstance } from "antd";
import type { ApiError } from "../api/client.ts";
import type { Bilingual } from "../api/types.ts";

export function applyIssues(
  form: FormInstance,
  error: ApiError,
  fields: readonly string[],
  pick: (m: Bilingual) => string,
): void {
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const name = issue.path.replace(/^body\.?/, "").split(".")[0] ?? "";
    if (fields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  const field = error.details?.field;
  if (typeof field === "string" && fields.includes(field) && !byField.has(field))
    byField.set(field, [pick(error.messages)]);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}
