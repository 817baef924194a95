ALTER TABLE "kpi_member_counted" ADD COLUMN "tier_key" text;--> statement-breakpoint
ALTER TABLE "kpi_member_counted" ADD COLUMN "listed" boolean DEFAULT false NOT NULL;