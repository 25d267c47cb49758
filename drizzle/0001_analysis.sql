CREATE TABLE "analysis_corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"feedback_id" uuid,
	"field" text NOT NULL,
	"labels" text[] NOT NULL,
	"text" text NOT NULL,
	"language" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"cursor" jsonb,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"keywords" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"examples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_models" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'idle' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"examples" integer DEFAULT 0 NOT NULL,
	"weights" "bytea",
	"error" text,
	"trained_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "sentiment_confidence" real;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "type_confidence" real;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "topic_scores" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "corrected_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "analysis_version" text;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "analysis_error" text;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "pii_redacted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "analysis_corrections" ADD CONSTRAINT "analysis_corrections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_corrections" ADD CONSTRAINT "analysis_corrections_feedback_id_feedback_items_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_corrections" ADD CONSTRAINT "analysis_corrections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_models" ADD CONSTRAINT "workspace_models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_corrections_item_field" ON "analysis_corrections" USING btree ("workspace_id","feedback_id","field") WHERE feedback_id is not null;--> statement-breakpoint
CREATE INDEX "analysis_corrections_workspace_created" ON "analysis_corrections" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "analysis_runs_workspace_created" ON "analysis_runs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "topics_workspace_key" ON "topics" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE INDEX "feedback_sentiment_created_idx" ON "feedback_items" USING btree ("workspace_id","sentiment","created_at");--> statement-breakpoint
CREATE INDEX "feedback_type_created_idx" ON "feedback_items" USING btree ("workspace_id","feedback_type","created_at");--> statement-breakpoint
CREATE INDEX "feedback_topics_idx" ON "feedback_items" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "feedback_search_idx" ON "feedback_items" USING gin (to_tsvector('simple', coalesce("search_text", '')));