// One way to build a refusal of the site rules: a 422 naming its clause.
import { DomainError } from "../../errors/domain-error.ts";

export const refuse = (
  code: string,
  clause: string,
  zh: string,
  en: string,
  details?: Record<string, unknown>,
) => new DomainError({ code, status: 422, clause, message: { zh, en }, ...(details ? { details } : {}) });
