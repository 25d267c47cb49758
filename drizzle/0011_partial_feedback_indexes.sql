DROP INDEX "feedback_language_created_idx";--> statement-breakpoint
DROP INDEX "feedback_sentiment_created_idx";--> statement-breakpoint
DROP INDEX "feedback_type_created_idx";--> statement-breakpoint
DROP INDEX "feedback_assignee_idx";--> statement-breakpoint
DROP INDEX "feedback_survey_idx";--> statement-breakpoint
DROP INDEX "feedback_search_vector_idx";--> statement-breakpoint
CREATE INDEX "feedback_language_created_idx" ON "feedback_items" USING btree ("workspace_id","language","created_at") WHERE "feedback_items"."language" is not null;--> statement-breakpoint
CREATE INDEX "feedback_sentiment_created_idx" ON "feedback_items" USING btree ("workspace_id","sentiment","created_at") WHERE "feedback_items"."sentiment" is not null;--> statement-breakpoint
CREATE INDEX "feedback_type_created_idx" ON "feedback_items" USING btree ("workspace_id","feedback_type","created_at") WHERE "feedback_items"."feedback_type" is not null;--> statement-breakpoint
CREATE INDEX "feedback_assignee_idx" ON "feedback_items" USING btree ("workspace_id","assignee_id","created_at") WHERE "feedback_items"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "feedback_survey_idx" ON "feedback_items" USING btree ("workspace_id",("metadata" ->> 'survey_id')) WHERE ("feedback_items"."metadata" ->> 'survey_id') is not null;--> statement-breakpoint
CREATE INDEX "feedback_search_vector_idx" ON "feedback_items" USING gin ("search_vector") WHERE "feedback_items"."search_text" is not null;