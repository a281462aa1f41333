-- The weekly counts move from the statement trigger of 0005 into the vote's own statement
-- (recordFeedback), beside feedback_counts: the trigger's transition table and second
-- statement cost a vote about a quarter of its throughput and most of its p99 (measured in
-- docs/scaling.md, 2026-12-03). Counts stay exact: the vote, its count and its week are one
-- statement. Writers other than the site (a bulk import) rebuild both counts from the rows.
DROP TRIGGER "feedback_weekly_count" ON "feedback";--> statement-breakpoint
DROP FUNCTION "feedback_weekly_count"();
