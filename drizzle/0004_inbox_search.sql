ALTER TABLE "feedback" ADD COLUMN "comment_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(comment, ''))) STORED;--> statement-breakpoint
-- The search index moves to the stored words; the old one indexed the same expression.
DROP INDEX "feedback_inbox_search_idx";--> statement-breakpoint
CREATE INDEX "feedback_inbox_search_idx" ON "feedback" USING gin ("comment_search") WHERE "helpful" = false;
