CREATE TABLE "survey_displays" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"customer_id" uuid,
	"anonymous_id" text,
	"widget_key_id" uuid,
	"displayed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "event_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "order_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "lifetime_value" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_displays" ADD CONSTRAINT "survey_displays_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_displays" ADD CONSTRAINT "survey_displays_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_displays" ADD CONSTRAINT "survey_displays_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_displays" ADD CONSTRAINT "survey_displays_widget_key_id_widget_keys_id_fk" FOREIGN KEY ("widget_key_id") REFERENCES "public"."widget_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_displays_survey_idx" ON "survey_displays" USING btree ("workspace_id","survey_id","displayed_at");--> statement-breakpoint
CREATE INDEX "survey_displays_customer_idx" ON "survey_displays" USING btree ("workspace_id","customer_id","displayed_at");--> statement-breakpoint
UPDATE "customers" c SET "event_count" = e.n FROM (SELECT "customer_id", count(*)::int AS n FROM "events" GROUP BY "customer_id") e WHERE e."customer_id" = c."id";--> statement-breakpoint
UPDATE "customers" c SET "order_count" = o.n, "lifetime_value" = o.ltv FROM (
  SELECT "customer_id", sum(n)::int AS n, jsonb_object_agg("currency", total) AS ltv
  FROM (SELECT "customer_id", "currency", count(*) AS n, sum("amount") AS total FROM "orders" GROUP BY "customer_id", "currency") per_currency
  GROUP BY "customer_id"
) o WHERE o."customer_id" = c."id";
