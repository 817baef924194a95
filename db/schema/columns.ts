import { timestamp } from "drizzle-orm/pg-core";

/** Every timestamp in Lazo is `timestamp with time zone`, handled as a JS Date. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => tstz("created_at").notNull().defaultNow();
export const updatedAt = () => tstz("updated_at").notNull().defaultNow();
