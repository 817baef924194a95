import { z } from "zod";

const choice = z.enum(["yes", "no"], { error: "Choose yes or no." });

/** The portal's consent form: each optional consent is an explicit yes or no (radio buttons). */
export const updateMyConsentsSchema = z
  .object({ marketing: choice, personalization: choice })
  .transform((v) => ({ marketing: v.marketing === "yes", personalization: v.personalization === "yes" }));

export type UpdateMyConsentsInput = z.input<typeof updateMyConsentsSchema>;

/** Deleting the account needs the member's explicit confirmation (a ticked box). */
export const deleteMyAccountSchema = z.object({
  confirm: z.literal("yes", { error: "Tick the box to confirm that you want to delete your account." }),
});
