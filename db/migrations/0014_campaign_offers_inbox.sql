ALTER TABLE "campaigns" ADD COLUMN "budget_count" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "spent_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "run_progress" jsonb;--> statement-breakpoint
ALTER TABLE "member_messages" ADD COLUMN "coupon_id" uuid;--> statement-breakpoint
ALTER TABLE "member_messages" ADD COLUMN "reward_id" uuid;--> statement-breakpoint
CREATE INDEX "member_messages_member_created_idx" ON "member_messages" USING btree ("program_id","member_id","created_at");