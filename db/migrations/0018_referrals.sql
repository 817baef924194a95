CREATE TYPE "public"."referral_status" AS ENUM('pending', 'rewarded', 'not_rewarded', 'cancelled');--> statement-breakpoint
CREATE TABLE "referrals" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"referrer_id" uuid NOT NULL,
	"referee_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" "referral_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"qualifying_purchase_id" uuid,
	"qualified_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"referrer_points" integer DEFAULT 0 NOT NULL,
	"referee_points" integer DEFAULT 0 NOT NULL,
	"referrer_entry_id" bigint,
	"referee_entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_program_id_id_pk" PRIMARY KEY("program_id","id"),
	CONSTRAINT "referrals_not_self" CHECK ("referrals"."referrer_id" <> "referrals"."referee_id"),
	CONSTRAINT "referrals_points_non_negative" CHECK ("referrals"."referrer_points" >= 0 and "referrals"."referee_points" >= 0)
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_program_id_referrer_id_members_program_id_id_fk" FOREIGN KEY ("program_id","referrer_id") REFERENCES "public"."members"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_program_id_referee_id_members_program_id_id_fk" FOREIGN KEY ("program_id","referee_id") REFERENCES "public"."members"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_program_referee_key" ON "referrals" USING btree ("program_id","referee_id");--> statement-breakpoint
CREATE INDEX "referrals_program_referrer_idx" ON "referrals" USING btree ("program_id","referrer_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_program_due_idx" ON "referrals" USING btree ("program_id") WHERE "referrals"."status" = 'pending' and "referrals"."qualifying_purchase_id" is not null;