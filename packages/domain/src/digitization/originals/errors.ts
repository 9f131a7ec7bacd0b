// Refusals of the originals rules: 422 with the clause, or 409 for a state conflict.
import { DomainError } from "../../errors/domain-error.ts";

export const refuse = (
  code: string,
  clause: string,
  zh: string,
  en: string,
  details?: Record<string, unknown>,
  status: 409 | 422 = 422,
) => new DomainError({ code, status, clause, message: { zh, en }, ...(details ? { details } : {}) });
