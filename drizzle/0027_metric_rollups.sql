CREATE TABLE "metric_rollups" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"dimension" text NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"part" integer NOT NULL,
	"whole" integer NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"hours" double precision[],
	CONSTRAINT "metric_rollups_workspace_id_source_dimension_day_key_pk" PRIMARY KEY("workspace_id","source","dimension","day","key")
);
--> statement-breakpoint
CREATE TABLE "stale_metric_sources" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "stale_metric_sources_workspace_id_source_pk" PRIMARY KEY("workspace_id","source")
);
--> statement-breakpoint
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stale_metric_sources" ADD CONSTRAINT "stale_metric_sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;