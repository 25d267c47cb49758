CREATE TABLE "compensation_approval_limits" (
	"workspace_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"max_amount" numeric(14, 2) NOT NULL,
	CONSTRAINT "compensation_approval_limits_workspace_id_currency_pk" PRIMARY KEY("workspace_id","currency")
);
--> statement-breakpoint
ALTER TABLE "compensations" ADD COLUMN "status" text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "compensations" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "compensations" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "remind_minutes_before" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "remind_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "compensation_approval_limits" ADD CONSTRAINT "compensation_approval_limits_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_reminder_due_idx" ON "tasks" USING btree ("remind_at") WHERE "tasks"."reminded_at" is null and "tasks"."status" = 'open';