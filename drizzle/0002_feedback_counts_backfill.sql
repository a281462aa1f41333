-- Counts for the votes stored before feedback_counts existed (all in shard 0). Runs once,
-- under the migration lock; from here on every vote updates its count in the same statement.
INSERT INTO "feedback_counts" ("guide", "helpful", "shard", "votes")
SELECT "guide", "helpful", 0, count(*) FROM "feedback" GROUP BY "guide", "helpful";
