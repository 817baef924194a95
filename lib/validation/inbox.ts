import { z } from "zod";
import { idSchema } from "./common";

/** Opening one message of the member's own inbox. */
export const markMessageReadSchema = z.strictObject({ messageId: idSchema });
/** "Mark all read": up to and including the newest message the member was shown. */
export const markAllReadSchema = z.strictObject({ throughId: idSchema });

export type MarkMessageReadInput = z.input<typeof markMessageReadSchema>;
export type MarkAllReadInput = z.input<typeof markAllReadSchema>;
