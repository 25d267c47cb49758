DROP INDEX "feedback_search_idx";--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(search_text, ''))) STORED;--> statement-breakpoint
CREATE INDEX "feedback_search_vector_idx" ON "feedback_items" USING gin ("search_vector");