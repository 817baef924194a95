import { z } from "zod";
import { calendarDaySchema } from "./analytics";
import { idSchema } from "./common";

/** The longest window a simulation replays: three years of purchases. */
export const MAX_SIMULATION_DAYS = 1_096;

export const SIMULATION_MESSAGES = {
  version: "Pick the plan version to simulate.",
  order: "The end date must not be before the start date.",
  tooLong: "The window may span at most three years.",
  future: "The window must end today or earlier.",
  live: "Pick a version other than the live plan: it is what the simulation compares with.",
} as const;

export const startSimulationSchema = z
  .strictObject({
    programId: idSchema,
    versionId: idSchema.or(z.literal("")).refine((v) => v !== "", { error: SIMULATION_MESSAGES.version }),
    from: calendarDaySchema,
    to: calendarDaySchema,
  })
  .refine((v) => v.from <= v.to, { error: SIMULATION_MESSAGES.order, path: ["to"] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) < MAX_SIMULATION_DAYS * 86_400_000, { error: SIMULATION_MESSAGES.tooLong, path: ["from"] });

export type StartSimulationInput = z.input<typeof startSimulationSchema>;

export const simulationRefSchema = z.strictObject({ programId: idSchema, simulationId: idSchema });
export type SimulationRefInput = z.input<typeof simulationRefSchema>;
