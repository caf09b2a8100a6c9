CREATE TYPE "public"."workshop_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workshop_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"display_name" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_id_workshop_key" UNIQUE("id","workshop_id")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workshop_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responses_workshop_participant_key" UNIQUE("workshop_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY NOT NULL,
	"join_code" text NOT NULL,
	"title" text NOT NULL,
	"organisation" text,
	"min_group_size" integer NOT NULL,
	"status" "workshop_status" DEFAULT 'open' NOT NULL,
	"facilitator_token_hash" text NOT NULL,
	"bank_id" text NOT NULL,
	"bank_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshops_min_group_size_check" CHECK ("workshops"."min_group_size" >= 1)
);
--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_participant_fk" FOREIGN KEY ("participant_id","workshop_id") REFERENCES "public"."participants"("id","workshop_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participants_token_hash_key" ON "participants" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_join_code_key" ON "workshops" USING btree ("join_code");