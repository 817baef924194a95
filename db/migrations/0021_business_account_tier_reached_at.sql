ALTER TABLE "business_accounts" ADD COLUMN "tier_reached_at" timestamp with time zone;--> statement-breakpoint
-- Accounts that already hold a tier: the last change is the best date there is.
UPDATE "business_accounts" SET "tier_reached_at" = "updated_at" WHERE "tier_key" IS NOT NULL;
