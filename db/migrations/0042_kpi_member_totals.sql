CREATE TABLE "kpi_member_counted" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"last_day" date,
	"previous_day" date,
	"outstanding" bigint DEFAULT 0 NOT NULL,
	"months" date[] NOT NULL,
	"first_days" date[] NOT NULL,
	CONSTRAINT "kpi_member_counted_program_id_member_id_pk" PRIMARY KEY("program_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_member_dimension_totals" (
	"program_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"metric" text NOT NULL,
	"k1" date NOT NULL,
	"k2" date NOT NULL,
	"k3" date NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "kpi_member_dimension_totals_program_id_dimension_metric_k1_k2_k3_pk" PRIMARY KEY("program_id","dimension","metric","k1","k2","k3")
);
--> statement-breakpoint
CREATE TABLE "kpi_member_touches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpi_member_touches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kpi_member_touches_program_idx" ON "kpi_member_touches" USING btree ("program_id");