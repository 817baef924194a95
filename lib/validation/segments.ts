import { z } from "zod";
import { segmentDefinitionSchema, segmentNameSchema } from "@/lib/domain/segments/definition";
import { idSchema } from "./common";

/** Inputs of the segment use cases; issue messages are keys of `Segments.errors` (see lib/domain/segments/definition.ts). */
export const createSegmentSchema = z.strictObject({ programId: idSchema, name: segmentNameSchema, definition: segmentDefinitionSchema });
export const updateSegmentSchema = createSegmentSchema.extend({ segmentId: idSchema });
export const segmentRefSchema = z.strictObject({ programId: idSchema, segmentId: idSchema });
export const previewSegmentSchema = z.strictObject({ programId: idSchema, definition: segmentDefinitionSchema });
export const refreshSegmentsSchema = z.strictObject({ programId: idSchema, segmentId: idSchema.optional() });

export type CreateSegmentInput = z.input<typeof createSegmentSchema>;
export type UpdateSegmentInput = z.input<typeof updateSegmentSchema>;
export type PreviewSegmentInput = z.input<typeof previewSegmentSchema>;
