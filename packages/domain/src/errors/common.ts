// Errors shared by every module. Module-specific refusals live beside their rule.
import { DomainError } from "./domain-error.ts";

/** Also the answer when a record exists but the actor may not see it: never reveal which. */
export const notFound = (entity: string, _id?: string) =>
  new DomainError({
    code: "NOT_FOUND",
    status: 404,
    message: { zh: "记录不存在或无权查看", en: `${entity} not found or not visible to you` },
    details: { entity },
  });

export const forbidden = (action: string) =>
  new DomainError({
    code: "FORBIDDEN",
    status: 403,
    message: { zh: "无权执行此操作", en: `You are not allowed to ${action}` },
    details: { action },
  });

export const unauthenticated = () =>
  new DomainError({
    code: "UNAUTHENTICATED",
    status: 401,
    message: { zh: "请先登录", en: "Please sign in" },
  });

export const conflict = (
  code: string,
  message: { zh: string; en: string },
  details?: Record<string, unknown>,
) => new DomainError({ code, status: 409, message, ...(details ? { details } : {}) });

export interface FieldIssue {
  path: string;
  message: string;
}

export const validationFailed = (issues: FieldIssue[]) =>
  new DomainError({
    code: "VALIDATION_FAILED",
    status: 400,
    message: { zh: "提交的数据有误", en: "The submitted data is invalid" },
    details: { issues },
  });
