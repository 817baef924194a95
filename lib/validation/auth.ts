import { z } from "zod";
import { idSchema } from "./common";
import { emailSchema } from "./member";

export const requestCodeSchema = z.object({ programId: idSchema, email: emailSchema, locale: z.enum(["es", "en"]).default("es") }).strict();

export const verifyCodeSchema = z
  .object({ programId: idSchema, email: emailSchema, code: z.string().trim().regex(/^\d{6}$/, { error: "Enter the 6-digit code." }) })
  .strict();

/** Password rules: long beats complex (NIST 800-63B); a few obvious ones refused. */
export const passwordSchema = z
  .string()
  .min(10, { error: "Use at least 10 characters." })
  .max(200, { error: "Use at most 200 characters." })
  .refine((p) => !/^(.)\1+$/.test(p), { error: "Do not repeat one character." })
  .refine((p) => !["password123", "contraseña1", "1234567890", "qwertyuiop"].includes(p.toLowerCase()), { error: "This password is too common." });

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, { error: "Enter your password." }).max(200) }).strict();
