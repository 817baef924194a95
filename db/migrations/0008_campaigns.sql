CREATE TYPE "public"."campaign_group" AS ENUM('treatment', 'control');--> statement-breakpoint
CREATE TABLE "campaign_members" (
	"program_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"group" "campaign_group" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_members_program_id_campaign_id_member_id_pk" PRIMARY KEY("program_id","campaign_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "frequency_cap" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "created_by" uuid;--> statement-breakpoint
CREATE INDEX "campaign_members_member_idx" ON "campaign_members" USING btree ("program_id","member_id");