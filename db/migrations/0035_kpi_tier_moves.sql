CREATE TABLE "kpi_tier_moves" (
	"program_id" uuid NOT NULL,
	"day" date NOT NULL,
	"from_tier" text,
	"to_tier" text,
	"members" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kpi_tier_moves_day_idx" ON "kpi_tier_moves" USING btree ("program_id","day");