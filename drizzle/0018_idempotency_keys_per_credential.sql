ALTER TABLE "idempotency_keys" ADD COLUMN "credential" text NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_workspace_id_key_pk";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_workspace_id_credential_key_pk" PRIMARY KEY("workspace_id","credential","key");
