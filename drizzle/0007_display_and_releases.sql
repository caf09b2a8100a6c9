ALTER TABLE "workshops" ADD COLUMN "shown_question" text;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "question_releases" jsonb DEFAULT '{}'::jsonb NOT NULL;