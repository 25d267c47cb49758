ALTER TABLE "widget_keys" ADD COLUMN "identity_secret" text DEFAULT ('fl_idv_' || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')) NOT NULL;--> statement-breakpoint
ALTER TABLE "widget_keys" ADD COLUMN "previous_identity_secret" text;--> statement-breakpoint
ALTER TABLE "widget_keys" ADD COLUMN "previous_secret_expires_at" timestamp with time zone;