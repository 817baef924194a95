CREATE TABLE "kpi_outstanding_points" (
	"program_id" uuid NOT NULL,
	"points" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_tier_counts" (
	"program_id" uuid NOT NULL,
	"tier_key" text,
	"members" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kpi_outstanding_points_program_idx" ON "kpi_outstanding_points" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "kpi_tier_counts_program_idx" ON "kpi_tier_counts" USING btree ("program_id","tier_key");