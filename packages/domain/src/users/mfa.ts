// Two-factor sign-in (ASVS 2.2.4–2.2.7, 2.8): request bodies and refusals.
import { z } from "zod";
import { DomainError } from "../errors/domain-error.ts";

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "6 digits");
const recoveryCode = z.string().trim().min(8).max(40);

export const mfaEnableSchema = z.object({ code: totpCode }).strict();

/** A second factor: the authenticator's code or one recovery code, not both. */
const oneFactor = (b: { code?: string | undefined; recoveryCode?: string | undefined }) =>
  (b.code === undefined) !== (b.recoveryCode === undefined);
const oneFactorIssue = { message: "Give either code or recoveryCode", path: ["code"] };

export const mfaLoginSchema = z
  .object({
    challenge: z.string().min(16).max(200),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .strict()
  .refine(oneFactor, oneFactorIssue);

export const mfaDisableSchema = z
  .object({
    password: z.string().min(1).max(128),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .strict()
  .refine(oneFactor, oneFactorIssue);

export const mfaCodeInvalid = () =>
  new DomainError({
    code: "MFA_CODE_INVALID",
    status: 401,
    message: { zh: "验证码错误或已过期", en: "Wrong or expired verification code" },
  });

export const mfaCodeReused = () =>
  new DomainError({
    code: "MFA_CODE_REUSED",
    status: 401,
    message: {
      zh: "该验证码已使用过，请等待下一个验证码",
      en: "This code was already used; wait for the next one",
    },
  });

export const mfaChallengeInvalid = () =>
  new DomainError({
    code: "MFA_CHALLENGE_INVALID",
    status: 401,
    message: {
      zh: "两步验证已超时，请重新输入用户名和密码",
      en: "The two-factor step timed out; sign in again with your password",
    },
  });

export const mfaAlreadyEnabled = () =>
  new DomainError({
    code: "MFA_ALREADY_ENABLED",
    status: 409,
    message: { zh: "两步验证已启用", en: "Two-factor authentication is already on" },
  });

export const mfaNotSetUp = () =>
  new DomainError({
    code: "MFA_NOT_SET_UP",
    status: 409,
    message: {
      zh: "请先生成两步验证密钥",
      en: "Start the two-factor setup first",
    },
  });

export const mfaNotEnabled = () =>
  new DomainError({
    code: "MFA_NOT_ENABLED",
    status: 409,
    message: { zh: "两步验证未启用", en: "Two-factor authentication is not on" },
  });

export const mfaEnrolmentRequired = () =>
  new DomainError({
    code: "MFA_ENROLMENT_REQUIRED",
    status: 403,
    message: {
      zh: "您的角色必须启用两步验证，请先完成设置",
      en: "Your role requires two-factor authentication; set it up first",
    },
  });
