ALTER TABLE "kpi_daily_rollups" ADD COLUMN "member_refunded_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "costed_purchases" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "member_costed_purchases" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "costed_revenue_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "member_costed_revenue_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "cost_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_daily_rollups" ADD COLUMN "member_cost_minor" bigint DEFAULT 0 NOT NULL;