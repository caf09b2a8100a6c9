CREATE TYPE "public"."timer_kind" AS ENUM('vote', 'discussion');--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "timer_kind" timer_kind;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "timer_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "timer_seconds" integer;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "timer_closes_vote" boolean DEFAULT false NOT NULL;