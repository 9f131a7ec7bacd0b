// User records and the password policy (ASVS 2.1: length over composition).
import { z } from "zod";
import { ROLE_NAMES } from "../access/roles.ts";
import { isCommonPassword } from "./common-passwords.ts";

// ASVS 2.1.1: at least 12 characters; 2.1.2: up to 128; 2.1.7: not a breached password.
export const PASSWORD_MIN = 12;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN)
  .max(128)
  .refine((p) => !isCommonPassword(p), "This password is too common; choose a longer phrase");

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "3–40 letters, digits, dot, dash or underscore");

export const userCreateSchema = z
  .object({
    orgId: z.uuid(),
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(z.enum(ROLE_NAMES)).min(1).max(8),
    password: passwordSchema,
    phone: z.string().trim().max(40).optional(),
    idNumber: z.string().trim().max(40).optional(),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(z.enum(ROLE_NAMES)).min(1).max(8),
    active: z.boolean(),
    phone: z.string().trim().max(40),
    idNumber: z.string().trim().max(40),
  })
  .partial()
  .strict();
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const loginSchema = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(40), password: z.string().min(1).max(128) })
  .strict();
