CREATE TABLE "kpi_member_dimension_moves" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpi_member_dimension_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"sign" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_member_dimension_rollups" (
	"program_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"day" date NOT NULL,
	"store_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"member_purchases" integer DEFAULT 0 NOT NULL,
	"member_revenue_minor" bigint DEFAULT 0 NOT NULL,
	"member_refunded_minor" bigint DEFAULT 0 NOT NULL,
	"points_issued" bigint DEFAULT 0 NOT NULL,
	"points_redeemed" bigint DEFAULT 0 NOT NULL,
	"points_expired" bigint DEFAULT 0 NOT NULL,
	"points_reversed" bigint DEFAULT 0 NOT NULL,
	"new_enrolments" integer DEFAULT 0 NOT NULL,
	"member_costed_purchases" integer DEFAULT 0 NOT NULL,
	"member_costed_revenue_minor" bigint DEFAULT 0 NOT NULL,
	"member_cost_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_member_dimension_rollups_program_id_dimension_day_store_id_channel_pk" PRIMARY KEY("program_id","dimension","day","store_id","channel")
);
--> statement-breakpoint
CREATE INDEX "kpi_member_dimension_moves_program_idx" ON "kpi_member_dimension_moves" USING btree ("program_id");