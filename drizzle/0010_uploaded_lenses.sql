CREATE TYPE "public"."uploaded_lens_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "uploaded_lenses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"lens_id" text NOT NULL,
	"version" text NOT NULL,
	"status" "uploaded_lens_status" DEFAULT 'draft' NOT NULL,
	"file_name" text NOT NULL,
	"source" text NOT NULL,
	"lens" jsonb NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "uploaded_lenses" ADD CONSTRAINT "uploaded_lenses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "uploaded_lenses_lens_version_key" ON "uploaded_lenses" USING btree ("lens_id","version");--> statement-breakpoint
CREATE INDEX "uploaded_lenses_account_idx" ON "uploaded_lenses" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "uploaded_lenses_status_idx" ON "uploaded_lenses" USING btree ("status");