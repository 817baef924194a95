CREATE TABLE "kpi_cohort_counts" (
	"program_id" uuid NOT NULL,
	"cohort_month" date NOT NULL,
	"month" date NOT NULL,
	"first_day" date NOT NULL,
	"members" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_member_months" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"month" date NOT NULL,
	"first_day" date NOT NULL,
	CONSTRAINT "kpi_member_months_program_id_member_id_month_pk" PRIMARY KEY("program_id","member_id","month")
);
--> statement-breakpoint
CREATE INDEX "kpi_cohort_counts_cell_idx" ON "kpi_cohort_counts" USING btree ("program_id","cohort_month","month");