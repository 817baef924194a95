import { z } from "zod";
import { idSchema } from "./common";
import { emailSchema, phoneSchema, referralCodeSchema } from "./member";

/** Empty form fields mean "not given". */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** A visitor joining a program from the member portal: terms must be accepted; marketing and personalisation are free choices. */
export const joinProgramSchema = z
  .object({
    programId: idSchema,
    name: z.string().trim().min(1, { error: "Enter your name." }).max(120),
    email: emailSchema,
    phone: optional(phoneSchema),
    birthday: optional(z.iso.date({ error: "Use a date like 1990-05-31." })),
    consents: z.object({
      terms: z.literal(true, { error: "Accept the terms to join." }),
      marketing: z.boolean(),
      personalization: z.boolean(),
    }),
    locale: z.enum(["es", "en"]).default("es"),
    /** From the referral link (?ref=CODE), editable on the form. */
    referralCode: optional(referralCodeSchema),
  })
  .strict();

/** What a form sends: any booleans (the schema insists on the terms), strings for the rest. */
export type JoinProgramInput = Omit<z.input<typeof joinProgramSchema>, "consents"> & { consents: { terms: boolean; marketing: boolean; personalization: boolean } };
