CREATE TABLE "feedback_rollups" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"items" integer NOT NULL,
	"promoters" integer NOT NULL,
	"passives" integer NOT NULL,
	"detractors" integer NOT NULL,
	"csat_answers" integer NOT NULL,
	"csat_satisfied" integer NOT NULL,
	"ces_answers" integer NOT NULL,
	"ces_sum" integer NOT NULL,
	"ces_sum_of_squares" integer NOT NULL,
	"positive" integer NOT NULL,
	"neutral" integer NOT NULL,
	"negative" integer NOT NULL,
	"sentiment_scored" integer NOT NULL,
	"sentiment_sum" double precision NOT NULL,
	"sentiment_sum_of_squares" double precision NOT NULL,
	CONSTRAINT "feedback_rollups_workspace_id_dimension_day_key_pk" PRIMARY KEY("workspace_id","dimension","day","key")
);
--> statement-breakpoint
CREATE TABLE "stale_rollup_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "stale_rollup_days_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
ALTER TABLE "feedback_rollups" ADD CONSTRAINT "feedback_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stale_rollup_days" ADD CONSTRAINT "stale_rollup_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;