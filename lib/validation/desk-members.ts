import { z } from "zod";
import { idSchema } from "./common";
import { emailSchema, phoneSchema } from "./member";

/** The desk's search box, at one store. */
export const findDeskMembersSchema = z.object({ programId: idSchema, storeId: idSchema, q: z.string().max(500) }).strict();
export type FindDeskMembersInput = z.input<typeof findDeskMembersSchema>;

export const deskMemberRefSchema = z.object({ programId: idSchema, storeId: idSchema, memberId: idSchema }).strict();
export type DeskMemberRef = z.input<typeof deskMemberRefSchema>;

/** Enrolment at the counter: the member says yes to the terms there and then; marketing and personalisation are their choice. */
export const enrolAtDeskSchema = z
  .object({
    programId: idSchema,
    storeId: idSchema,
    name: z.string({ error: "A name is required." }).trim().min(2, { error: "The name must be at least 2 characters." }).max(120),
    email: emailSchema,
    phone: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), phoneSchema.optional()),
    terms: z.literal(true, { error: "The member must accept the terms." }),
    marketing: z.boolean().default(false),
    personalization: z.boolean().default(false),
  })
  .strict();
export type EnrolAtDeskInput = z.input<typeof enrolAtDeskSchema>;
