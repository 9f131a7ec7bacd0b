// Turns any failure into lines for the operator and an exit code. Refusals from
// the domain carry { zh, en } and are shown in both languages.
import { DomainError } from "@dangan/domain";
import { CliError, EXIT, type Io } from "./io.ts";
import { toDomainError } from "./server-internals.ts";

export interface BilingualIssue {
  path: string;
  zh: string;
  en: string;
}

export function reportError(error: unknown, io: Io): number {
  if (error instanceof CliError) {
    io.err(`✗ ${error.message}`);
    for (const line of error.detail) io.err(`  ${line}`);
    return error.exitCode;
  }
  const domain = error instanceof DomainError ? error : toDomainError(error);
  if (domain) {
    const clause = domain.clause ? ` [${domain.clause}]` : "";
    io.err(`✗ ${domain.code}${clause}: ${domain.messages.zh} / ${domain.messages.en}`);
    const issues = (domain.details?.issues ?? []) as (BilingualIssue | { path: string; message: string })[];
    for (const i of issues) {
      io.err("zh" in i ? `  ${i.path}: ${i.zh} / ${i.en}` : `  ${i.path}: ${i.message}`);
    }
    if (!issues.length)
      for (const [key, value] of Object.entries(domain.details ?? {}))
        io.err(`  ${key}: ${JSON.stringify(value)}`);
    // 4xx: the input or the state refused it; 5xx: something failed.
    return domain.status < 500 ? EXIT.REFUSED : EXIT.FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`✗ ${message}`);
  if (io.env.DANGAN_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT.FAILED;
}
