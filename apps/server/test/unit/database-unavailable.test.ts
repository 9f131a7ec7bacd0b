// A connection lost mid-request is a retryable 503, never a 500 (docs/reliability.md):
// whether PostgreSQL says so with a SQLSTATE or node-postgres says it in words.
import { describe, expect, it } from "vitest";
import { toDomainError } from "../../src/http/error-handler.ts";

const as = (e: object) => toDomainError(Object.assign(new Error("x"), e));

describe("database unavailable", () => {
  it("[reliability] maps lost connections to 503 DATABASE_UNAVAILABLE, retryable", () => {
    for (const e of [
      { code: "57P01", message: "terminating connection due to administrator command" },
      { code: "08006", message: "connection failure" },
      { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432" },
      { message: "Connection terminated unexpectedly" },
      { message: "Client has encountered a connection error and is not queryable" },
      { message: "Client was closed and is not queryable" },
      { message: "timeout exceeded when trying to connect" },
    ]) {
      const d = as(e);
      expect(d?.code, e.message).toBe("DATABASE_UNAVAILABLE");
      expect(d?.status).toBe(503);
    }
    expect(as({ message: "something else" })?.code).not.toBe("DATABASE_UNAVAILABLE");
  });
});
