// Every refusal a user can meet: a stable code, the clause it enforces (when
// one applies) and a message in Chinese and English.

export interface Message {
  zh: string;
  en: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503 | 507;

export interface DomainErrorInit {
  code: string;
  status: ErrorStatus;
  message: Message;
  /** Clause id from spec/clauses.tsv, e.g. "G-3". */
  clause?: string;
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly clause: string | undefined;
  readonly messages: Message;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: DomainErrorInit) {
    super(`${init.code}${init.clause ? ` [${init.clause}]` : ""}: ${init.message.en}`);
    this.name = "DomainError";
    this.code = init.code;
    this.status = init.status;
    this.clause = init.clause;
    this.messages = init.message;
    this.details = init.details;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      ...(this.clause ? { clause: this.clause } : {}),
      message: this.messages,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
