ALTER TABLE "kpi_member_counted" ADD COLUMN "move_days" date[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_member_counted" ADD COLUMN "move_from" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_member_counted" ADD COLUMN "move_to" text[] DEFAULT '{}' NOT NULL;