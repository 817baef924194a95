CREATE TABLE "member_rule_usage" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"day" date NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_rule_usage_program_id_member_id_rule_id_day_pk" PRIMARY KEY("program_id","member_id","rule_id","day")
);
--> statement-breakpoint
ALTER TABLE "member_rule_usage" ADD CONSTRAINT "member_rule_usage_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;