import { DomainError } from "@dangan/domain";

export const invalidCredentials = () =>
  new DomainError({
    code: "INVALID_CREDENTIALS",
    status: 401,
    message: { zh: "用户名或密码错误", en: "Wrong username or password" },
  });

export const accountLocked = (until: Date) =>
  new DomainError({
    code: "ACCOUNT_LOCKED",
    status: 423,
    message: {
      zh: "登录失败次数过多，账户已临时锁定",
      en: "Too many failed sign-ins; the account is locked for a while",
    },
    details: { lockedUntil: until.toISOString() },
  });

export const rateLimited = () =>
  new DomainError({
    code: "RATE_LIMITED",
    status: 429,
    message: { zh: "尝试过于频繁，请稍后再试", en: "Too many attempts; try again shortly" },
  });

export const csrfRejected = () =>
  new DomainError({
    code: "CSRF_REJECTED",
    status: 403,
    message: { zh: "请求缺少有效的防伪令牌", en: "Missing or wrong CSRF token" },
  });
