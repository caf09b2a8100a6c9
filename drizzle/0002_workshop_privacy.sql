CREATE SEQUENCE "public"."response_release_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "released_answers" jsonb;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "pending" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "released_version" bigint;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "expected_group_size" integer DEFAULT 1000 NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "close_release_used" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "participants_workshop_idx" ON "participants" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "responses_pending_idx" ON "responses" USING btree ("workshop_id") WHERE "responses"."pending";--> statement-breakpoint
-- Responses stored before batching were already visible in the aggregates: release them as they are.
UPDATE "responses" SET "released_answers" = "answers", "pending" = false, "released_version" = nextval('response_release_seq');
