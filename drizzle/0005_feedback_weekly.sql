CREATE TABLE "feedback_weekly" (
	"week" date NOT NULL,
	"guide" text NOT NULL,
	"lang" text NOT NULL,
	"helpful" boolean NOT NULL,
	"shard" smallint NOT NULL,
	"votes" bigint NOT NULL,
	CONSTRAINT "feedback_weekly_week_guide_lang_helpful_shard_pk" PRIMARY KEY("week","guide","lang","helpful","shard")
);
--> statement-breakpoint
-- One grouped upsert per INSERT statement (a transition table), so a bulk import costs one
-- row per week, guide, language and answer, not one per vote. 64 = COUNT_SHARDS in
-- src/lib/server/feedback.ts: a session's votes land on its own row.
CREATE FUNCTION feedback_weekly_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO feedback_weekly (week, guide, lang, helpful, shard, votes)
	SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date, guide, lang, helpful, pg_backend_pid() % 64, count(*)
	FROM added GROUP BY 1, 2, 3, 4
	ON CONFLICT (week, guide, lang, helpful, shard) DO UPDATE SET votes = feedback_weekly.votes + excluded.votes;
	RETURN NULL;
END;
$$;--> statement-breakpoint
-- The trigger first: creating it locks out inserts until the migration commits, so the
-- backfill below counts exactly the votes stored before it, once.
CREATE TRIGGER feedback_weekly_count AFTER INSERT ON "feedback" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION feedback_weekly_count();--> statement-breakpoint
INSERT INTO "feedback_weekly" ("week", "guide", "lang", "helpful", "shard", "votes")
SELECT date_trunc('week', "created_at" AT TIME ZONE 'UTC')::date, "guide", "lang", "helpful", 0, count(*) FROM "feedback" GROUP BY 1, 2, 3, 4;
