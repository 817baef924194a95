CREATE TYPE "public"."enrolment_channel" AS ENUM('pos', 'ecommerce', 'app', 'portal', 'import', 'api', 'console');--> statement-breakpoint
CREATE TYPE "public"."member_status" AS ENUM('active', 'suspended', 'anonymized');--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('system', 'user', 'member', 'api_key');--> statement-breakpoint
CREATE TYPE "public"."hold_status" AS ENUM('active', 'captured', 'voided');--> statement-breakpoint
CREATE TYPE "public"."ledger_channel" AS ENUM('pos', 'ecommerce', 'app', 'portal', 'console', 'api', 'import', 'system');--> statement-breakpoint
CREATE TYPE "public"."ledger_entry_kind" AS ENUM('earn', 'release', 'redeem', 'adjust', 'reverse', 'expire', 'hold', 'capture', 'void');--> statement-breakpoint
CREATE TYPE "public"."lot_state" AS ENUM('pending', 'available');--> statement-breakpoint
CREATE TYPE "public"."purchase_channel" AS ENUM('pos', 'ecommerce', 'app');--> statement-breakpoint
CREATE TYPE "public"."purchase_status" AS ENUM('completed', 'partially_refunded', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."plan_version_status" AS ENUM('draft', 'published', 'retired');--> statement-breakpoint
CREATE TYPE "public"."coupon_status" AS ENUM('issued', 'redeemed', 'expired', 'voided');--> statement-breakpoint
CREATE TYPE "public"."reward_kind" AS ENUM('amount_discount', 'percent_discount', 'free_product', 'experience', 'partner_perk');--> statement-breakpoint
CREATE TYPE "public"."reward_status" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."campaign_kind" AS ENUM('trigger', 'bonus', 'grant', 'offer');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'scheduled', 'running', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('owner', 'admin', 'marketer', 'analyst', 'staff');--> statement-breakpoint
CREATE TYPE "public"."webhook_endpoint_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"locale" text NOT NULL,
	"time_zone" text NOT NULL,
	"point_name" jsonb DEFAULT '{"es":"puntos","en":"points"}'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stores_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_tier_history" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"from_tier" text,
	"to_tier" text,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_tier_history_program_id_member_id_id_pk" PRIMARY KEY("program_id","member_id","id")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"card_number" text NOT NULL,
	"email" text,
	"phone" text,
	"name" text,
	"birthday" date,
	"city" text,
	"locale" text,
	"status" "member_status" DEFAULT 'active' NOT NULL,
	"enrolment_channel" "enrolment_channel" DEFAULT 'portal' NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consent_terms_at" timestamp with time zone,
	"consent_marketing" boolean DEFAULT false NOT NULL,
	"consent_personalization" boolean DEFAULT false NOT NULL,
	"tier_key" text,
	"tier_override_until" timestamp with time zone,
	"referral_code" text,
	"referred_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"program_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_program_id_key_pk" PRIMARY KEY("program_id","key")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"program_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"member_id" uuid,
	"kind" "ledger_entry_kind" NOT NULL,
	"points" integer NOT NULL,
	"available_delta" integer DEFAULT 0 NOT NULL,
	"pending_delta" integer DEFAULT 0 NOT NULL,
	"held_delta" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"channel" "ledger_channel" DEFAULT 'system' NOT NULL,
	"store_id" uuid,
	"order_ref" text,
	"purchase_id" uuid,
	"reverses_entry_id" bigint,
	"hold_id" uuid,
	"lot_id" uuid,
	"actor_type" "actor_type" DEFAULT 'system' NOT NULL,
	"actor_id" text,
	"idempotency_key" text,
	"explanation" jsonb,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_program_id_id_pk" PRIMARY KEY("program_id","id"),
	CONSTRAINT "ledger_entries_points_positive" CHECK ("ledger_entries"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "lot_allocations" (
	"program_id" uuid NOT NULL,
	"entry_id" bigint NOT NULL,
	"lot_id" uuid NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "lot_allocations_program_id_entry_id_lot_id_pk" PRIMARY KEY("program_id","entry_id","lot_id"),
	CONSTRAINT "lot_allocations_nonzero" CHECK ("lot_allocations"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "point_accounts" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid,
	"business_account_id" uuid,
	"available" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"lifetime_earned" integer DEFAULT 0 NOT NULL,
	"lifetime_redeemed" integer DEFAULT 0 NOT NULL,
	"lifetime_expired" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_accounts_program_id_id_pk" PRIMARY KEY("program_id","id"),
	CONSTRAINT "point_accounts_non_negative" CHECK ("point_accounts"."available" >= 0 and "point_accounts"."pending" >= 0 and "point_accounts"."held" >= 0 and "point_accounts"."lifetime_earned" >= 0 and "point_accounts"."lifetime_redeemed" >= 0 and "point_accounts"."lifetime_expired" >= 0)
);
--> statement-breakpoint
CREATE TABLE "point_holds" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid,
	"points" integer NOT NULL,
	"status" "hold_status" DEFAULT 'active' NOT NULL,
	"hold_entry_id" bigint NOT NULL,
	"captured_points" integer,
	"order_ref" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "point_holds_program_id_id_pk" PRIMARY KEY("program_id","id"),
	CONSTRAINT "point_holds_points_positive" CHECK ("point_holds"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "point_lots" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"source_entry_id" bigint NOT NULL,
	"amount" integer NOT NULL,
	"remaining" integer NOT NULL,
	"state" "lot_state" NOT NULL,
	"pending_until" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_lots_program_id_id_pk" PRIMARY KEY("program_id","id"),
	CONSTRAINT "point_lots_bounds" CHECK ("point_lots"."amount" > 0 and "point_lots"."remaining" >= 0 and "point_lots"."remaining" <= "point_lots"."amount")
);
--> statement-breakpoint
CREATE TABLE "purchase_lines" (
	"program_id" uuid NOT NULL,
	"purchase_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text,
	"category" text,
	"quantity" numeric(12, 3) NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"refunded_quantity" numeric(12, 3) DEFAULT 0 NOT NULL,
	"points_earned" integer DEFAULT 0 NOT NULL,
	"attributes" jsonb,
	CONSTRAINT "purchase_lines_program_id_purchase_id_line_no_pk" PRIMARY KEY("program_id","purchase_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "purchases" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid,
	"order_id" text NOT NULL,
	"channel" "purchase_channel" NOT NULL,
	"store_id" uuid,
	"amount_minor" bigint NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"status" "purchase_status" DEFAULT 'completed' NOT NULL,
	"points_earned" integer DEFAULT 0 NOT NULL,
	"earn_entry_id" bigint,
	"plan_version_id" uuid,
	"staff_user_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchases_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "product_categories" (
	"program_id" uuid NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_categories_program_id_code_pk" PRIMARY KEY("program_id","code")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"program_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"category_code" text,
	"brand" text,
	"unit_cost_minor" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_program_id_sku_pk" PRIMARY KEY("program_id","sku")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"status" "plan_version_status" DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"pilot" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"effective_from" timestamp with time zone,
	CONSTRAINT "plan_versions_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "rule_budget_usage" (
	"program_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"points_issued" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rule_budget_usage_program_id_rule_id_pk" PRIMARY KEY("program_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"reward_id" uuid,
	"member_id" uuid,
	"campaign_id" uuid,
	"status" "coupon_status" DEFAULT 'issued' NOT NULL,
	"redeem_entry_id" bigint,
	"points_spent" integer DEFAULT 0 NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"used_store_id" uuid,
	"used_by" text,
	CONSTRAINT "coupons_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "partner_codes" (
	"program_id" uuid NOT NULL,
	"reward_id" uuid NOT NULL,
	"code" text NOT NULL,
	"coupon_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_codes_program_id_reward_id_code_pk" PRIMARY KEY("program_id","reward_id","code")
);
--> statement-breakpoint
CREATE TABLE "reward_menus" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reward_menus_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "rewards" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"menu_id" uuid,
	"kind" "reward_kind" NOT NULL,
	"status" "reward_status" DEFAULT 'active' NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"points_price" integer NOT NULL,
	"tier_prices" jsonb,
	"value" bigint,
	"stock" integer,
	"per_member_limit" integer,
	"period_limit" jsonb,
	"coupon_valid_days" integer DEFAULT 30 NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"image_url" text,
	"eligibility" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rewards_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_awards" (
	"program_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"is_control" boolean DEFAULT false NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"entry_id" bigint,
	"coupon_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_awards_program_id_campaign_id_member_id_period_key_pk" PRIMARY KEY("program_id","campaign_id","member_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "campaign_kind" NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"segment_id" uuid,
	"definition" jsonb NOT NULL,
	"control_share_pct" integer DEFAULT 0 NOT NULL,
	"budget_points" integer,
	"budget_money_minor" bigint,
	"spent_points" integer DEFAULT 0 NOT NULL,
	"spent_money_minor" bigint DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_messages" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_messages_program_id_member_id_id_pk" PRIMARY KEY("program_id","member_id","id")
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"program_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "segment_members_program_id_segment_id_member_id_pk" PRIMARY KEY("program_id","segment_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"member_count" integer,
	"refreshed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid,
	"role" "role" NOT NULL,
	"store_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"extra_permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_time_codes" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_time_codes_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"bucket" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "rate_limit_hits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_limit_hits_bucket_id_pk" PRIMARY KEY("bucket","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text,
	"session_version" integer DEFAULT 1 NOT NULL,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" uuid,
	"program_id" uuid,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"program_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "domain_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	CONSTRAINT "domain_events_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"response_status" integer,
	"error" text,
	"duration_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"program_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"events" text[] NOT NULL,
	"status" "webhook_endpoint_status" DEFAULT 'active' NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"disabled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_program_id_id_pk" PRIMARY KEY("program_id","id")
);
--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tier_history" ADD CONSTRAINT "member_tier_history_program_id_member_id_members_program_id_id_fk" FOREIGN KEY ("program_id","member_id") REFERENCES "public"."members"("program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_accounts" ADD CONSTRAINT "point_accounts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_holds" ADD CONSTRAINT "point_holds_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_lots" ADD CONSTRAINT "point_lots_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_categories" ADD CONSTRAINT "product_categories_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_budget_usage" ADD CONSTRAINT "rule_budget_usage_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_codes" ADD CONSTRAINT "partner_codes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_menus" ADD CONSTRAINT "reward_menus_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_codes" ADD CONSTRAINT "one_time_codes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_slug_key" ON "programs" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "programs_organization_idx" ON "programs" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stores_program_code_key" ON "stores" USING btree ("program_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "members_program_external_key" ON "members" USING btree ("program_id","external_id") WHERE "members"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "members_program_card_key" ON "members" USING btree ("program_id","card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "members_program_referral_key" ON "members" USING btree ("program_id","referral_code") WHERE "members"."referral_code" is not null;--> statement-breakpoint
CREATE INDEX "members_program_email_idx" ON "members" USING btree ("program_id",lower("email"));--> statement-breakpoint
CREATE INDEX "members_program_phone_idx" ON "members" USING btree ("program_id","phone");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expiry_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("program_id","account_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_member_idx" ON "ledger_entries" USING btree ("program_id","member_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_reverses_idx" ON "ledger_entries" USING btree ("program_id","reverses_entry_id") WHERE "ledger_entries"."reverses_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_entries_program_time_idx" ON "ledger_entries" USING btree ("program_id","occurred_at");--> statement-breakpoint
CREATE INDEX "lot_allocations_lot_idx" ON "lot_allocations" USING btree ("program_id","lot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "point_accounts_member_key" ON "point_accounts" USING btree ("program_id","member_id") WHERE "point_accounts"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "point_holds_account_idx" ON "point_holds" USING btree ("program_id","account_id") WHERE "point_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "point_lots_account_idx" ON "point_lots" USING btree ("program_id","account_id","expires_at") WHERE "point_lots"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "point_lots_expiry_idx" ON "point_lots" USING btree ("program_id","expires_at") WHERE "point_lots"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "point_lots_release_idx" ON "point_lots" USING btree ("program_id","pending_until") WHERE "point_lots"."state" = 'pending' and "point_lots"."remaining" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_program_order_key" ON "purchases" USING btree ("program_id","order_id");--> statement-breakpoint
CREATE INDEX "purchases_member_idx" ON "purchases" USING btree ("program_id","member_id","occurred_at");--> statement-breakpoint
CREATE INDEX "purchases_program_time_idx" ON "purchases" USING btree ("program_id","occurred_at");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("program_id","category_code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_program_version_key" ON "plan_versions" USING btree ("program_id","version");--> statement-breakpoint
CREATE INDEX "plan_versions_live_idx" ON "plan_versions" USING btree ("program_id","effective_from") WHERE "plan_versions"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_program_code_key" ON "coupons" USING btree ("program_id","code");--> statement-breakpoint
CREATE INDEX "coupons_member_idx" ON "coupons" USING btree ("program_id","member_id","status");--> statement-breakpoint
CREATE INDEX "partner_codes_free_idx" ON "partner_codes" USING btree ("program_id","reward_id") WHERE "partner_codes"."coupon_id" is null;--> statement-breakpoint
CREATE INDEX "rewards_program_status_idx" ON "rewards" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "campaign_awards_member_idx" ON "campaign_awards" USING btree ("program_id","member_id");--> statement-breakpoint
CREATE INDEX "segment_members_member_idx" ON "segment_members" USING btree ("program_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree (lower("to"),"created_at");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "one_time_codes_email_idx" ON "one_time_codes" USING btree ("program_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_program_idx" ON "audit_log" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "domain_events_undispatched_idx" ON "domain_events" USING btree ("created_at") WHERE dispatched_at is null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("program_id","endpoint_id","created_at");