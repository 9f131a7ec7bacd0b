// User records and the password policy (ASVS 2.1: length over composition).
import { z } from "zod";
import { ROLE_NAMES } from "../access/roles.ts";

export const PASSWORD_MIN = 10;

export const passwordSchema = z.string().min(PASSWORD_MIN).max(128);

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
