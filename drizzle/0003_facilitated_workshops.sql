CREATE TYPE "public"."facilitation_phase" AS ENUM('lobby', 'voting', 'revealed');--> statement-breakpoint
CREATE TYPE "public"."workshop_mode" AS ENUM('self_paced', 'facilitated');--> statement-breakpoint
CREATE TABLE "workshop_agreements" (
	"workshop_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"agreed_answer" text,
	"note" text,
	"action" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_agreements_pkey" PRIMARY KEY("workshop_id","question_id")
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "voted_seq" integer;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "mode" "workshop_mode" DEFAULT 'self_paced' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "phase" "facilitation_phase" DEFAULT 'lobby' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "current_item" text;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "vote_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "figures_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop_agreements" ADD CONSTRAINT "workshop_agreements_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;