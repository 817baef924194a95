CREATE TABLE "member_predictions" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"frequency" integer NOT NULL,
	"p_alive" double precision NOT NULL,
	"expected_purchases_90d" double precision NOT NULL,
	"expected_spend_minor" double precision,
	"clv_12m_minor" double precision,
	"rfm_r" smallint NOT NULL,
	"rfm_f" smallint NOT NULL,
	"rfm_m" smallint NOT NULL,
	"rfm_segment" text NOT NULL,
	"favourite_category" text,
	"replenishment_category" text,
	"replenishment_date" date,
	"fitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_predictions_program_id_member_id_pk" PRIMARY KEY("program_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "prediction_fits" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"as_of" date NOT NULL,
	"customers" integer NOT NULL,
	"bg_nbd" jsonb NOT NULL,
	"gamma_gamma" jsonb,
	"holdout" jsonb,
	"distributions" jsonb,
	"duration_ms" integer NOT NULL,
	"fitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "prediction_fits_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
ALTER TABLE "member_predictions" ADD CONSTRAINT "member_predictions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_fits" ADD CONSTRAINT "prediction_fits_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_predictions_segment_idx" ON "member_predictions" USING btree ("program_id","rfm_segment");--> statement-breakpoint
CREATE INDEX "prediction_fits_program_time_idx" ON "prediction_fits" USING btree ("program_id","fitted_at");