ALTER TABLE "kpi_member_counted" ADD COLUMN "store_channels" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_member_counted" ADD COLUMN "store_channel_last_days" date[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_member_counted" ADD COLUMN "store_channel_previous_days" date[] DEFAULT '{}' NOT NULL;