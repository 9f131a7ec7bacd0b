// Validates command-line input with the same schemas as the API, reporting each
// field's issue in Chinese and English under the option's name.
import { validationFailed } from "@dangan/domain";
import { z } from "zod";
import type { BilingualIssue } from "./errors.ts";

const zhCN = z.locales.zhCN().localeError;

/** creditCode → --credit-code: most options are named after their field. */
const asOption = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  optionNames: Record<string, string> = {},
): z.output<S> {
  const en = schema.safeParse(input);
  if (en.success) return en.data;
  const zh = schema.safeParse(input, { error: zhCN });
  const issues: BilingualIssue[] = en.error.issues.map((issue, i) => {
    const [field, ...rest] = issue.path.map(String);
    const name =
      field === undefined ? (optionNames[""] ?? "(input)") : (optionNames[field] ?? asOption(field));
    return {
      path: [name, ...rest].join("."),
      en: issue.message,
      zh: zh.success ? issue.message : (zh.error.issues[i]?.message ?? issue.message),
    };
  });
  // validationFailed takes { path, message }; the bilingual fields ride along.
  throw validationFailed(issues.map((i) => ({ ...i, message: i.en })));
}
