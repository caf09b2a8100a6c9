CREATE TYPE "public"."action_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD COLUMN "action_owner" text;--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD COLUMN "action_due" date;--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD COLUMN "action_status" "action_status" DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD COLUMN "carried_from" date;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "follows_workshop_id" uuid;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_follows_workshop_id_workshops_id_fk" FOREIGN KEY ("follows_workshop_id") REFERENCES "public"."workshops"("id") ON DELETE set null ON UPDATE no action;