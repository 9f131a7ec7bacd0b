// Maps every failure to { code, clause?, message: { zh, en }, details? } with a
// status a client can act on. Internal errors never leak their text.
import { DomainError, validationFailed } from "@dangan/domain";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

const RETRYABLE_PG = /^(08|57P0|53)/; // connection exceptions, admin shutdown, insufficient resources
const NET_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND"]);
// File-system failures of the data folder (blobs, uploads, deliveries): a clear refusal, not a 500.
const STORAGE_FULL = new Set(["ENOSPC", "EDQUOT"]);
const STORAGE_UNWRITABLE = new Set(["EROFS", "EACCES", "EPERM", "ENOTDIR", "EISDIR"]);

export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const e = error as FastifyError & { code?: string; constraint?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    return validationFailed(
      e.validation.map((v) => ({
        path: `${e.validationContext ?? "body"}${v.instancePath.replaceAll("/", ".")}`,
        message: v.message ?? "invalid",
      })),
    );
  }
  if (e.code === "23505") {
    return new DomainError({
      code: "ALREADY_EXISTS",
      status: 409,
      message: { zh: "记录已存在", en: "A record with the same key already exists" },
      details: { constraint: e.constraint },
    });
  }
  if (e.code === "23514" || e.code === "23503") {
    return new DomainError({
      code: "CONSTRAINT_VIOLATION",
      status: 422,
      message: { zh: "数据不满足约束条件", en: "The data breaks a database constraint" },
      details: { constraint: e.constraint },
    });
  }
  // A data exception (class 22) is the input's fault: text with a NUL character,
  // a number or date the column cannot hold. Without this it was a 500.
  if (typeof e.code === "string" && /^22[0-9A-Z]{3}$/.test(e.code)) {
    return new DomainError({
      code: "INVALID_VALUE",
      status: 400,
      message: {
        zh: "请求中含有无法保存的值（如空字符或超出范围的数值、日期）",
        en: "The request holds a value that cannot be stored (such as a NUL character or an out-of-range number or date)",
      },
    });
  }
  if (
    (e.code && RETRYABLE_PG.test(e.code)) ||
    (e.code && NET_ERRORS.has(e.code)) ||
    // node-postgres's own words for a connection lost mid-request (no SQLSTATE).
    /Connection terminated|not queryable|connection error|timeout exceeded when trying to connect/i.test(
      e.message ?? "",
    )
  ) {
    return new DomainError({
      code: "DATABASE_UNAVAILABLE",
      status: 503,
      message: {
        zh: "数据库暂时不可用，请稍后重试",
        en: "The database is temporarily unavailable; retry shortly",
      },
      details: { retryable: true },
    });
  }
  if (e.code && STORAGE_FULL.has(e.code)) {
    return new DomainError({
      code: "STORAGE_FULL",
      status: 507,
      message: {
        zh: "存储空间已满，文件未保存；请联系管理员释放空间后重试",
        en: "The storage is full; nothing was saved. Ask the administrator to free space, then retry",
      },
      details: { retryable: true },
    });
  }
  if (e.code && STORAGE_UNWRITABLE.has(e.code) && typeof (e as { syscall?: unknown }).syscall === "string") {
    return new DomainError({
      code: "STORAGE_UNAVAILABLE",
      status: 503,
      message: {
        zh: "数据目录不可写，文件未保存；请联系管理员检查数据目录",
        en: "The data folder cannot be written; nothing was saved. Ask the administrator to check it",
      },
      details: { retryable: true },
    });
  }
  if (e.code === "FST_REQ_FILE_TOO_LARGE" || e.statusCode === 413) {
    return new DomainError({
      code: "PAYLOAD_TOO_LARGE",
      status: 413,
      message: { zh: "上传内容超过大小限制", en: "The upload exceeds the size limit" },
    });
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new DomainError({
      code: e.code ?? "BAD_REQUEST",
      status: e.statusCode as 400,
      message: { zh: "请求无效", en: e.message },
    });
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const domain = toDomainError(error);
    if (domain) {
      if (domain.status >= 500) request.log.warn({ code: domain.code }, "retryable failure");
      return reply.status(domain.status).send(domain.toJSON());
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({
      code: "INTERNAL",
      message: { zh: "服务器内部错误", en: "Internal server error" },
      details: { requestId: request.id },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      code: "ROUTE_NOT_FOUND",
      message: { zh: "接口不存在", en: `No route ${request.method} ${request.url.split("?")[0]}` },
    }),
  );
}
