ALTER TABLE "rewards" ADD COLUMN "target_sku" text;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "target_category" text;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_one_target" CHECK (num_nonnulls("rewards"."target_sku", "rewards"."target_category") <= 1);