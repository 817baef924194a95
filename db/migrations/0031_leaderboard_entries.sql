CREATE TABLE "leaderboard_entries" (
	"program_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"display_name" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leaderboard_entries_program_id_member_id_pk" PRIMARY KEY("program_id","member_id"),
	CONSTRAINT "leaderboard_entries_display_name_length" CHECK ("leaderboard_entries"."display_name" is null or char_length("leaderboard_entries"."display_name") between 2 and 24)
);
--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ADD CONSTRAINT "leaderboard_entries_program_id_member_id_members_program_id_id_fk" FOREIGN KEY ("program_id","member_id") REFERENCES "public"."members"("program_id","id") ON DELETE no action ON UPDATE no action;