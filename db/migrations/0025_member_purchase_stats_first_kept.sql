DROP INDEX "member_purchase_stats_last_idx";--> statement-breakpoint
ALTER TABLE "member_purchase_stats" ADD COLUMN "first_kept_minor" bigint DEFAULT 0 NOT NULL;