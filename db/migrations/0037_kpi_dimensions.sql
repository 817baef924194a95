CREATE TABLE "kpi_dimension_cohort_counts" (
	"program_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"cohort_month" date NOT NULL,
	"month" date NOT NULL,
	"first_day" date NOT NULL,
	"members" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_dimension_member_months" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"month" date NOT NULL,
	"first_day" date NOT NULL,
	CONSTRAINT "kpi_dimension_member_months_program_id_member_id_dimension_month_pk" PRIMARY KEY("program_id","member_id","dimension","month")
);
--> statement-breakpoint
CREATE TABLE "member_dimension_stats" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"last_purchase_at" timestamp with time zone NOT NULL,
	"previous_purchase_at" timestamp with time zone,
	CONSTRAINT "member_dimension_stats_program_id_member_id_dimension_pk" PRIMARY KEY("program_id","member_id","dimension")
);
--> statement-breakpoint
CREATE INDEX "kpi_dimension_cohort_counts_cell_idx" ON "kpi_dimension_cohort_counts" USING btree ("program_id","dimension","cohort_month","month");