ALTER TABLE "kpi_cohort_counts" ADD COLUMN "folded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_dimension_cohort_counts" ADD COLUMN "folded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "kpi_cohort_counts_unfolded_idx" ON "kpi_cohort_counts" USING btree ("program_id") WHERE not "kpi_cohort_counts"."folded";--> statement-breakpoint
CREATE INDEX "kpi_dimension_cohort_counts_unfolded_idx" ON "kpi_dimension_cohort_counts" USING btree ("program_id") WHERE not "kpi_dimension_cohort_counts"."folded";