import { withApiKey } from "@/lib/api/with-api-key";
import { currencyDigits } from "@/lib/domain/money";
import { parseInput } from "@/lib/validation/common";
import { apiTicketSchema, toTicketInput } from "@/lib/validation/api-purchase";
import { recordTicket } from "@/lib/services/purchases/record-ticket";

export const POST = withApiKey({ scope: "points:earn" }, async ({ db, actor, body }) => {
  const ticket = parseInput(apiTicketSchema, body);
  const result = await recordTicket(db, actor, toTicketInput(actor.programId, ticket));
  return {
    status: 201,
    body: {
      purchaseId: result.purchaseId,
      orderId: result.orderId,
      amount: result.amountMinor / 10 ** currencyDigits(ticket.currency),
      currency: ticket.currency,
      occurredAt: result.occurredAt.toISOString(),
      costedLines: result.costedLines,
    },
  };
});
