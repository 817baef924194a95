CREATE TABLE "kpi_daily_rollups" (
	"program_id" uuid NOT NULL,
	"day" date NOT NULL,
	"store_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"purchases" integer DEFAULT 0 NOT NULL,
	"member_purchases" integer DEFAULT 0 NOT NULL,
	"members_purchasing" integer DEFAULT 0 NOT NULL,
	"revenue_minor" bigint DEFAULT 0 NOT NULL,
	"member_revenue_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"points_issued" bigint DEFAULT 0 NOT NULL,
	"points_redeemed" bigint DEFAULT 0 NOT NULL,
	"points_expired" bigint DEFAULT 0 NOT NULL,
	"points_reversed" bigint DEFAULT 0 NOT NULL,
	"new_enrolments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_daily_rollups_program_id_day_store_id_channel_pk" PRIMARY KEY("program_id","day","store_id","channel")
);
--> statement-breakpoint
CREATE TABLE "kpi_rollup_marks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kpi_rollup_marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"program_id" uuid NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_daily_rollups" ADD CONSTRAINT "kpi_daily_rollups_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_rollup_marks_program_idx" ON "kpi_rollup_marks" USING btree ("program_id");