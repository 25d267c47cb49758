CREATE TABLE "service_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"external_code" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "service_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "service_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "service_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "service_units" ADD CONSTRAINT "service_units_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_units" ADD CONSTRAINT "service_units_parent_id_service_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_units_parent_idx" ON "service_units" USING btree ("workspace_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_units_external_code_key" ON "service_units" USING btree ("workspace_id","external_code") WHERE "service_units"."external_code" is not null;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_service_unit_id_service_units_id_fk" FOREIGN KEY ("service_unit_id") REFERENCES "public"."service_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_service_unit_id_service_units_id_fk" FOREIGN KEY ("service_unit_id") REFERENCES "public"."service_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_service_unit_id_service_units_id_fk" FOREIGN KEY ("service_unit_id") REFERENCES "public"."service_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_service_unit_idx" ON "feedback_items" USING btree ("workspace_id","service_unit_id","created_at") WHERE "feedback_items"."service_unit_id" is not null;