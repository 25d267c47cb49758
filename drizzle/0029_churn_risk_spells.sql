CREATE TABLE "churn_risk_spells" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	CONSTRAINT "churn_risk_spells_customer_id_starts_at_pk" PRIMARY KEY("customer_id","starts_at")
);
--> statement-breakpoint
CREATE TABLE "stale_churn_customers" (
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "stale_churn_customers_workspace_id_customer_id_pk" PRIMARY KEY("workspace_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "churn_risk_spells" ADD CONSTRAINT "churn_risk_spells_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_risk_spells" ADD CONSTRAINT "churn_risk_spells_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stale_churn_customers" ADD CONSTRAINT "stale_churn_customers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "churn_risk_spells_workspace_idx" ON "churn_risk_spells" USING btree ("workspace_id","starts_at");--> statement-breakpoint
-- Whatever the churn-risk definition reads marks the customers it concerns; the refresh-rollups
-- schedule rebuilds their spells: NPS answers (given, corrected, moved to another customer),
-- the customer's activity, creation and merge, and rules' churn-risk flags.
CREATE FUNCTION churn_risk_feedback_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stale_churn_customers (workspace_id, customer_id)
    SELECT DISTINCT n.workspace_id, n.customer_id FROM new_rows n WHERE n.customer_id IS NOT NULL AND n.nps IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stale_churn_customers (workspace_id, customer_id)
    SELECT DISTINCT o.workspace_id, o.customer_id FROM old_rows o WHERE o.customer_id IS NOT NULL AND o.nps IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO stale_churn_customers (workspace_id, customer_id)
    SELECT DISTINCT x.workspace_id, x.customer_id FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.workspace_id, o.customer_id), (n.workspace_id, n.customer_id)) AS x(workspace_id, customer_id)
    WHERE (o.customer_id, o.nps, o.created_at) IS DISTINCT FROM (n.customer_id, n.nps, n.created_at)
      AND (o.nps IS NOT NULL OR n.nps IS NOT NULL) AND x.customer_id IS NOT NULL
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER churn_risk_feedback_insert AFTER INSERT ON feedback_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_feedback_changed();
--> statement-breakpoint
CREATE TRIGGER churn_risk_feedback_update AFTER UPDATE ON feedback_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_feedback_changed();
--> statement-breakpoint
CREATE TRIGGER churn_risk_feedback_delete AFTER DELETE ON feedback_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_feedback_changed();
--> statement-breakpoint
CREATE FUNCTION churn_risk_customers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stale_churn_customers (workspace_id, customer_id)
    SELECT n.workspace_id, n.id FROM new_rows n WHERE n.last_seen_at IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSE
    -- Every event moves last_seen_at: a customer already marked is only read, never written again.
    INSERT INTO stale_churn_customers (workspace_id, customer_id)
    SELECT n.workspace_id, n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.last_seen_at, o.created_at, o.merged_into_id) IS DISTINCT FROM (n.last_seen_at, n.created_at, n.merged_into_id)
      AND NOT EXISTS (SELECT 1 FROM stale_churn_customers s WHERE s.workspace_id = n.workspace_id AND s.customer_id = n.id)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER churn_risk_customers_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_customers_changed();
--> statement-breakpoint
CREATE TRIGGER churn_risk_customers_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_customers_changed();
--> statement-breakpoint
CREATE FUNCTION churn_risk_flags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stale_churn_customers (workspace_id, customer_id)
    SELECT DISTINCT n.workspace_id, n.customer_id FROM new_rows n WHERE n.flag = 'churn_risk'
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO stale_churn_customers (workspace_id, customer_id)
    SELECT DISTINCT o.workspace_id, o.customer_id FROM old_rows o WHERE o.flag = 'churn_risk'
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER churn_risk_flags_insert AFTER INSERT ON customer_flags
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_flags_changed();
--> statement-breakpoint
CREATE TRIGGER churn_risk_flags_update AFTER UPDATE ON customer_flags
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_flags_changed();
--> statement-breakpoint
CREATE TRIGGER churn_risk_flags_delete AFTER DELETE ON customer_flags
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION churn_risk_flags_changed();
--> statement-breakpoint
-- The customers stored before the spells existed are computed by the first refresh.
INSERT INTO stale_churn_customers (workspace_id, customer_id)
SELECT workspace_id, id FROM customers WHERE merged_into_id IS NULL
ON CONFLICT DO NOTHING;
