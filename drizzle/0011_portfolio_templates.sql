CREATE TABLE "workshop_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workshop_templates" ADD CONSTRAINT "workshop_templates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_templates_account_idx" ON "workshop_templates" USING btree ("account_id");
--> statement-breakpoint
-- Workshops closed before closed_at existed enter the client portfolio in the order they were created.
UPDATE "workshops" SET "closed_at" = "created_at" WHERE "status" = 'closed';
