ALTER TABLE "member_predictions" ADD COLUMN "clv_bin" smallint;--> statement-breakpoint
ALTER TABLE "kpi_member_counted" ADD COLUMN "clv_bin" smallint;