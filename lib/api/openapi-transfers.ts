import { z } from "zod";
import { apiTransferSchema } from "@/lib/validation/coalition";
import type { Operation } from "./openapi";

const transfer = z
  .object({
    id: z.uuid(),
    fromProgramId: z.uuid(),
    toProgramId: z.uuid(),
    toMemberId: z.uuid().meta({ description: "The member's account in the target program (same verified email)." }),
    pointsDebited: z.number().int().meta({ description: "Points taken from the member in the key's program." }),
    pointsCredited: z.number().int().meta({ description: "Points credited in the target program: pointsDebited × rate, rounded down." }),
    rate: z.object({ numerator: z.number().int(), denominator: z.number().int() }).meta({ description: "Target points per source point, as a fraction." }),
    balance: z.object({ available: z.number().int(), pending: z.number().int() }).meta({ description: "The member's balance in the key's program afterwards." }),
  })
  .meta({ id: "Transfer" });

/** Coalition transfers between sister programs (the coalition area) in the OpenAPI document. */
export const TRANSFER_OPERATIONS: Operation[] = [
  {
    method: "post", path: "/api/v1/transfers", tag: "Points", scope: "points:redeem", summary: "Transfer a member's points to a sister program",
    description:
      "Moves points from the member in the key's program to their account with the same verified email in a linked program of the same organization, at the coalition's exchange rate (rounded down). The debit and the credit are two ledger entries written in one transaction.",
    body: apiTransferSchema, bodyExample: { memberId: "4f7c1d2e-8a9b-4c3d-9e8f-1a2b3c4d5e6f", toProgram: "cafe-norte", points: 200 },
    ok: { status: 201, schema: transfer, description: "The transfer, with the points debited and credited." },
    errors: { 404: ["not_found"], 422: ["insufficient_points", "programs_not_linked", "member_not_linked", "transfer_rounds_to_zero"] },
  },
];
