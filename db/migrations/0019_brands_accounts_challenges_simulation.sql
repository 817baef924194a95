CREATE TYPE "public"."business_user_role" AS ENUM('earn', 'redeem', 'manage');--> statement-breakpoint
CREATE TYPE "public"."challenge_kind" AS ENUM('purchases', 'profile', 'stores', 'streak');--> statement-breakpoint
CREATE TYPE "public"."challenge_status" AS ENUM('draft', 'active', 'paused');--> statement-breakpoint
CREATE TYPE "public"."plan_simulation_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "member_purchase_stats" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"first_purchase_at" timestamp with time zone,
	"last_purchase_at" timestamp with time zone,
	"purchases" integer DEFAULT 0 NOT NULL,
	"kept_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "member_purchase_stats_program_id_member_id_pk" PRIMARY KEY("program_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "business_account_purchases" (
	"program_id" uuid NOT NULL,
	"purchase_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "business_account_purchases_program_id_purchase_id_pk" PRIMARY KEY("program_id","purchase_id")
);
--> statement-breakpoint
CREATE TABLE "business_account_users" (
	"program_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" "business_user_role" DEFAULT 'earn' NOT NULL,
	"monthly_redemption_limit" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_account_users_program_id_account_id_member_id_pk" PRIMARY KEY("program_id","account_id","member_id"),
	CONSTRAINT "business_account_users_limit_non_negative" CHECK ("business_account_users"."monthly_redemption_limit" is null or "business_account_users"."monthly_redemption_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "business_accounts" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"point_account_id" uuid NOT NULL,
	"tier_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_accounts_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "custom_events" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"point_account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"entry_id" bigint,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_events_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "event_rule_credits" (
	"program_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"once_key" text NOT NULL,
	"custom_event_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rule_credits_program_id_rule_id_member_id_once_key_pk" PRIMARY KEY("program_id","rule_id","member_id","once_key")
);
--> statement-breakpoint
CREATE TABLE "coalition_links" (
	"organization_id" uuid NOT NULL,
	"from_program_id" uuid NOT NULL,
	"to_program_id" uuid NOT NULL,
	"rate_numerator" integer NOT NULL,
	"rate_denominator" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coalition_links_from_program_id_to_program_id_pk" PRIMARY KEY("from_program_id","to_program_id"),
	CONSTRAINT "coalition_links_other_program" CHECK ("coalition_links"."from_program_id" <> "coalition_links"."to_program_id"),
	CONSTRAINT "coalition_links_rate_positive" CHECK ("coalition_links"."rate_numerator" > 0 and "coalition_links"."rate_denominator" > 0)
);
--> statement-breakpoint
CREATE TABLE "point_transfers" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"from_member_id" uuid NOT NULL,
	"to_program_id" uuid NOT NULL,
	"to_member_id" uuid NOT NULL,
	"points_debited" integer NOT NULL,
	"points_credited" integer NOT NULL,
	"rate_numerator" integer NOT NULL,
	"rate_denominator" integer NOT NULL,
	"debit_entry_id" bigint NOT NULL,
	"credit_entry_id" bigint NOT NULL,
	"channel" "ledger_channel" NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_transfers_program_id_id_pk" PRIMARY KEY("program_id","id"),
	CONSTRAINT "point_transfers_points_positive" CHECK ("point_transfers"."points_debited" > 0 and "point_transfers"."points_credited" > 0)
);
--> statement-breakpoint
CREATE TABLE "challenge_progress" (
	"program_id" uuid NOT NULL,
	"challenge_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"period_key" text DEFAULT 'once' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"target" integer NOT NULL,
	"streak" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"points_awarded" integer DEFAULT 0 NOT NULL,
	"entry_id" bigint,
	"coupon_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_progress_program_id_challenge_id_member_id_period_key_pk" PRIMARY KEY("program_id","challenge_id","member_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"kind" "challenge_kind" NOT NULL,
	"status" "challenge_status" DEFAULT 'draft' NOT NULL,
	"rule" jsonb NOT NULL,
	"badge_name" jsonb NOT NULL,
	"badge_icon" text NOT NULL,
	"reward_points" integer DEFAULT 0 NOT NULL,
	"reward_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenges_program_id_id_pk" PRIMARY KEY("program_id","id"),
	CONSTRAINT "challenges_reward_points_non_negative" CHECK ("challenges"."reward_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_simulations" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "plan_simulation_status" DEFAULT 'queued' NOT NULL,
	"candidate_version_id" uuid NOT NULL,
	"candidate_version" integer NOT NULL,
	"candidate_name" text NOT NULL,
	"candidate_definition" jsonb NOT NULL,
	"baseline_version_id" uuid,
	"baseline_version" integer,
	"baseline_name" text,
	"baseline_definition" jsonb NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"total" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"results" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "plan_simulations_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
ALTER TABLE "business_account_purchases" ADD CONSTRAINT "business_account_purchases_program_id_account_id_business_accounts_program_id_id_fk" FOREIGN KEY ("program_id","account_id") REFERENCES "public"."business_accounts"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_account_users" ADD CONSTRAINT "business_account_users_program_id_account_id_business_accounts_program_id_id_fk" FOREIGN KEY ("program_id","account_id") REFERENCES "public"."business_accounts"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_account_users" ADD CONSTRAINT "business_account_users_program_id_member_id_members_program_id_id_fk" FOREIGN KEY ("program_id","member_id") REFERENCES "public"."members"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_accounts" ADD CONSTRAINT "business_accounts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_events" ADD CONSTRAINT "custom_events_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_events" ADD CONSTRAINT "custom_events_program_id_member_id_members_program_id_id_fk" FOREIGN KEY ("program_id","member_id") REFERENCES "public"."members"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_links" ADD CONSTRAINT "coalition_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_links" ADD CONSTRAINT "coalition_links_from_program_id_programs_id_fk" FOREIGN KEY ("from_program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_links" ADD CONSTRAINT "coalition_links_to_program_id_programs_id_fk" FOREIGN KEY ("to_program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_transfers" ADD CONSTRAINT "point_transfers_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_transfers" ADD CONSTRAINT "point_transfers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_transfers" ADD CONSTRAINT "point_transfers_to_program_id_programs_id_fk" FOREIGN KEY ("to_program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_progress" ADD CONSTRAINT "challenge_progress_program_id_challenge_id_challenges_program_id_id_fk" FOREIGN KEY ("program_id","challenge_id") REFERENCES "public"."challenges"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_progress" ADD CONSTRAINT "challenge_progress_program_id_member_id_members_program_id_id_fk" FOREIGN KEY ("program_id","member_id") REFERENCES "public"."members"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_simulations" ADD CONSTRAINT "plan_simulations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_purchase_stats_last_idx" ON "member_purchase_stats" USING btree ("program_id","last_purchase_at");--> statement-breakpoint
CREATE INDEX "business_account_purchases_account_idx" ON "business_account_purchases" USING btree ("program_id","account_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "business_account_users_member_key" ON "business_account_users" USING btree ("program_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_accounts_external_key" ON "business_accounts" USING btree ("program_id","external_id") WHERE "business_accounts"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "business_accounts_point_account_key" ON "business_accounts" USING btree ("program_id","point_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_events_event_key" ON "custom_events" USING btree ("program_id","event_id");--> statement-breakpoint
CREATE INDEX "custom_events_member_idx" ON "custom_events" USING btree ("program_id","member_id","occurred_at");--> statement-breakpoint
CREATE INDEX "coalition_links_organization_idx" ON "coalition_links" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "point_transfers_member_idx" ON "point_transfers" USING btree ("program_id","from_member_id","created_at");--> statement-breakpoint
CREATE INDEX "point_transfers_target_idx" ON "point_transfers" USING btree ("to_program_id","to_member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "point_transfers_idempotency_key" ON "point_transfers" USING btree ("program_id","idempotency_key") WHERE "point_transfers"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "challenge_progress_member_idx" ON "challenge_progress" USING btree ("program_id","member_id");--> statement-breakpoint
CREATE INDEX "challenges_program_status_idx" ON "challenges" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "plan_simulations_program_time_idx" ON "plan_simulations" USING btree ("program_id","created_at");